//===--- example_assertions.h - markers under example code ----------------===//
//
// Snippet examples carry their own tests, in tree-sitter's highlight-test
// convention: a comment line whose "^" marks a column of the nearest code
// line above ("^^^" a span, "<-" the comment's own column), optionally
// followed by "!" (must not rank first) and/or a snippet id. Assertion
// comments are found through the parse tree, so any language whose comment
// node type contains "comment" works without a per-language rule.
//
//===----------------------------------------------------------------------===//
#ifndef GLOSS_LSP_EXAMPLE_ASSERTIONS_H
#define GLOSS_LSP_EXAMPLE_ASSERTIONS_H

#include "language_registry.h"
#include "snippet.h"

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace gloss {

struct ExtractedAssertions {
  bool parsed = false;                      ///< false: the parser gave up.
  bool has_syntax_error = false;
  uint32_t syntax_error_line = 0;           ///< 0-based line of the first error node.
  std::vector<ExampleAssertion> assertions; ///< source_line left 0 (the caller knows the offset).
  std::set<uint32_t> assertion_lines;       ///< 0-based lines that hold only an assertion.
  std::vector<std::pair<uint32_t, std::string>> problems; ///< (0-based line, message)
};

ExtractedAssertions extract_assertions(const Language &language, std::string_view code);

/// The code without its assertion lines: what a learner should see.
std::string strip_assertion_lines(std::string_view code, const std::set<uint32_t> &lines);

} // namespace gloss

#endif
