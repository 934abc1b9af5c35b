//===--- content_file.cpp - fuzz a snippet file through load, compile, test ===//
#include "fuzz_targets.h"

#include "construct_coverage.h"
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

  // Coverage runs the query from its walk when it knows where matches can
  // start. Over each example, that must find what the query over the whole
  // tree finds, as it runs once a pattern can start anywhere.
  const Language *language = language_by_id(snippet->language);
  if (!language || !index.compiled(*language).match_starts.known()) return;
  Snippet anywhere = *snippet;
  anywhere.id = "gloss-fuzz/starts-anywhere";
  anywhere.query = "((_) @construct (#eq? @construct \"gloss: no code reads this\"))";
  anywhere.examples.clear();
  ContentIndex whole_tree({*snippet, anywhere});
  fuzz_check(!whole_tree.compiled(*language).match_starts.known(), "a bare wildcard pattern can start anywhere");
  for (const CodeExample &example : snippet->examples)
    fuzz_check(measure_text_coverage(*language, example.code, index) ==
                   measure_text_coverage(*language, example.code, whole_tree),
               "coverage from the walk must find what the query over the whole tree finds");
}

} // namespace gloss::fuzz
