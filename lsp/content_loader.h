//===--- content_loader.h - snippet files to Snippets ---------------------===//
//
// Reads Markdown files with YAML front matter (format: content/README.md)
// into Snippets, validating every field. Never throws: a broken file yields
// diagnostics with file and line and is skipped, and the rest still loads.
// Query compilation is checked later, per language, by the content index.
//
//===----------------------------------------------------------------------===//
#ifndef GLOSS_LSP_CONTENT_LOADER_H
#define GLOSS_LSP_CONTENT_LOADER_H

#include "builtin_content.h"
#include "snippet.h"

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace gloss {

struct LoadedContent {
  std::vector<Snippet> snippets;
  std::vector<ContentDiagnostic> diagnostics;

  void append(LoadedContent &&other);
  bool has_errors() const;
};

/// Whether loading parses every example (to find its assertions, report
/// syntax errors and strip marker lines), as lint and test need, or leaves
/// that to displayed_details(), so that a server starts without parsing
/// hundreds of examples it may never show.
enum class ExampleCheck { Full, Deferred };

/// Parses one snippet file. `source` names it in diagnostics; `relative_path`
/// (e.g. "python/list-comprehension.md") is checked against the id when given.
std::optional<Snippet> parse_snippet(std::string_view text, const std::string &source,
                                     std::string_view relative_path, int layer,
                                     std::vector<ContentDiagnostic> &diagnostics,
                                     ExampleCheck check = ExampleCheck::Full);

/// The snippet's details as a learner should see them: marker lines removed
/// (parsing the examples now if loading deferred it).
std::string displayed_details(const Snippet &snippet);

/// In-memory snippet files (the embedded pack, or content/ as the pack
/// compiler reads it) as layer 0, with "builtin:<path>" sources.
LoadedContent load_embedded_files(std::span<const EmbeddedFile> files, ExampleCheck check);

/// The pack embedded in the binary at build time, as layer 0. Deferred
/// returns the snippets the build already parsed (no YAML at startup).
LoadedContent load_builtin_content(ExampleCheck check = ExampleCheck::Full);

/// Every *.md under `directory` except README.md files, recursively, sorted.
/// A missing or unreadable directory is one diagnostic, not a failure.
LoadedContent load_content_directory(const std::filesystem::path &directory, int layer,
                                     ExampleCheck check = ExampleCheck::Full);

/// The built-in pack (layer 0) followed by each directory as its own layer,
/// in order, so a later directory overrides an earlier one by id.
LoadedContent load_layers(const std::vector<std::filesystem::path> &directories,
                          ExampleCheck check = ExampleCheck::Full);

/// Files larger than this are rejected unread.
inline constexpr std::uintmax_t max_snippet_file_bytes = 256 * 1024;
/// One content directory (a layer) loads at most this many files and bytes:
/// far above a real pack (the built-in one is 417 files, 1.4 MB).
inline constexpr std::size_t max_snippet_files_per_directory = 5000;
inline constexpr std::uintmax_t max_content_directory_bytes = 64u << 20;

} // namespace gloss

#endif
