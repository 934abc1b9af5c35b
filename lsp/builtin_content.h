//===--- builtin_content.h - the content pack embedded in the binary ------===//
//
// The build embeds every file under content/ (see embed_content.cmake), so a
// bare `gloss` binary carries its built-in pack and needs no install paths.
//
//===----------------------------------------------------------------------===//
#ifndef GLOSS_LSP_BUILTIN_CONTENT_H
#define GLOSS_LSP_BUILTIN_CONTENT_H

#include <span>
#include <string_view>

namespace gloss {

struct EmbeddedFile {
  std::string_view path; ///< relative to content/, with '/' separators
  std::string_view text;
};

std::span<const EmbeddedFile> builtin_content_files();

} // namespace gloss

#endif
