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

/// The node a pattern starts at: its type ("_" for a wildcard, the text of
/// a quoted anonymous node), and whether the pattern goes on to match that
/// node's children without anchoring to the first one (`(parent (child))`
/// rather than `(parent . (child))`), and whether the node is named (a
/// quoted node is not). For a wildcard root, `(_ "static")`, also a child
/// that every match has, by its type: matches then start at the parents of
/// such children.
struct PatternRoot {
  std::string_view type;
  bool matches_children = false;
  bool named = true;
  std::string_view required_child; ///< empty when the children name none (or the root is not `_`)
  bool required_child_named = true;
};

/// The roots of one pattern: one, or one per branch of a top-level
/// alternation. Empty when the text is not a pattern.
std::vector<PatternRoot> pattern_roots(std::string_view pattern);

} // namespace gloss

#endif
