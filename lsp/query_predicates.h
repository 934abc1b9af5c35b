//===--- query_predicates.h - text predicates tree-sitter leaves to us ----===//
//
// The C runtime parses "#eq?", "#match?" and friends but does not evaluate
// them. Like the Rust binding's TextPredicateCapture, each pattern's
// predicates are compiled once, when the query is built, into typed checks
// (regexes compiled with RE2, which runs in linear time on any input); a
// match is then checked against them without re-reading the query.
//
// Supported: #eq?, #not-eq?, #match?, #not-match?, #any-of?, and, as in
// nvim-treesitter, #has-parent? / #not-has-parent? (the captured node's
// parent is / is not one of the listed node types) and #has-ancestor? /
// #not-has-ancestor? (any node above it is / none is); and our own
// #has-previous-sibling? (the named node just before it, comments skipped,
// is one of the listed types). Anything else is a compile error naming the predicate.
//
// #has-parent? exists for speed as much as for convenience: a pattern rooted
// at a node with many children, `(translation_unit (declaration) @construct)`,
// makes tree-sitter visit every one of those children on each hover, while
// `((declaration) @construct (#has-parent? @construct translation_unit))`
// starts at the construct and looks up one parent.
//
//===----------------------------------------------------------------------===//
#ifndef GLOSS_LSP_QUERY_PREDICATES_H
#define GLOSS_LSP_QUERY_PREDICATES_H

#include <tree_sitter/api.h>

#include <re2/re2.h>

#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace gloss {

class PatternPredicates {
public:
  /// Compiles the predicates of one pattern. On error returns false and sets
  /// `error` to a message such as "#match? needs a capture and a string".
  bool compile(const TSQuery *query, uint32_t pattern_index, std::string &error);

  /// True when every predicate holds for `match` over `source`. A capture
  /// that did not take part in the match satisfies its predicates.
  bool holds(const TSQueryMatch &match, std::string_view source) const;

  std::size_t size() const { return checks_.size(); }

private:
  struct Equals {
    uint32_t capture;
    std::string text;
    bool negated;
  };
  struct EqualsCapture {
    uint32_t capture;
    uint32_t other;
    bool negated;
  };
  struct Matches {
    uint32_t capture;
    std::shared_ptr<const RE2> regex;
    bool negated;
  };
  struct AnyOf {
    uint32_t capture;
    std::vector<std::string> values;
  };
  struct HasParent {
    uint32_t capture;
    std::vector<std::string> types;
    bool negated;
    enum class Relative { Parent, AnyAncestor, PreviousSibling } relative;
  };
  using Check = std::variant<Equals, EqualsCapture, Matches, AnyOf, HasParent>;

  std::vector<Check> checks_;
};

} // namespace gloss

#endif
