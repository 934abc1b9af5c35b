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

} // namespace gloss
