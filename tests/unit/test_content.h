//===--- test_content.h - snippets built in tests -------------------------===//
#ifndef GLOSS_TESTS_TEST_CONTENT_H
#define GLOSS_TESTS_TEST_CONTENT_H

#include "snippet.h"

#include <string>

namespace gloss::testing {

inline Snippet make_snippet(std::string id, std::string language, std::string query,
                            SnippetKind kind = SnippetKind::Tip, int layer = 0) {
  Snippet snippet;
  snippet.title = id;
  snippet.id = std::move(id);
  snippet.language = std::move(language);
  snippet.query = std::move(query);
  snippet.query_line = 1;
  snippet.summary = "Summary of " + snippet.id;
  snippet.kind = kind;
  snippet.layer = layer;
  snippet.source = snippet.id + ".md";
  return snippet;
}

} // namespace gloss::testing

#endif
