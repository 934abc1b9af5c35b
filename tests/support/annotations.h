//===--- annotations.h - cursor markers in test fixtures ------------------===//
//
// Fixtures mark positions instead of counting columns by hand:
//   "x = [n ^for n in xs]"   a point, where "^" stands
//   "[[lambda x: x]]"        a range
// Markers are removed; points() and ranges() give byte offsets in code().
// Use "$name^" / "$name[[...]]" to name them.
//
//===----------------------------------------------------------------------===//
#ifndef GLOSS_TESTS_ANNOTATIONS_H
#define GLOSS_TESTS_ANNOTATIONS_H

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gloss::testing {

class Annotations {
public:
  explicit Annotations(std::string_view annotated);

  const std::string &code() const { return code_; }
  /// The only unnamed point; aborts the test if there is not exactly one.
  uint32_t point() const;
  uint32_t point(const std::string &name) const;
  std::vector<uint32_t> points() const;
  std::pair<uint32_t, uint32_t> range() const;
  std::pair<uint32_t, uint32_t> range(const std::string &name) const;

private:
  std::string code_;
  std::multimap<std::string, uint32_t> points_;
  std::multimap<std::string, std::pair<uint32_t, uint32_t>> ranges_;
};

} // namespace gloss::testing

#endif
