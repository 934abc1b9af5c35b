//===--- syntax_tree.h - the syntax tree of one document ------------------===//
//
// SyntaxTree owns one document's tree-sitter tree. Its API speaks bytes only:
// the LSP layer converts positions before it gets here. Edits follow
// tree-sitter's two-step contract: ts_tree_edit on the old tree, then a
// reparse that reuses it, so a keystroke costs work proportional to the edit,
// not to the file.
//
// Parsing has a budget of CPU time on the parsing thread (checked from a
// progress callback, so a busy machine does not count against it); a parse
// that exceeds it leaves the tree empty, and callers degrade to "no tip"
// rather than stall.
//
//===----------------------------------------------------------------------===//
#ifndef GLOSS_PARSERS_SYNTAX_TREE_H
#define GLOSS_PARSERS_SYNTAX_TREE_H

#include "language_registry.h"
#include "ts_handles.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gloss {

/// The symbol of ERROR nodes (tree-sitter's ts_builtin_sym_error, which its
/// public header does not name): past every grammar's own symbols.
constexpr TSSymbol error_symbol = 0xFFFF;

/// One text replacement, described both as bytes and as (row, byte column)
/// points, as ts_tree_edit requires.
struct ByteEdit {
  uint32_t start_byte = 0;
  uint32_t old_end_byte = 0;
  uint32_t new_end_byte = 0;
  TSPoint start_point{0, 0};
  TSPoint old_end_point{0, 0};
  TSPoint new_end_point{0, 0};

  /// Builds the edit that replaces old_text[start, old_end) with `inserted`,
  /// computing the points by scanning old_text. O(size of old_text); the
  /// document store computes points from its line index instead.
  static ByteEdit replacing(std::string_view old_text, uint32_t start, uint32_t old_end,
                            std::string_view inserted);
};

/// The point (row, byte column) just after `text`, starting from `origin`.
TSPoint point_after(TSPoint origin, std::string_view text);

class SyntaxTree {
public:
  static constexpr std::chrono::milliseconds default_parse_budget{2000};

  explicit SyntaxTree(const Language &language,
                      std::chrono::milliseconds parse_budget = default_parse_budget);
  /// Adopts `tree` (a snapshot() of another SyntaxTree, perhaps edited since):
  /// how a tree moves to another thread for reparse_edited().
  SyntaxTree(const Language &language, TreeHandle tree,
             std::chrono::milliseconds parse_budget = default_parse_budget);
  SyntaxTree(SyntaxTree &&) noexcept = default;
  SyntaxTree &operator=(SyntaxTree &&) noexcept = default;
  SyntaxTree(const SyntaxTree &) = delete;
  SyntaxTree &operator=(const SyntaxTree &) = delete;

  /// Parses `text` from scratch. Returns false when the budget ran out (the
  /// tree is then empty).
  bool parse(std::string_view text);

  /// Applies `edit` to the current tree and reparses `new_text` (the whole
  /// document after the edit) incrementally. Without a current tree this is
  /// a full parse. Returns false when the budget ran out.
  bool apply_edit(const ByteEdit &edit, std::string_view new_text);

  /// Records `edit` in the current tree (positions shift; no parsing), so
  /// that several edits can be followed by one reparse_edited().
  void edit(const ByteEdit &edit);
  /// Reparses `text` (the whole document after the recorded edits)
  /// incrementally. Returns false when the budget ran out.
  bool reparse_edited(std::string_view text) { return reparse(text, tree_.get()); }

  bool empty() const { return tree_ == nullptr; }
  /// The root node; a null node (ts_node_is_null) when empty().
  TSNode root() const;
  bool has_error() const;
  /// Where the parser found the first syntax error at the latest: the end of
  /// the token after the first ERROR or MISSING node (the token it could not
  /// take may be that one). nullopt when the tree has no error.
  std::optional<uint32_t> first_error_end() const;
  /// The smallest named node containing `byte_offset` (clamped to the text).
  TSNode node_at(uint32_t byte_offset) const;
  const TSTree *tree() const { return tree_.get(); }
  /// A copy of the tree for another thread (an atomic refcount bump).
  TreeHandle snapshot() const;
  const Language &language() const { return *language_; }

private:
  bool reparse(std::string_view text, const TSTree *old_tree);

  const Language *language_;
  std::chrono::milliseconds parse_budget_;
  TreeHandle tree_;
};

} // namespace gloss

#endif
