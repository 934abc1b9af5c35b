//===--- team_note_draft.cpp - a team note generated from the code at hand ===//
#include "team_note_draft.h"

#include <algorithm>
#include <cstring>

namespace gloss {
namespace {

/// How many ancestors up from the cursor a call may be and still be "the construct".
constexpr int max_call_distance = 3;

bool is_call(TSNode node) {
  std::string_view type = ts_node_type(node);
  return type == "call" || type == "call_expression" || type == "method_invocation" || type == "macro_invocation" ||
         type == "command"; // a shell command is a call of a program
}

std::string_view node_text(TSNode node, std::string_view text) {
  return text.substr(ts_node_start_byte(node), ts_node_end_byte(node) - ts_node_start_byte(node));
}

/// The last identifier-like word of a callee ("session.commit" -> "commit").
std::string callee_name(std::string_view callee) {
  std::size_t end = callee.size();
  while (end > 0 && !(std::isalnum(static_cast<unsigned char>(callee[end - 1])) || callee[end - 1] == '_')) --end;
  std::size_t start = end;
  while (start > 0 && (std::isalnum(static_cast<unsigned char>(callee[start - 1])) || callee[start - 1] == '_')) --start;
  return std::string(callee.substr(start, end - start));
}

std::string kebab(std::string_view words) {
  std::string result;
  for (std::size_t i = 0; i < words.size(); ++i) {
    char c = words[i];
    if (std::isupper(static_cast<unsigned char>(c))) {
      if (!result.empty() && result.back() != '-') result.push_back('-');
      result.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else if (std::isalnum(static_cast<unsigned char>(c))) {
      result.push_back(c);
    } else if (!result.empty() && result.back() != '-') {
      result.push_back('-');
    }
  }
  while (!result.empty() && result.back() == '-') result.pop_back();
  return result.empty() ? "construct" : result;
}

/// The construct: a call near the cursor, else the smallest named node that
/// is not a bare name (a query on identifiers would fire everywhere).
TSNode pick_construct(const SyntaxTree &tree, uint32_t start, uint32_t end) {
  TSNode node = ts_node_named_descendant_for_byte_range(tree.root(), start, end > start ? end - 1 : start);
  TSNode climb = node;
  for (int i = 0; i <= max_call_distance && !ts_node_is_null(climb); ++i, climb = ts_node_parent(climb))
    if (is_call(climb)) return climb;
  while (ts_node_named_child_count(node) == 0 && !ts_node_is_null(ts_node_parent(node)) &&
         !ts_node_is_null(ts_node_parent(ts_node_parent(node))))
    node = ts_node_parent(node);
  return node;
}

/// The example code: the selection if it parses alone and holds the
/// construct, else the top-level item around it. Returns its byte range.
std::pair<uint32_t, uint32_t> pick_example(const SyntaxTree &tree, std::string_view text, TSNode construct,
                                           uint32_t start, uint32_t end) {
  uint32_t line_start = static_cast<uint32_t>(text.rfind('\n', start == 0 ? 0 : start - 1) + 1);
  if (start == 0 || text.rfind('\n', start - 1) == std::string_view::npos) line_start = 0;
  if (end > start && line_start <= ts_node_start_byte(construct) && ts_node_end_byte(construct) <= end) {
    SyntaxTree selection(tree.language());
    if (selection.parse(text.substr(line_start, end - line_start)) && !selection.has_error()) return {line_start, end};
  }
  TSNode item = construct;
  while (!ts_node_is_null(ts_node_parent(item)) && !ts_node_is_null(ts_node_parent(ts_node_parent(item))))
    item = ts_node_parent(item);
  uint32_t item_start = ts_node_start_byte(item);
  uint32_t item_line = item_start == 0 ? 0 : static_cast<uint32_t>(text.rfind('\n', item_start - 1) + 1);
  if (item_start > 0 && text.rfind('\n', item_start - 1) == std::string_view::npos) item_line = 0;
  return {item_line, ts_node_end_byte(item)};
}

} // namespace

std::optional<TeamNoteDraft> draft_team_note(const SyntaxTree &tree, std::string_view text, uint32_t start,
                                             uint32_t end) {
  if (tree.empty() || text.empty()) return std::nullopt;
  start = std::min<uint32_t>(start, static_cast<uint32_t>(text.size()) - 1);
  end = std::clamp<uint32_t>(end, start, static_cast<uint32_t>(text.size()));
  TSNode construct = pick_construct(tree, start, end);
  if (ts_node_is_null(construct) || ts_node_is_null(ts_node_parent(construct))) return std::nullopt;

  const Language &language = tree.language();
  std::string type = ts_node_type(construct);
  std::string query;
  std::string topic;
  std::string title;
  if (is_call(construct)) {
    TSNode callee = ts_node_child_by_field_name(construct, "function", 8);
    if (ts_node_is_null(callee)) callee = ts_node_child_by_field_name(construct, "name", 4);
    if (ts_node_is_null(callee)) callee = ts_node_child_by_field_name(construct, "macro", 5);
    std::string name = ts_node_is_null(callee) ? "" : callee_name(node_text(callee, text));
    if (!name.empty()) {
      const char *field = !ts_node_is_null(ts_node_child_by_field_name(construct, "function", 8)) ? "function"
                          : !ts_node_is_null(ts_node_child_by_field_name(construct, "name", 4)) ? "name" : "macro";
      // The callee's text must end with the name, after a separator (obj.name, ns::name, p->name).
      query = "((" + type + " " + field + ": (_) @_callee) @construct\n   (#match? @_callee \"(^|[.:>])" + name + "$\"))";
      topic = "team-" + kebab(name) + "-calls";
      title = "Calls to " + name;
    }
  }
  if (query.empty()) {
    query = "(" + type + ") @construct";
    topic = "team-" + kebab(type);
    title = "Team note on " + kebab(type);
    for (char &c : title)
      if (c == '-') c = ' ';
  }

  auto [example_start, example_end] = pick_example(tree, text, construct, start, end);
  std::string_view example = text.substr(example_start, example_end - example_start);
  // A marker right under the construct's first line: a comment that starts
  // at the construct's column and points at it with "<-".
  uint32_t construct_offset = ts_node_start_byte(construct) - example_start;
  std::size_t line_end = example.find('\n', construct_offset);
  std::size_t construct_line_start = example.rfind('\n', construct_offset == 0 ? 0 : construct_offset - 1);
  construct_line_start = (construct_offset == 0 || construct_line_start == std::string_view::npos) ? 0 : construct_line_start + 1;
  uint32_t column = construct_offset - static_cast<uint32_t>(construct_line_start);
  std::string comment = language.id == "python" || language.id == "bash" ? "#" : "//";
  std::string marker = std::string(column, ' ') + comment + " <-";
  std::string code;
  if (line_end == std::string_view::npos) code = std::string(example) + "\n" + marker + "\n";
  else code = std::string(example.substr(0, line_end + 1)) + marker + "\n" + std::string(example.substr(line_end + 1));
  if (code.back() != '\n') code += "\n";
  std::string fence(language.fence_tags.front());

  TeamNoteDraft draft;
  draft.topic = topic;
  draft.id = std::string(language.id) + "/" + topic;
  draft.text = "---\nid: " + draft.id + "\ntitle: " + title + "\nkind: note\nlanguage: " + std::string(language.id) +
               "\nlevel: intermediate\ntags: [team]\nquery: |\n  " + query + "\n---\n" +
               "Write the team's advice for this code here, in at most three short lines: it shows under a\n"
               "\"Team note\" heading beside the built-in tip.\n\n"
               "## Explanation\nWhy the team does it this way, and what to use instead.\n\n"
               "## Example\n```" + fence + "\n" + code + "```\n";
  return draft;
}

} // namespace gloss
