//===--- query_patterns.h - split a query into its top-level patterns -----===//
//
// A snippet's query may list several alternative patterns. A snippet written
// for JavaScript also serves TypeScript and TSX, whose grammars lack a few of
// JavaScript's node types; splitting lets the index keep the patterns that do
// compile for the child grammar instead of dropping the whole snippet.
//
//===----------------------------------------------------------------------===//
#ifndef GLOSS_LSP_QUERY_PATTERNS_H
#define GLOSS_LSP_QUERY_PATTERNS_H

#include <cstdint>
#include <string_view>
#include <vector>

namespace gloss {

struct QueryPattern {
  std::string_view text; ///< one top-level pattern with its captures and quantifier
  uint32_t line = 0;     ///< 0-based line in the query where it starts
};

/// Splits at top-level parenthesised or bracketed groups, keeping the
/// captures, quantifiers and predicates that follow each group with it.
/// Strings and ';' comments are skipped. Unbalanced text comes back whole.
std::vector<QueryPattern> split_query_patterns(std::string_view query);

} // namespace gloss

#endif
