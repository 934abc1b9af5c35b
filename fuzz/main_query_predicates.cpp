// libFuzzer entry point for gloss::fuzz::query_predicates (see fuzz_targets.h).
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, std::size_t size) {
  gloss::fuzz::query_predicates(data, size);
  return 0;
}
