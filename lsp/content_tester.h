//===--- content_tester.h - run each snippet's examples as tests ----------===//
//
// For every example of every selected snippet: parse it, and at each marked
// position ask the matcher which tip ranks first, against the whole index
// (so a team snippet is tested together with the built-in pack it sits on).
// Failures are reported by kind, as rule testers do:
//   missing - the expected tip did not rank first where an example says it must;
//   noisy   - a tip ranked first where an example says it must not.
// A team note (kind: note) is shown beside tips rather than instead of them,
// so for a note "ranks first" means it is the first note at the position.
//
//===----------------------------------------------------------------------===//
#ifndef GLOSS_LSP_CONTENT_TESTER_H
#define GLOSS_LSP_CONTENT_TESTER_H

#include "content_index.h"

#include <functional>
#include <string>
#include <vector>

namespace gloss {

enum class FailureKind { Missing, Noisy };

struct TestFailure {
  FailureKind kind;
  std::string source;
  uint32_t line = 0; ///< 1-based line of the marker in the content file.
  std::string expected_id;
  std::string actual_id; ///< empty when no tip matched.
  std::string message() const;
};

/// A pattern of a snippet that matches nowhere in the snippet's examples:
/// untested at best, dead at worst (e.g. siblings written where "either" was meant).
struct UnexercisedPattern {
  std::string source;
  uint32_t line = 0;
  std::string id;
};

struct TestReport {
  std::size_t snippets = 0;
  std::size_t examples = 0;
  std::size_t assertions = 0;
  std::vector<TestFailure> failures;
  std::vector<std::string> untested; ///< ids of snippets without a single positive assertion.
  std::vector<UnexercisedPattern> unexercised;
};

/// Tests the snippets for which `selected` returns true.
TestReport test_examples(const ContentIndex &index,
                         const std::function<bool(const Snippet &)> &selected);

} // namespace gloss

#endif
