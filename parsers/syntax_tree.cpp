//===--- syntax_tree.cpp - the syntax tree of one document ----------------===//
#include "syntax_tree.h"

#include <algorithm>
#include <ctime>
#include <map>

namespace gloss {
namespace {

/// One parser per language per thread: a TSParser must not be shared, and
/// creating one per parse would waste its internal buffers.
TSParser *parser_for(const Language &language) {
  thread_local std::map<const Language *, ParserHandle> parsers;
  ParserHandle &parser = parsers[&language];
  if (!parser) {
    parser.reset(ts_parser_new());
    ts_parser_set_language(parser.get(), language.grammar());
  }
  return parser.get();
}

/// CPU time of the calling thread: a parse's budget is the work it does,
/// so a machine busy with other things does not make it give up.
std::chrono::nanoseconds thread_cpu_time() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return std::chrono::seconds(now.tv_sec) + std::chrono::nanoseconds(now.tv_nsec);
}

struct ParseBudget {
  std::chrono::nanoseconds cpu_deadline;
  unsigned calls = 0;
};

bool stop_when_over_budget(TSParseState *state) {
  auto *budget = static_cast<ParseBudget *>(state->payload);
  // Called every 100 parser operations (a few microseconds); the clock is a
  // system call, so it is read on every 8th call.
  return ++budget->calls % 8 == 0 && thread_cpu_time() > budget->cpu_deadline;
}

const char *read_text(void *payload, uint32_t byte_index, TSPoint, uint32_t *bytes_read) {
  const auto *text = static_cast<const std::string_view *>(payload);
  if (byte_index >= text->size()) {
    *bytes_read = 0;
    return "";
  }
  *bytes_read = static_cast<uint32_t>(text->size() - byte_index);
  return text->data() + byte_index;
}

} // namespace

TSPoint point_after(TSPoint origin, std::string_view text) {
  TSPoint point = origin;
  for (char c : text) {
    if (c == '\n') {
      ++point.row;
      point.column = 0;
    } else {
      ++point.column;
    }
  }
  return point;
}

ByteEdit ByteEdit::replacing(std::string_view old_text, uint32_t start, uint32_t old_end,
                             std::string_view inserted) {
  ByteEdit edit;
  edit.start_byte = start;
  edit.old_end_byte = old_end;
  edit.new_end_byte = start + static_cast<uint32_t>(inserted.size());
  edit.start_point = point_after({0, 0}, old_text.substr(0, start));
  edit.old_end_point = point_after(edit.start_point, old_text.substr(start, old_end - start));
  edit.new_end_point = point_after(edit.start_point, inserted);
  return edit;
}

SyntaxTree::SyntaxTree(const Language &language, std::chrono::milliseconds parse_budget)
    : language_(&language), parse_budget_(parse_budget) {}

SyntaxTree::SyntaxTree(const Language &language, TreeHandle tree, std::chrono::milliseconds parse_budget)
    : language_(&language), parse_budget_(parse_budget), tree_(std::move(tree)) {}

bool SyntaxTree::parse(std::string_view text) { return reparse(text, nullptr); }

bool SyntaxTree::apply_edit(const ByteEdit &byte_edit, std::string_view new_text) {
  edit(byte_edit);
  return reparse(new_text, tree_.get());
}

void SyntaxTree::edit(const ByteEdit &edit) {
  if (!tree_) return;
  TSInputEdit input_edit{edit.start_byte,  edit.old_end_byte,  edit.new_end_byte,
                         edit.start_point, edit.old_end_point, edit.new_end_point};
  ts_tree_edit(tree_.get(), &input_edit);
}

bool SyntaxTree::reparse(std::string_view text, const TSTree *old_tree) {
  TSParser *parser = parser_for(*language_);
  ParseBudget budget{thread_cpu_time() + parse_budget_};
  TSInput input{};
  input.payload = &text;
  input.read = read_text;
  input.encoding = TSInputEncodingUTF8;
  TSParseOptions options{};
  options.payload = &budget;
  options.progress_callback = stop_when_over_budget;
  TSTree *tree = ts_parser_parse_with_options(parser, old_tree, input, options);
  if (!tree) ts_parser_reset(parser); // an aborted parse would otherwise resume next time
  tree_.reset(tree);
  return tree != nullptr;
}

TSNode SyntaxTree::root() const {
  if (!tree_) return TSNode{};
  return ts_tree_root_node(tree_.get());
}

bool SyntaxTree::has_error() const { return tree_ && ts_node_has_error(root()); }

std::optional<uint32_t> SyntaxTree::first_error_end() const {
  if (!has_error()) return std::nullopt;
  TreeCursor cursor(root());
  // Down into the first child that holds an error; a cursor, because
  // ts_node_child(i) walks from the first child every time.
  for (;;) {
    TSNode node = ts_tree_cursor_current_node(cursor.get());
    if (ts_node_is_error(node) || ts_node_is_missing(node)) break;
    if (!ts_tree_cursor_goto_first_child(cursor.get())) break;
    while (!ts_node_has_error(ts_tree_cursor_current_node(cursor.get())))
      if (!ts_tree_cursor_goto_next_sibling(cursor.get())) return ts_node_end_byte(node);
  }
  uint32_t error_end = ts_node_end_byte(ts_tree_cursor_current_node(cursor.get()));
  // Then to the first token after it.
  while (!ts_tree_cursor_goto_next_sibling(cursor.get()))
    if (!ts_tree_cursor_goto_parent(cursor.get())) return error_end;
  while (ts_tree_cursor_goto_first_child(cursor.get())) {
  }
  return std::max(error_end, ts_node_end_byte(ts_tree_cursor_current_node(cursor.get())));
}

TSNode SyntaxTree::node_at(uint32_t byte_offset) const {
  if (!tree_) return TSNode{};
  TSNode root_node = root();
  uint32_t end = ts_node_end_byte(root_node);
  if (end > 0 && byte_offset >= end) byte_offset = end - 1;
  return ts_node_named_descendant_for_byte_range(root_node, byte_offset, byte_offset);
}

TreeHandle SyntaxTree::snapshot() const {
  return TreeHandle(tree_ ? ts_tree_copy(tree_.get()) : nullptr);
}

} // namespace gloss
