//===--- query_patterns.cpp - split a query into its top-level patterns ---===//
#include "query_patterns.h"

#include <algorithm>
#include <cctype>

namespace gloss {

std::vector<QueryPattern> split_query_patterns(std::string_view query) {
  std::vector<QueryPattern> patterns;
  int depth = 0;
  std::size_t start = std::string_view::npos;
  auto close_pattern = [&](std::size_t end) {
    if (start == std::string_view::npos) return;
    std::string_view text = query.substr(start, end - start);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    auto line = static_cast<uint32_t>(std::count(query.begin(), query.begin() + static_cast<std::ptrdiff_t>(start), '\n'));
    patterns.push_back({text, line});
    start = std::string_view::npos;
  };
  for (std::size_t i = 0; i < query.size(); ++i) {
    char c = query[i];
    if (c == ';') { // comment to the end of the line
      while (i < query.size() && query[i] != '\n') ++i;
      continue;
    }
    if (c == '"') { // string, with escapes
      for (++i; i < query.size() && query[i] != '"'; ++i)
        if (query[i] == '\\') ++i;
      continue;
    }
    if (c == '(' || c == '[') {
      // A predicate at depth 0 belongs to the pattern before it.
      bool predicate = c == '(' && query.substr(i + 1).find_first_not_of(" \t\n") != std::string_view::npos &&
                       query[query.find_first_not_of(" \t\n", i + 1)] == '#';
      if (depth == 0 && !predicate) {
        close_pattern(i);
        start = i;
      }
      ++depth;
    } else if (c == ')' || c == ']') {
      if (--depth < 0) return {{query, 0}};
    }
  }
  if (depth != 0) return {{query, 0}};
  close_pattern(query.size());
  if (patterns.empty()) patterns.push_back({query, 0});
  return patterns;
}

namespace {

bool is_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
}

std::size_t skip_space(std::string_view text, std::size_t i) {
  while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  return i;
}

/// The index just past the group, string or word starting at `i`.
std::size_t skip_item(std::string_view text, std::size_t i) {
  if (i >= text.size()) return i;
  if (text[i] == '"') {
    for (++i; i < text.size() && text[i] != '"'; ++i)
      if (text[i] == '\\') ++i;
    return std::min(i + 1, text.size());
  }
  if (text[i] == '(' || text[i] == '[') {
    int depth = 0;
    for (; i < text.size(); ++i) {
      if (text[i] == '"') {
        i = skip_item(text, i) - 1;
      } else if (text[i] == '(' || text[i] == '[') {
        ++depth;
      } else if ((text[i] == ')' || text[i] == ']') && --depth == 0) {
        return i + 1;
      }
    }
    return i;
  }
  return i + 1;
}

/// The first child, among the items from `k` to `end`, that every match
/// has and that names one type: a node or a quoted token, with or without a
/// field, not followed by `?` or `*`. Anchors and negated fields are skipped.
void find_required_child(std::string_view text, std::size_t k, std::size_t end, PatternRoot &root) {
  for (k = skip_space(text, k); k < end;) {
    if (text[k] == '.') { // an anchor
      k = skip_space(text, k + 1);
      continue;
    }
    std::size_t word_end = k;
    while (word_end < end && is_name_char(text[word_end])) ++word_end;
    if (text[k] == '!') { // a negated field
      for (word_end = k + 1; word_end < end && is_name_char(text[word_end]);) ++word_end;
      k = skip_space(text, word_end);
      continue;
    }
    std::size_t item = k;
    if (word_end > k && skip_space(text, word_end) < end && text[skip_space(text, word_end)] == ':')
      item = skip_space(text, skip_space(text, word_end) + 1); // a field name before the child
    std::size_t after = skip_item(text, item);
    std::size_t next = skip_space(text, after);
    while (next < end && text[next] == '@') { // captures
      std::size_t name_end = next + 1;
      while (name_end < end && is_name_char(text[name_end])) ++name_end;
      next = skip_space(text, name_end);
    }
    bool optional = next < end && (text[next] == '?' || text[next] == '*');
    if (next < end && (text[next] == '?' || text[next] == '*' || text[next] == '+')) next = skip_space(text, next + 1);
    k = next;
    if (optional || item >= end) continue;
    if (text[item] == '"') {
      root.required_child = text.substr(item + 1, after - item - 2);
      root.required_child_named = false;
      return;
    }
    if (text[item] != '(') continue;
    std::size_t name = skip_space(text, item + 1);
    std::size_t name_end = name;
    while (name_end < end && is_name_char(text[name_end])) ++name_end;
    std::size_t following = skip_space(text, name_end);
    bool plain = name_end > name && text.substr(name, name_end - name) != "_" && following < after &&
                 (text[following] == ')' || std::isspace(static_cast<unsigned char>(text[name_end])));
    if (!plain || text[following] == '/') continue; // a wildcard, a predicate, a group or a supertype
    root.required_child = text.substr(name, name_end - name);
    root.required_child_named = true;
    return;
  }
}

void collect_roots(std::string_view text, std::size_t i, std::vector<PatternRoot> &roots) {
  i = skip_space(text, i);
  if (i >= text.size()) return;
  if (text[i] == '[') { // alternation: each branch has its own root
    std::size_t end = skip_item(text, i) - 1;
    for (std::size_t j = skip_space(text, i + 1); j < end; j = skip_space(text, skip_item(text, j)))
      if (text[j] == '(' || text[j] == '"') collect_roots(text.substr(0, end), j, roots);
    return;
  }
  if (text[i] == '"') {
    std::size_t end = skip_item(text, i);
    roots.push_back({text.substr(i + 1, end - i - 2), false, false});
    return;
  }
  if (text[i] != '(') return;
  std::size_t j = skip_space(text, i + 1);
  if (j >= text.size() || text[j] == '#') return; // a predicate
  if (text[j] == '(' || text[j] == '[' || text[j] == '"') { // a group around the pattern and its predicates
    collect_roots(text, j, roots);
    return;
  }
  std::size_t name_end = j;
  while (name_end < text.size() && is_name_char(text[name_end])) ++name_end;
  PatternRoot root{text.substr(j, name_end - j), false};
  std::size_t end = skip_item(text, i) - 1; // the closing parenthesis
  std::size_t k = skip_space(text, name_end);
  bool anchored = k < end && text[k] == '.';
  for (; k < end; k = skip_space(text, skip_item(text, k))) {
    bool child = text[k] == '"' || text[k] == '[' || (text[k] == '(' && text[skip_space(text, k + 1)] != '#');
    if (child && !anchored) root.matches_children = true;
  }
  if (root.type == "_") find_required_child(text, name_end, end, root);
  roots.push_back(root);
}

} // namespace

std::vector<PatternRoot> pattern_roots(std::string_view pattern) {
  std::vector<PatternRoot> roots;
  collect_roots(pattern, 0, roots);
  return roots;
}

} // namespace gloss
