//===--- builtin_content.h - the content pack embedded in the binary ------===//
//
// The build embeds every file under content/ twice: as text (see
// embed_content.cmake), for lint and test, which check examples; and already
// parsed by gloss_pack_compiler (pack_compiler.cpp), so that a server starts
// without parsing hundreds of YAML front matters. A bare `gloss` binary
// carries its built-in pack and needs no install paths.
//
//===----------------------------------------------------------------------===//
#ifndef GLOSS_LSP_BUILTIN_CONTENT_H
#define GLOSS_LSP_BUILTIN_CONTENT_H

#include "snippet.h"

#include <cstdint>
#include <span>
#include <string_view>

namespace gloss {

struct EmbeddedFile {
  std::string_view path; ///< relative to content/, with '/' separators
  std::string_view text;
};

std::span<const EmbeddedFile> builtin_content_files();

/// A Snippet as constant data (what the loader made of a file with
/// ExampleCheck::Deferred), for the generated table.
struct PackedLink {
  std::string_view title;
  std::string_view url;
};
struct PackedExample {
  std::string_view code;
  uint32_t source_line = 0;
};
struct PackedSnippet {
  std::string_view id;
  std::string_view title;
  std::string_view language;
  Level level = Level::Intermediate;
  SnippetKind kind = SnippetKind::Tip;
  std::span<const std::string_view> tags;
  std::string_view query;
  uint32_t query_line = 0;
  std::span<const PackedLink> links;
  std::string_view summary;
  std::string_view details;
  uint32_t details_line = 0;
  std::span<const PackedExample> examples;
  std::string_view source;
};

std::span<const PackedSnippet> packed_builtin_snippets();

} // namespace gloss

#endif
