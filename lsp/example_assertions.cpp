//===--- example_assertions.cpp - markers under example code --------------===//
#include "example_assertions.h"

#include "line_index.h"
#include "syntax_tree.h"

#include <cstring>

namespace gloss {
namespace {

std::vector<std::string_view> split_lines(std::string_view code) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (true) {
    std::size_t newline = code.find('\n', start);
    if (newline == std::string_view::npos) {
      lines.push_back(code.substr(start));
      break;
    }
    lines.push_back(code.substr(start, newline - start));
    start = newline + 1;
  }
  return lines;
}

/// Codepoint column of byte `byte_column` in `line`.
uint32_t codepoint_column(std::string_view line, uint32_t byte_column) {
  uint32_t column = 0;
  for (uint32_t i = 0; i < byte_column && i < line.size(); i += utf8_sequence_length(line, i))
    ++column;
  return column;
}

/// Byte column of codepoint column `column` in `line`, or npos when past the end.
std::size_t byte_column(std::string_view line, uint32_t column) {
  std::size_t i = 0;
  for (uint32_t k = 0; k < column; ++k) {
    if (i >= line.size()) return std::string_view::npos;
    i += utf8_sequence_length(line, i);
  }
  return i < line.size() ? i : std::string_view::npos;
}

struct Marker {
  uint32_t first_column = 0; ///< codepoint column in the comment's line
  uint32_t width = 1;
  bool negated = false;
  std::string id;
};

/// Parses the text of a comment that starts at `comment_column` of its line.
std::optional<Marker> parse_marker(std::string_view line, uint32_t comment_start_byte,
                                   std::string_view comment) {
  std::size_t i = 0;
  while (i < comment.size() && std::strchr("#/*-;", comment[i])) ++i;
  while (i < comment.size() && comment[i] == ' ') ++i;
  Marker marker;
  if (comment.substr(i, 2) == "<-") {
    marker.first_column = codepoint_column(line, comment_start_byte);
    i += 2;
  } else if (i < comment.size() && comment[i] == '^') {
    marker.first_column = codepoint_column(line, comment_start_byte + static_cast<uint32_t>(i));
    std::size_t carets = i;
    while (i < comment.size() && comment[i] == '^') ++i;
    marker.width = static_cast<uint32_t>(i - carets);
  } else {
    return std::nullopt;
  }
  while (i < comment.size() && comment[i] == ' ') ++i;
  if (i < comment.size() && comment[i] == '!') {
    marker.negated = true;
    ++i;
  }
  std::size_t id_start = i;
  while (i < comment.size() && comment[i] != ' ' && comment[i] != '*') ++i;
  marker.id = std::string(comment.substr(id_start, i - id_start));
  return marker;
}

void collect_comments(TSNode node, std::vector<TSNode> &comments) {
  if (std::strstr(ts_node_type(node), "comment")) {
    comments.push_back(node);
    return;
  }
  uint32_t count = ts_node_child_count(node);
  for (uint32_t i = 0; i < count; ++i) collect_comments(ts_node_child(node, i), comments);
}

TSNode first_error(TSNode node) {
  if (ts_node_is_error(node) || ts_node_is_missing(node)) return node;
  uint32_t count = ts_node_child_count(node);
  for (uint32_t i = 0; i < count; ++i) {
    TSNode child = ts_node_child(node, i);
    if (ts_node_has_error(child)) return first_error(child);
  }
  return node;
}

} // namespace

ExtractedAssertions extract_assertions(const Language &language, std::string_view code) {
  ExtractedAssertions result;
  SyntaxTree tree(language);
  if (!tree.parse(code)) return result;
  result.parsed = true;
  if (tree.has_error()) {
    result.has_syntax_error = true;
    result.syntax_error_line = ts_node_start_point(first_error(tree.root())).row;
  }

  std::vector<std::string_view> lines = split_lines(code);
  std::vector<uint32_t> line_starts{0};
  for (std::size_t i = 0; i < code.size(); ++i)
    if (code[i] == '\n') line_starts.push_back(static_cast<uint32_t>(i + 1));

  std::vector<TSNode> comments;
  collect_comments(tree.root(), comments);
  for (TSNode comment : comments) {
    TSPoint start = ts_node_start_point(comment);
    TSPoint end = ts_node_end_point(comment);
    if (start.row != end.row || start.row >= lines.size()) continue;
    std::string_view line = lines[start.row];
    if (line.substr(0, start.column).find_first_not_of(" \t") != std::string_view::npos)
      continue; // a trailing comment after code is never an assertion
    std::string_view text = code.substr(ts_node_start_byte(comment),
                                        ts_node_end_byte(comment) - ts_node_start_byte(comment));
    std::optional<Marker> marker = parse_marker(line, start.column, text);
    if (!marker) continue;
    result.assertion_lines.insert(start.row);
    if (marker->id.starts_with("^") || marker->id.starts_with("<-")) {
      result.problems.emplace_back(start.row, "one marker per comment line: put the next marker on a line of its own");
      continue;
    }

    uint32_t target = start.row;
    while (target > 0 && result.assertion_lines.count(target)) --target;
    if (result.assertion_lines.count(target)) {
      result.problems.emplace_back(start.row, "assertion has no code line above it");
      continue;
    }
    std::string_view target_line = lines[target];
    std::size_t first = byte_column(target_line, marker->first_column);
    std::size_t last = byte_column(target_line, marker->first_column + marker->width - 1);
    if (first == std::string_view::npos || last == std::string_view::npos) {
      result.problems.emplace_back(start.row, "marker points past the end of the line above");
      continue;
    }
    ExampleAssertion assertion;
    assertion.line = target;
    assertion.marker_line = start.row;
    assertion.start_byte = line_starts[target] + static_cast<uint32_t>(first);
    assertion.end_byte = line_starts[target] + static_cast<uint32_t>(last) +
                         utf8_sequence_length(target_line, last);
    assertion.expected_id = marker->id;
    assertion.negated = marker->negated;
    result.assertions.push_back(std::move(assertion));
  }
  return result;
}

std::string strip_assertion_lines(std::string_view code, const std::set<uint32_t> &lines) {
  std::string stripped;
  uint32_t row = 0;
  std::size_t start = 0;
  while (start <= code.size()) {
    std::size_t newline = code.find('\n', start);
    std::size_t end = newline == std::string_view::npos ? code.size() : newline + 1;
    if (!lines.count(row)) stripped.append(code.substr(start, end - start));
    if (newline == std::string_view::npos) break;
    start = end;
    ++row;
  }
  return stripped;
}

} // namespace gloss
