// Which tips make hovers slow: for each built-in snippet of a file's
// language, the mean time of a hover's match (match_at) with that snippet's
// query alone, at 50 points spread over the file, and the time to compile
// that query (what the first hover in a language waits for). A query whose
// match cost grows with the file (a pattern rooted at a node with many
// children) stands out. Also the time of that query over the whole file:
// a query cursor's walk over every node.
// Usage: gloss_query_cost FILE [TOP]
#include "content_index.h"
#include "content_loader.h"
#include "document_store.h"
#include "language_registry.h"
#include "matcher.h"
#include "text_file.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>

int main(int argc, char **argv) {
  using namespace gloss;
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s FILE [TOP]\n", argv[0]);
    return 2;
  }
  std::string problem;
  std::optional<std::string> text = read_text_file(argv[1], 64u << 20, problem);
  const Language *language = language_for_path(argv[1]);
  if (!text || !language) {
    std::fprintf(stderr, "%s: %s\n", argv[1], text ? "no grammar for this file" : problem.c_str());
    return 1;
  }
  std::size_t top = argc > 2 ? std::stoul(argv[2]) : 10;
  DocumentStore store;
  const Document &document = store.open("file:///measured", language->id, 1, *text);
  if (!document.tree || text->empty()) {
    std::fprintf(stderr, "%s: not parsed\n", argv[1]);
    return 1;
  }

  constexpr int points = 50;
  LearnerFilter everyone{Level::Beginner, {}};
  struct Cost {
    double match_us;
    double compile_ms;
    double whole_file_ms;
    std::string id;
  };
  auto run_over_whole_file = [&](const ContentIndex &index) {
    const CompiledLanguage &compiled = index.compiled(*language);
    QueryCursorHandle cursor(ts_query_cursor_new());
    ts_query_cursor_exec(cursor.get(), compiled.query.get(), document.tree->root());
    TSQueryMatch match;
    std::size_t matches = 0;
    while (ts_query_cursor_next_match(cursor.get(), &match))
      matches += compiled.patterns[match.pattern_index].predicates.holds(match, document.text);
    return matches;
  };
  std::vector<Cost> costs;
  for (const Snippet &snippet : load_builtin_content(ExampleCheck::Deferred).snippets) {
    if (snippet.language != language->id) continue;
    ContentIndex alone({snippet});
    auto compile_start = std::chrono::steady_clock::now();
    alone.compiled(*language);
    std::chrono::duration<double, std::milli> compiling = std::chrono::steady_clock::now() - compile_start;
    auto start = std::chrono::steady_clock::now();
    for (int i = 1; i <= points; ++i)
      match_at(*document.tree, document.text, static_cast<uint32_t>(text->size() * i / (points + 1)), alone, everyone);
    std::chrono::duration<double, std::micro> spent = std::chrono::steady_clock::now() - start;
    auto whole_start = std::chrono::steady_clock::now();
    if (alone.compiled(*language).query) run_over_whole_file(alone);
    std::chrono::duration<double, std::milli> whole = std::chrono::steady_clock::now() - whole_start;
    costs.push_back({spent.count() / points, compiling.count(), whole.count(), snippet.id});
  }
  double match_total = 0;
  double compile_total = 0;
  double whole_total = 0;
  for (const Cost &cost : costs) {
    match_total += cost.match_us;
    compile_total += cost.compile_ms;
    whole_total += cost.whole_file_ms;
  }
  std::printf("%s: %zu snippets; each query alone: %.0f us per hover, %.0f ms to compile, %.0f ms over the whole "
              "file, in all\n", argv[1], costs.size(), match_total, compile_total, whole_total);
  ContentIndex all(load_builtin_content(ExampleCheck::Deferred).snippets);
  all.compiled(*language);
  auto combined_start = std::chrono::steady_clock::now();
  std::size_t matches = run_over_whole_file(all);
  std::chrono::duration<double, std::milli> combined = std::chrono::steady_clock::now() - combined_start;
  std::printf("combined query over the whole file: %.1f ms, %zu matches\n", combined.count(), matches);
  std::sort(costs.begin(), costs.end(), [](const Cost &a, const Cost &b) { return a.match_us > b.match_us; });
  std::printf("slowest to match:\n");
  for (std::size_t i = 0; i < costs.size() && i < top; ++i) std::printf("%9.1f us  %s\n", costs[i].match_us, costs[i].id.c_str());
  std::sort(costs.begin(), costs.end(), [](const Cost &a, const Cost &b) { return a.whole_file_ms > b.whole_file_ms; });
  std::printf("slowest over the whole file:\n");
  for (std::size_t i = 0; i < costs.size() && i < top; ++i) std::printf("%9.1f ms  %s\n", costs[i].whole_file_ms, costs[i].id.c_str());
  std::sort(costs.begin(), costs.end(), [](const Cost &a, const Cost &b) { return a.compile_ms > b.compile_ms; });
  std::printf("slowest to compile:\n");
  for (std::size_t i = 0; i < costs.size() && i < top; ++i) std::printf("%9.1f ms  %s\n", costs[i].compile_ms, costs[i].id.c_str());
  return 0;
}
