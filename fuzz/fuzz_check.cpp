//===--- fuzz_check.cpp - a check that fails loudly in any build ----------===//
#include "fuzz_targets.h"

#include <cstdio>
#include <cstdlib>

namespace gloss::fuzz {

void fuzz_check(bool condition, const char *message) {
  if (condition) return;
  std::fprintf(stderr, "fuzz check failed: %s\n", message);
  std::abort();
}

} // namespace gloss::fuzz
