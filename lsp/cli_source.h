//===--- cli_source.h - a source file and its content, for the command line ===//
//
// What the commands that look at one source file share: read and parse it,
// and load the content layers an editor opened on its workspace would use.
// Problems are printed to stderr, as `gloss: <path>: <problem>`.
//
//===----------------------------------------------------------------------===//
#ifndef GLOSS_LSP_CLI_SOURCE_H
#define GLOSS_LSP_CLI_SOURCE_H

#include "content_index.h"
#include "language_registry.h"
#include "syntax_tree.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace gloss {

struct SourceFile {
  std::string path;
  const Language *language = nullptr;
  std::string text;
  SyntaxTree tree;
};

/// The parsed file, or nothing with `exit_status` set: 2 for a file that
/// cannot be read or has no grammar, 1 when parsing ran out of time.
std::optional<SourceFile> read_source_file(const std::string &path, int &exit_status);

/// Built-in pack, the workspace's layers (found from `source`), --content
/// directories and the user's layer, as the server would load them.
std::unique_ptr<ContentIndex> load_content_for(const std::filesystem::path &source,
                                               const std::vector<std::string> &content_directories);

} // namespace gloss

#endif
