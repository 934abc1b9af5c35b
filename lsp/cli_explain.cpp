//===--- cli_explain.cpp - `gloss explain FILE:LINE:COL` ------------------===//
#include "cli_explain.h"

#include "cli_source.h"
#include "hover.h"
#include "language_registry.h"
#include "line_index.h"
#include "matcher.h"
#include "syntax_tree.h"

#include <filesystem>
#include <iostream>
#include <optional>

namespace gloss {
namespace {

/// Leaf text longer than this is shortened in --tree output.
constexpr std::size_t max_leaf_text = 40;

struct Location {
  std::string path;
  uint32_t line = 0;   // 1-based
  uint32_t column = 0; // 1-based, in characters
};

/// Parses FILE:LINE:COL; the file name itself may contain ':'.
std::optional<Location> parse_location(const std::string &text) {
  std::size_t second = text.rfind(':');
  if (second == std::string::npos || second == 0) return std::nullopt;
  std::size_t first = text.rfind(':', second - 1);
  if (first == std::string::npos || first == 0) return std::nullopt;
  try {
    std::size_t used = 0;
    int line = std::stoi(text.substr(first + 1, second - first - 1), &used);
    if (used != second - first - 1) return std::nullopt;
    int column = std::stoi(text.substr(second + 1), &used);
    if (used != text.size() - second - 1 || line < 1 || column < 1) return std::nullopt;
    return Location{text.substr(0, first), static_cast<uint32_t>(line), static_cast<uint32_t>(column)};
  } catch (const std::exception &) {
    return std::nullopt;
  }
}

std::string position_text(const LineIndex &lines, const std::string &text, uint32_t offset) {
  TextPosition position = lines.position_of(offset, PositionEncoding::Utf32, text);
  return std::to_string(position.line + 1) + ":" + std::to_string(position.character + 1);
}

/// Every node from the root down to the smallest one at `offset`, one per
/// line, with its field name, range (1-based, characters) and, for leaves, text.
void print_node_path(const SyntaxTree &tree, const std::string &text, uint32_t offset) {
  LineIndex lines(text);
  TreeCursor cursor(tree.root());
  int depth = 0;
  while (true) {
    TSNode node = ts_tree_cursor_current_node(cursor.get());
    const char *field = ts_tree_cursor_current_field_name(cursor.get());
    std::string label = ts_node_is_named(node) ? ts_node_type(node) : "\"" + std::string(ts_node_type(node)) + "\"";
    if (field) label = std::string(field) + ": " + label;
    std::string line = std::string(static_cast<std::size_t>(depth) * 2, ' ') + label;
    line += std::string(line.size() < 48 ? 48 - line.size() : 1, ' ');
    line += position_text(lines, text, ts_node_start_byte(node)) + "-" + position_text(lines, text, ts_node_end_byte(node));
    if (ts_node_child_count(node) == 0 && ts_node_is_named(node)) {
      std::string leaf = text.substr(ts_node_start_byte(node), ts_node_end_byte(node) - ts_node_start_byte(node));
      if (leaf.size() > max_leaf_text) leaf = leaf.substr(0, max_leaf_text) + "…";
      if (leaf.find('\n') == std::string::npos) line += "  `" + leaf + "`";
    }
    std::cout << line << "\n";
    if (ts_tree_cursor_goto_first_child_for_byte(cursor.get(), offset) < 0) break;
    // Step past children that end at the offset: the cursor's node is the one under it.
    while (ts_node_end_byte(ts_tree_cursor_current_node(cursor.get())) <= offset && ts_tree_cursor_goto_next_sibling(cursor.get())) {
    }
    if (ts_node_start_byte(ts_tree_cursor_current_node(cursor.get())) > offset) break;
    ++depth;
  }
}

} // namespace

int run_explain(const std::string &location_text, ExplainOutput output,
                const std::vector<std::string> &content_directories, const std::string &level_name) {
  std::optional<Level> level = parse_level(level_name);
  if (!level) {
    std::cerr << "gloss: --level must be beginner, intermediate or advanced, got '" << level_name << "'\n";
    return 2;
  }
  std::optional<Location> location = parse_location(location_text);
  if (!location) {
    std::cerr << "gloss: expected FILE:LINE:COL (1-based), got '" << location_text << "'\n";
    return 2;
  }
  int failure = 0;
  std::optional<SourceFile> source = read_source_file(location->path, failure);
  if (!source) return failure;
  LineIndex lines(source->text);
  if (location->line > lines.line_count()) {
    std::cerr << "gloss: " << location->path << " has only " << lines.line_count() << " lines\n";
    return 2;
  }
  uint32_t offset = lines.offset_of({location->line - 1, location->column - 1}, PositionEncoding::Utf32, source->text);
  if (output == ExplainOutput::Tree) {
    print_node_path(source->tree, source->text, offset);
    return 0;
  }

  std::unique_ptr<ContentIndex> index = load_content_for(location->path, content_directories);
  MatchResult matches = match_at(source->tree, source->text, offset, *index, LearnerFilter{*level, {}});
  std::optional<HoverInfo> hover = make_hover(matches);
  if (!hover) {
    std::cerr << "gloss: no tip at " << location_text << "\n";
    return 1;
  }
  if (output == ExplainOutput::Full) {
    const Match &best = matches.best() ? *matches.best() : matches.notes.front();
    std::vector<ExplanationPage> pages =
        explanation_pages(*best.snippet, matches, source->text, source->language->fence_tags.front(),
                          [](const Snippet &) { return std::string(); });
    std::cout << render_explanation(*pages.front().snippet, pages.front().context);
  } else {
    std::cout << render_markdown(*hover);
  }
  return 0;
}

} // namespace gloss
