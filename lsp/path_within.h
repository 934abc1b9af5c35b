//===--- path_within.h - whether a path stays inside a directory ----------===//
#ifndef GLOSS_LSP_PATH_WITHIN_H
#define GLOSS_LSP_PATH_WITHIN_H

#include <filesystem>

namespace gloss {

/// True when `path`, with symlinks and ".." resolved, is `root` or inside it.
/// Content from a repository may only read what lies in its own folders.
bool is_within(const std::filesystem::path &path, const std::filesystem::path &root);

} // namespace gloss

#endif
