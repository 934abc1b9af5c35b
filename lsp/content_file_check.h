//===--- content_file_check.h - lint one content file as an author edits it ===//
//
// When the document open in the editor is itself a snippet file, the server
// runs what `gloss lint` and `gloss test` would on it — front matter, query
// compilation, every example marker — against the content already loaded,
// and returns the problems by line for the editor to show as diagnostics.
//
//===----------------------------------------------------------------------===//
#ifndef GLOSS_LSP_CONTENT_FILE_CHECK_H
#define GLOSS_LSP_CONTENT_FILE_CHECK_H

#include "content_index.h"

#include <string>
#include <string_view>
#include <vector>

namespace gloss {

/// True for a Markdown file that starts with front matter.
bool looks_like_content_file(std::string_view path, std::string_view text);

/// Every problem in the snippet file `text` (at `path`), checked as a layer
/// above `loaded`. Lines are 1-based; 0 means the whole file.
std::vector<ContentDiagnostic> check_content_file(std::string_view text, const std::string &path,
                                                  const ContentIndex &loaded);

} // namespace gloss

#endif
