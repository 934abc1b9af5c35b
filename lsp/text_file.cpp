//===--- text_file.cpp - read a whole file, refusing oversized ones -------===//
#include "text_file.h"

#include <fstream>
#include <sstream>

namespace gloss {

std::optional<std::string> read_text_file(const std::filesystem::path &path, std::uintmax_t max_bytes,
                                          std::string &error) {
  std::error_code code;
  std::uintmax_t size = std::filesystem::file_size(path, code);
  if (code) {
    error = "cannot read: " + code.message();
    return std::nullopt;
  }
  if (size > max_bytes) {
    error = "file is larger than " + std::to_string(max_bytes) + " bytes";
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  if (!in) {
    error = "cannot read the file";
    return std::nullopt;
  }
  return buffer.str();
}

} // namespace gloss
