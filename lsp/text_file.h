//===--- text_file.h - read a whole file, refusing oversized ones ---------===//
#ifndef GLOSS_LSP_TEXT_FILE_H
#define GLOSS_LSP_TEXT_FILE_H

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace gloss {

/// The whole file, or nothing with `error` set ("cannot read: …", "file is
/// larger than N bytes") when it cannot be read or exceeds `max_bytes`.
std::optional<std::string> read_text_file(const std::filesystem::path &path, std::uintmax_t max_bytes,
                                          std::string &error);

} // namespace gloss

#endif
