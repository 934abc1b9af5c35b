//===--- content_layers.h - which content directories load, in what order -===//
//
// Precedence, lowest first (a higher layer replaces a lower one's snippet
// with the same id):
//   0. the built-in pack, embedded in the binary;
//   1. team/org directories, in this order: `content = [...]` in the
//      workspace's gloss.toml, then the editor's settings
//      (initializationOptions.contentPaths), then `--content` flags;
//   2. the workspace's own `.gloss/` folder;
//   3. the user's directory, $XDG_CONFIG_HOME/gloss/content
//      (~/.config/gloss/content).
// Then `disable = ["id", "family/*"]` in gloss.toml removes snippets from
// every layer.
//
// gloss.toml is read with toml11; a broken file is reported with its line
// and ignored, never fatal. Its content directories must lie inside the
// workspace (after resolving symlinks and ".."): a cloned repository cannot
// point Gloss at the rest of the disk.
//
//===----------------------------------------------------------------------===//
#ifndef GLOSS_LSP_CONTENT_LAYERS_H
#define GLOSS_LSP_CONTENT_LAYERS_H

#include "snippet.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace gloss {

struct ContentSources {
  std::optional<std::filesystem::path> workspace_root;
  std::vector<std::filesystem::path> settings_directories;     ///< from the editor
  std::vector<std::filesystem::path> command_line_directories; ///< from --content
  std::optional<std::filesystem::path> user_directory;         ///< usually user_content_directory()
};

struct LayerPlan {
  std::vector<std::filesystem::path> directories; ///< lowest first; each is its own layer
  /// Where new team notes go: the first gloss.toml content directory, else
  /// the workspace's .gloss/ (created on demand); empty without a workspace.
  std::filesystem::path team_directory;
  std::vector<std::string> disabled;              ///< id patterns ('*' matches anything)
  std::vector<ContentDiagnostic> diagnostics;
};

LayerPlan plan_layers(const ContentSources &sources);

/// $XDG_CONFIG_HOME/gloss/content, or ~/.config/gloss/content; nothing
/// when neither variable gives an absolute path.
std::optional<std::filesystem::path> user_content_directory();

/// The nearest directory at or above `start` that holds gloss.toml or
/// .gloss/, for command-line use where no editor names the workspace.
std::optional<std::filesystem::path> find_workspace_root(const std::filesystem::path &start);

/// True when `id` matches `pattern`, where '*' matches any run of characters.
bool id_matches(std::string_view pattern, std::string_view id);

} // namespace gloss

#endif
