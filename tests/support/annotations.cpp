//===--- annotations.cpp - cursor markers in test fixtures ----------------===//
#include "annotations.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace gloss::testing {

Annotations::Annotations(std::string_view annotated) {
  std::vector<std::pair<std::string, uint32_t>> open_ranges;
  std::string pending_name;
  for (std::size_t i = 0; i < annotated.size(); ++i) {
    char c = annotated[i];
    if (c == '$') {
      std::size_t end = i + 1;
      while (end < annotated.size() && (std::isalnum(static_cast<unsigned char>(annotated[end])) || annotated[end] == '_')) ++end;
      if (end < annotated.size() && (annotated[end] == '^' || annotated.substr(end, 2) == "[[")) {
        pending_name = std::string(annotated.substr(i + 1, end - i - 1));
        i = end - 1;
        continue;
      }
    }
    uint32_t here = static_cast<uint32_t>(code_.size());
    if (c == '^') {
      points_.emplace(pending_name, here);
      pending_name.clear();
    } else if (annotated.substr(i, 2) == "[[") {
      open_ranges.emplace_back(pending_name, here);
      pending_name.clear();
      ++i;
    } else if (annotated.substr(i, 2) == "]]" && !open_ranges.empty()) {
      auto [name, start] = open_ranges.back();
      open_ranges.pop_back();
      ranges_.emplace(name, std::make_pair(start, here));
      ++i;
    } else {
      code_.push_back(c);
    }
  }
  if (!open_ranges.empty()) throw std::invalid_argument("unclosed [[ in annotated text");
}

uint32_t Annotations::point() const { return point(""); }

uint32_t Annotations::point(const std::string &name) const {
  if (points_.count(name) != 1) {
    ADD_FAILURE() << "expected exactly one point named '" << name << "'";
    return 0;
  }
  return points_.find(name)->second;
}

std::vector<uint32_t> Annotations::points() const {
  std::vector<uint32_t> all;
  for (auto [it, end] = points_.equal_range(""); it != end; ++it) all.push_back(it->second);
  return all;
}

std::pair<uint32_t, uint32_t> Annotations::range() const { return range(""); }

std::pair<uint32_t, uint32_t> Annotations::range(const std::string &name) const {
  if (ranges_.count(name) != 1) {
    ADD_FAILURE() << "expected exactly one range named '" << name << "'";
    return {0, 0};
  }
  return ranges_.find(name)->second;
}

} // namespace gloss::testing
