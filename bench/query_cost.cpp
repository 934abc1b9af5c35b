// Which tips make hovers slow: for each built-in snippet of a file's
// language, the mean time of a hover's match (match_at) with that snippet's
// query alone, at 50 points spread over the file, and the time to compile
// that query (what the first hover in a language waits for). A query whose
// match cost grows with the file (a pattern rooted at a node with many
// children) stands out.
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
    std::string id;
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
    costs.push_back({spent.count() / points, compiling.count(), snippet.id});
  }
  double match_total = 0;
  double compile_total = 0;
  for (const Cost &cost : costs) {
    match_total += cost.match_us;
    compile_total += cost.compile_ms;
  }
  std::printf("%s: %zu snippets; each query alone: %.0f us per hover, %.0f ms to compile, in all\n", argv[1],
              costs.size(), match_total, compile_total);
  std::sort(costs.begin(), costs.end(), [](const Cost &a, const Cost &b) { return a.match_us > b.match_us; });
  std::printf("slowest to match:\n");
  for (std::size_t i = 0; i < costs.size() && i < top; ++i) std::printf("%9.1f us  %s\n", costs[i].match_us, costs[i].id.c_str());
  std::sort(costs.begin(), costs.end(), [](const Cost &a, const Cost &b) { return a.compile_ms > b.compile_ms; });
  std::printf("slowest to compile:\n");
  for (std::size_t i = 0; i < costs.size() && i < top; ++i) std::printf("%9.1f ms  %s\n", costs[i].compile_ms, costs[i].id.c_str());
  return 0;
}
