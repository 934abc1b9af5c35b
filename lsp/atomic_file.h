//===--- atomic_file.h - write a file so readers never see half of it -----===//
#ifndef GLOSS_LSP_ATOMIC_FILE_H
#define GLOSS_LSP_ATOMIC_FILE_H

#include <filesystem>
#include <string>
#include <string_view>

namespace gloss {

/// Writes `contents` to a temporary file beside `path` (`<path>.tmp.<pid>.*`),
/// flushes it to disk, renames it over `path` and flushes the directory. Creates missing parent directories. Returns an
/// error message, or an empty string on success.
std::string write_file_atomically(const std::filesystem::path &path, std::string_view contents);

/// $XDG_CACHE_HOME/gloss, or ~/.cache/gloss, or a temp directory.
std::filesystem::path cache_directory();

} // namespace gloss

#endif
