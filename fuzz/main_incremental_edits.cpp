// libFuzzer entry point for gloss::fuzz::incremental_edits (see fuzz_targets.h).
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, std::size_t size) {
  gloss::fuzz::incremental_edits(data, size);
  return 0;
}
