//===--- path_within.cpp - whether a path stays inside a directory --------===//
#include "path_within.h"

#include <algorithm>

namespace gloss {

bool is_within(const std::filesystem::path &path, const std::filesystem::path &root) {
  std::error_code error;
  std::filesystem::path resolved = std::filesystem::weakly_canonical(path, error);
  if (error) return false;
  std::filesystem::path base = std::filesystem::weakly_canonical(root, error);
  if (error) return false;
  // weakly_canonical keeps a trailing separator as an empty last element.
  if (!base.empty() && base.filename().empty()) base = base.parent_path();
  auto [base_end, _] = std::mismatch(base.begin(), base.end(), resolved.begin(), resolved.end());
  return base_end == base.end();
}

} // namespace gloss
