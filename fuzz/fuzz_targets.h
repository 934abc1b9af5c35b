//===--- fuzz_targets.h - what each fuzz target does with its bytes -------===//
//
// Each target is a plain function, so the same code runs under libFuzzer
// (fuzz/main_<target>.cpp) and in the normal test suite, which replays the
// seed corpora and every input that once crashed (fuzz/corpus/<target>/).
// A target returns normally or aborts: a failed check calls fuzz_check.
//
//===----------------------------------------------------------------------===//
#ifndef GLOSS_FUZZ_FUZZ_TARGETS_H
#define GLOSS_FUZZ_FUZZ_TARGETS_H

#include <cstddef>
#include <cstdint>

namespace gloss::fuzz {

/// Arbitrary bytes as the stream an editor sends: framing, JSON-RPC, and
/// every LSP method, through a real Server.
void lsp_session(const uint8_t *data, std::size_t size);
/// Arbitrary bytes as a snippet file: front matter, Markdown, examples and
/// the query, loaded, compiled and tested as `gloss test` would.
void content_file(const uint8_t *data, std::size_t size);
/// A document and a script of edits: the incrementally edited tree and line
/// index must equal a fresh parse and index of the final text.
void incremental_edits(const uint8_t *data, std::size_t size);
/// A query with predicates and a source text: compiled and matched at
/// every position without crashing or stalling.
void query_predicates(const uint8_t *data, std::size_t size);

/// Aborts with `message` when `condition` is false (works without NDEBUG).
void fuzz_check(bool condition, const char *message);

} // namespace gloss::fuzz

#endif
