//===--- incremental_edits.cpp - fuzz edits against a full reparse --------===//
//
// Input: one byte picks the language, two give the length of the initial
// text, then the text, then edits: [encoding][line:2][character:2]
// [removed:1][inserted length:1][inserted…][step:1], the step saying whether
// to parse now or after more edits.
// After every edit, the document's line index and tree must be exactly what
// indexing and parsing the new text from scratch gives (for text with syntax
// errors, a tree spanning the same text: error recovery may differ). When the language
// byte's next bit is set, the store parses through ParseJobs (as the server
// does for slow documents), taken, held across edits and adopted in the
// order the input says. Where the store says a fresh parse fails, it must.
//
//===----------------------------------------------------------------------===//
#include "fuzz_targets.h"

#include "document_store.h"
#include "language_registry.h"
#include "line_index.h"
#include "syntax_tree.h"

#include <chrono>
#include <memory>
#include <optional>
#include <string>

namespace gloss::fuzz {
namespace {

constexpr const char *languages[] = {"python", "javascript", "cpp", "rust", "go", "bash"};
constexpr std::size_t max_edits = 64;

std::string tree_string(const SyntaxTree &tree) {
  if (tree.empty()) return "(empty)";
  char *text = ts_node_string(tree.root());
  std::string result(text);
  std::free(text);
  return result;
}

class Reader {
public:
  Reader(const uint8_t *data, std::size_t size) : data_(data), size_(size) {}
  bool has(std::size_t n) const { return size_ - at_ >= n; }
  uint32_t number(std::size_t bytes) {
    uint32_t value = 0;
    for (std::size_t i = 0; i < bytes && at_ < size_; ++i) value = value << 8 | data_[at_++];
    return value;
  }
  std::string text(std::size_t n) {
    n = std::min(n, size_ - at_);
    std::string out(reinterpret_cast<const char *>(data_ + at_), n);
    at_ += n;
    return out;
  }

private:
  const uint8_t *data_;
  std::size_t size_;
  std::size_t at_ = 0;
};

} // namespace

void incremental_edits(const uint8_t *data, std::size_t size) {
  Reader input(data, size);
  if (!input.has(3)) return;
  uint32_t first = input.number(1);
  const char *language_id = languages[first % std::size(languages)];
  bool through_jobs = (first / std::size(languages)) % 2 == 1;
  std::string initial = input.text(input.number(2));

  DocumentStore store;
  if (through_jobs) { // every document is "slow" and "long"
    store.parse_slow_documents_elsewhere(std::chrono::microseconds(-1));
    store.parse_long_documents_elsewhere(0);
  }
  std::optional<ParseJob> held;
  const std::string uri = "file:///fuzz";
  store.open(uri, language_id, 1, initial);
  const Language &language = *language_by_id(language_id);
  int64_t version = 1;
  for (std::size_t edit = 0; edit < max_edits && input.has(7); ++edit) {
    PositionEncoding encoding = static_cast<PositionEncoding>(input.number(1) % 3);
    TextPosition start{input.number(2) % 512, input.number(2) % 512};
    uint32_t removed = input.number(1);
    std::string inserted = input.text(input.number(1));
    TextPosition end{start.line, start.character + removed};
    if (removed >= 200) end = {start.line + 1, removed - 200}; // some edits span lines
    store.change(uri, ++version, {{TextRange{start, end}, inserted}}, encoding);
    uint32_t step = input.number(1);
    if (step % 4 == 0 && input.has(7)) continue; // several edits, one incremental parse
    if (through_jobs) {
      store.use(uri);
      if (step % 4 == 1 && !held && (held = store.take_parse_job(uri)) && input.has(7)) continue; // edits arrive meanwhile
      if (held) store.adopt(run_parse_job(std::move(*held)));
      held.reset();
      while (std::optional<ParseJob> job = store.take_parse_job(uri)) store.adopt(run_parse_job(std::move(*job)));
    }

    const Document &document = *store.use(uri);
    fuzz_check(!document.tree || !document.edits_unparsed, "edits left unparsed after the jobs ran");
    fuzz_check(!document.awaits_first_parse(), "a first parse left waiting after the jobs ran");
    LineIndex fresh(document.text);
    fuzz_check(fresh.line_count() == document.lines.line_count(), "line count differs from a fresh index");
    for (uint32_t line = 0; line < fresh.line_count(); ++line)
      fuzz_check(fresh.offset_of({line, 0}, PositionEncoding::Utf8, document.text) ==
                     document.lines.offset_of({line, 0}, PositionEncoding::Utf8, document.text),
                 "line start differs from a fresh index");
    SyntaxTree reparsed(language);
    bool parsed = reparsed.parse(document.text);
    if (!parsed || !document.tree) continue;
    fuzz_check(!document.reparsing.fresh_parse_fails_before || reparsed.has_error(),
               "the store says a fresh parse fails, but it does not");
    // Around syntax errors, tree-sitter may repair an edited tree differently
    // from a fresh parse (both are valid recoveries); code that parses
    // cleanly must come out the same either way.
    if (reparsed.has_error())
      fuzz_check(ts_node_end_byte(document.tree->root()) == ts_node_end_byte(reparsed.root()),
                 "incremental tree does not span the text");
    else
      fuzz_check(tree_string(*document.tree) == tree_string(reparsed), "incremental tree differs from a full parse");
  }
}

} // namespace gloss::fuzz
