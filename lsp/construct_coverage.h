//===--- construct_coverage.h - which constructs a codebase uses, and tips for them ===//
//
// The needs assessment behind `gloss coverage`: walk a codebase (respecting
// .gitignore), parse every file of a supported language on all cores, count
// each kind of construct (named nodes that have children: calls, loops,
// comprehensions — not bare names or literals, nor code that only groups
// other code, unless a tip explains them), and note which snippets' queries
// explain the constructs found. Ranked by frequency, the uncovered
// ones are the tips a team should write next.
//
//===----------------------------------------------------------------------===//
#ifndef GLOSS_LSP_CONSTRUCT_COVERAGE_H
#define GLOSS_LSP_CONSTRUCT_COVERAGE_H

#include "content_index.h"

#include <cstdint>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace gloss {

struct ConstructCount {
  std::string type;                ///< the tree-sitter node type
  uint64_t occurrences = 0;
  std::set<std::string> snippets;  ///< ids whose @construct matched this type in the code
  bool operator==(const ConstructCount &) const = default;
};

struct LanguageCoverage {
  std::string language;
  uint64_t files = 0;
  uint64_t lines = 0;
  std::vector<ConstructCount> constructs; ///< most frequent first
  bool operator==(const LanguageCoverage &) const = default;
};

struct CoverageReport {
  std::vector<LanguageCoverage> languages; ///< most lines first
  uint64_t skipped = 0;                    ///< unreadable, too large or unparsable files
  bool operator==(const CoverageReport &) const = default;
};

/// Files below `roots` whose extension names a supported language, minus
/// what .gitignore files exclude; `.git` folders and symlinks are skipped.
std::vector<std::filesystem::path> list_source_files(const std::vector<std::filesystem::path> &roots);

/// Parses `files` on `threads` threads and counts constructs and coverage.
CoverageReport measure_coverage(const std::vector<std::filesystem::path> &files, const ContentIndex &index,
                                unsigned threads);

/// The report for one text as if it were a file: how fuzzing checks the
/// counting against a reference.
CoverageReport measure_text_coverage(const Language &language, const std::string &text, const ContentIndex &index);

/// Files larger than this are skipped (generated or minified code).
inline constexpr std::uintmax_t max_coverage_file_bytes = 2 * 1024 * 1024;

} // namespace gloss

#endif
