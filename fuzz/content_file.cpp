//===--- content_file.cpp - fuzz a snippet file through load, compile, test ===//
#include "fuzz_targets.h"

#include "content_index.h"
#include "content_loader.h"
#include "content_tester.h"

#include <string>

namespace gloss::fuzz {

void content_file(const uint8_t *data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char *>(data), size);
  std::vector<ContentDiagnostic> diagnostics;
  std::optional<Snippet> snippet = parse_snippet(text, "fuzz.md", {}, 1, diagnostics, ExampleCheck::Full);
  if (!snippet) {
    fuzz_check(!diagnostics.empty(), "a rejected file must say why");
    return;
  }
  (void)displayed_details(*snippet);
  // Alone in an index: its query compiles (or is reported), and its examples run.
  std::vector<Snippet> snippets{*snippet};
  ContentIndex index(std::move(snippets));
  (void)index.check_queries();
  (void)test_examples(index, [](const Snippet &) { return true; });
}

} // namespace gloss::fuzz
