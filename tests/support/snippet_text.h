//===--- snippet_text.h - snippet files written by tests ------------------===//
#ifndef GLOSS_TESTS_SNIPPET_TEXT_H
#define GLOSS_TESTS_SNIPPET_TEXT_H

#include <string>

namespace gloss::testing {

/// The text of a tip file: front matter with `id`, `title`, the language from
/// the id, level beginner, `query` (each of its lines indented under
/// "query: |", starting at line 7) and one link, then `body`. The closing
/// "---" is on line 10 for a one-line query, and the body starts after it.
inline std::string tip_file(const std::string &id, const std::string &title, const std::string &query,
                            const std::string &body, const std::string &extra_front_matter = "") {
  std::string indented;
  std::size_t start = 0;
  while (start < query.size()) {
    std::size_t end = query.find('\n', start);
    if (end == std::string::npos) end = query.size();
    indented += "  " + query.substr(start, end - start) + "\n";
    start = end + 1;
  }
  return "---\nid: " + id + "\ntitle: " + title + "\nlanguage: " + id.substr(0, id.find('/')) +
         "\nlevel: beginner\nquery: |\n" + indented + extra_front_matter +
         "links:\n  - title: Reference\n    url: https://docs.python.org/3/reference/expressions.html#lambda\n---\n" + body;
}

} // namespace gloss::testing

#endif
