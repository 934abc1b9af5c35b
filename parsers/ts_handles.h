//===--- ts_handles.h - owning handles for tree-sitter objects ------------===//
//
// The only place that calls ts_*_delete. Everything else holds these.
//
//===----------------------------------------------------------------------===//
#ifndef GLOSS_PARSERS_TS_HANDLES_H
#define GLOSS_PARSERS_TS_HANDLES_H

#include <tree_sitter/api.h>

#include <memory>

namespace gloss {

struct ParserDeleter {
  void operator()(TSParser *parser) const { ts_parser_delete(parser); }
};
struct TreeDeleter {
  void operator()(TSTree *tree) const { ts_tree_delete(tree); }
};
struct QueryDeleter {
  void operator()(TSQuery *query) const { ts_query_delete(query); }
};
struct QueryCursorDeleter {
  void operator()(TSQueryCursor *cursor) const { ts_query_cursor_delete(cursor); }
};

using ParserHandle = std::unique_ptr<TSParser, ParserDeleter>;
using TreeHandle = std::unique_ptr<TSTree, TreeDeleter>;
using QueryHandle = std::unique_ptr<TSQuery, QueryDeleter>;
using QueryCursorHandle = std::unique_ptr<TSQueryCursor, QueryCursorDeleter>;

/// A TSTreeCursor (a value that owns memory, not a pointer) deleted with it.
class TreeCursor {
public:
  explicit TreeCursor(TSNode node) : cursor_(ts_tree_cursor_new(node)) {}
  ~TreeCursor() { ts_tree_cursor_delete(&cursor_); }
  TreeCursor(const TreeCursor &) = delete;
  TreeCursor &operator=(const TreeCursor &) = delete;
  TSTreeCursor *get() { return &cursor_; }

private:
  TSTreeCursor cursor_;
};

} // namespace gloss

#endif
