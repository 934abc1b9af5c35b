// Micro-benchmarks of the hot paths, with Google Benchmark: position
// conversion, node at point, match at point, a one-character edit with its
// incremental reparse, loading the built-in pack, and compiling a
// language's combined query. Inputs are generated here, so the binary needs
// no files: a Python module of about 10k lines.
#include "content_index.h"
#include "content_loader.h"
#include "document_store.h"
#include "language_registry.h"
#include "line_index.h"
#include "matcher.h"
#include "syntax_tree.h"

#include <benchmark/benchmark.h>

#include <random>
#include <string>

namespace gloss {
namespace {

/// About `functions` * 10 lines of varied Python, with some non-ASCII text.
std::string python_module(int functions) {
  std::string text = "import functools\nfrom dataclasses import dataclass\n\n";
  for (int i = 0; i < functions; ++i) {
    std::string n = std::to_string(i);
    text += "@functools.cache\ndef compute_" + n + "(limit, *, scale=2):\n"
            "    \"\"\"Grüße " + n + " — naïve café.\"\"\"\n"
            "    squares = [x * scale for x in range(limit) if x % 3]\n"
            "    table = {k: v for k, v in zip(squares, squares[1:])}\n"
            "    with open('data-" + n + ".txt') as handle:\n"
            "        total = sum(len(line) for line in handle)\n"
            "    if (count := len(table)) > 10:\n"
            "        return lambda y: y + count + total\n"
            "    return None\n\n";
  }
  return text;
}

const Language &python() { return *language_by_id("python"); }

const std::string &module_10k() {
  static const std::string text = python_module(1000);
  return text;
}

/// Byte offsets spread over the text, on the `for` of each comprehension.
std::vector<uint32_t> probe_offsets(const std::string &text, std::size_t count) {
  std::vector<uint32_t> offsets;
  std::size_t step = std::max<std::size_t>(1, text.size() / count);
  for (std::size_t at = 0; offsets.size() < count && at < text.size(); at += step) {
    std::size_t found = text.find(" for ", at);
    if (found == std::string::npos) break;
    offsets.push_back(static_cast<uint32_t>(found + 1));
  }
  return offsets;
}

const ContentIndex &builtin_index() {
  static const ContentIndex index(load_builtin_content(ExampleCheck::Deferred).snippets);
  return index;
}

void BM_PositionToOffsetUtf16(benchmark::State &state) {
  const std::string &text = module_10k();
  LineIndex lines(text);
  std::mt19937 random(7);
  std::uniform_int_distribution<uint32_t> line(0, lines.line_count() - 1);
  for (auto _ : state) benchmark::DoNotOptimize(lines.offset_of({line(random), 12}, PositionEncoding::Utf16, text));
}
BENCHMARK(BM_PositionToOffsetUtf16);

void BM_OffsetToPositionUtf16(benchmark::State &state) {
  const std::string &text = module_10k();
  LineIndex lines(text);
  std::mt19937 random(7);
  std::uniform_int_distribution<uint32_t> offset(0, static_cast<uint32_t>(text.size() - 1));
  for (auto _ : state) benchmark::DoNotOptimize(lines.position_of(offset(random), PositionEncoding::Utf16, text));
}
BENCHMARK(BM_OffsetToPositionUtf16);

void BM_LineIndexBuild10k(benchmark::State &state) {
  const std::string &text = module_10k();
  for (auto _ : state) benchmark::DoNotOptimize(LineIndex(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_LineIndexBuild10k);

void BM_NodeAtPoint(benchmark::State &state) {
  const std::string &text = module_10k();
  SyntaxTree tree(python());
  tree.parse(text);
  std::vector<uint32_t> offsets = probe_offsets(text, 256);
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(tree.node_at(offsets[i++ % offsets.size()]));
}
BENCHMARK(BM_NodeAtPoint);

/// The matcher at one position; arg 0: lines of the module in thousands.
void BM_MatchAtPoint(benchmark::State &state) {
  std::string text = python_module(static_cast<int>(state.range(0)) * 100);
  SyntaxTree tree(python());
  tree.parse(text);
  const ContentIndex &index = builtin_index();
  index.compiled(python()); // compiled once per process in the server too
  std::vector<uint32_t> offsets = probe_offsets(text, 256);
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(match_at(tree, text, offsets[i++ % offsets.size()], index));
}
BENCHMARK(BM_MatchAtPoint)->Arg(1)->Arg(10)->Arg(100)->Unit(benchmark::kMicrosecond);

/// Typing one character into a 10k-line document at each of `offsets` in
/// turn, then deleting it: the store's change (text splice, line index, tree
/// edit) and the incremental reparse the next request makes.
void type_and_delete_a_space(benchmark::State &state, const std::vector<uint32_t> &offsets) {
  DocumentStore store;
  store.open("file:///bench.py", "python", 1, module_10k());
  const Document &document = *store.get("file:///bench.py");
  int64_t version = 1;
  std::size_t i = 0;
  for (auto _ : state) {
    TextPosition at = document.position_of(offsets[i++ % offsets.size()], PositionEncoding::Utf16);
    TextPosition after{at.line, at.character + 1};
    store.change("file:///bench.py", ++version, {{TextRange{at, at}, " "}}, PositionEncoding::Utf16);
    benchmark::DoNotOptimize(store.use("file:///bench.py"));
    store.change("file:///bench.py", ++version, {{TextRange{at, after}, ""}}, PositionEncoding::Utf16);
    benchmark::DoNotOptimize(store.use("file:///bench.py"));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * 2)); // edits
}

void BM_EditOneCharacterAndReparse(benchmark::State &state) {
  type_and_delete_a_space(state, probe_offsets(module_10k(), 64));
}
BENCHMARK(BM_EditOneCharacterAndReparse)->Unit(benchmark::kMicrosecond);

/// The same at line ends: tree-sitter-python leaves its top-level nodes
/// fragile (built while the parser explored ambiguities), so a reparse after
/// a space typed at a line end redoes much of the module.
void BM_EditAtLineEndAndReparse(benchmark::State &state) {
  std::vector<uint32_t> line_ends;
  for (uint32_t at : probe_offsets(module_10k(), 64)) line_ends.push_back(static_cast<uint32_t>(module_10k().find('\n', at)));
  type_and_delete_a_space(state, line_ends);
}
BENCHMARK(BM_EditAtLineEndAndReparse)->Unit(benchmark::kMicrosecond);

/// A parse job (how the server reparses a slow document) after a space typed
/// mid-module, in a 10k-line module with a syntax error on its first line.
/// Arg 1 makes the job check its errors with a fresh parse, as it must when
/// no fresh parse has yet shown the error; arg 0 is the usual case, where
/// the store knows the error comes before the edit.
void BM_ParseJobOnABrokenModule(benchmark::State &state) {
  DocumentStore store;
  store.parse_slow_documents_elsewhere(std::chrono::microseconds(-1));
  store.open("file:///broken.py", "python", 1, "def broken(:\n    pass\n" + module_10k());
  const Document &document = *store.get("file:///broken.py");
  std::vector<uint32_t> offsets = probe_offsets(document.text, 64);
  int64_t version = 1;
  std::size_t i = 0;
  for (auto _ : state) {
    TextPosition at = document.position_of(offsets[i++ % offsets.size()], PositionEncoding::Utf16);
    store.change("file:///broken.py", ++version, {{TextRange{at, at}, " "}}, PositionEncoding::Utf16);
    std::optional<ParseJob> job = store.take_parse_job("file:///broken.py");
    if (state.range(0)) job->fresh_parse_fails = false;
    benchmark::DoNotOptimize(store.adopt(run_parse_job(std::move(*job))));
  }
}
BENCHMARK(BM_ParseJobOnABrokenModule)->ArgName("checked")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_ParseFull10k(benchmark::State &state) {
  const std::string &text = module_10k();
  for (auto _ : state) {
    SyntaxTree tree(python());
    benchmark::DoNotOptimize(tree.parse(text));
  }
}
BENCHMARK(BM_ParseFull10k)->Unit(benchmark::kMillisecond);

void BM_LoadBuiltinPack(benchmark::State &state) {
  for (auto _ : state) benchmark::DoNotOptimize(load_builtin_content(ExampleCheck::Deferred));
}
BENCHMARK(BM_LoadBuiltinPack)->Unit(benchmark::kMillisecond);

/// Compiling one language's combined query (all its snippets' patterns).
void BM_CompileQuery(benchmark::State &state, const char *language_id) {
  std::vector<Snippet> snippets = load_builtin_content(ExampleCheck::Deferred).snippets;
  const Language &language = *language_by_id(language_id);
  for (auto _ : state) {
    ContentIndex index(snippets);
    benchmark::DoNotOptimize(index.compiled(language).query.get());
  }
}
BENCHMARK_CAPTURE(BM_CompileQuery, python, "python")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_CompileQuery, typescript, "typescript")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_CompileQuery, cpp, "cpp")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_CompileQuery, rust, "rust")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_CompileQuery, bash, "bash")->Unit(benchmark::kMillisecond);

} // namespace
} // namespace gloss

BENCHMARK_MAIN();
