// libFuzzer entry point for gloss::fuzz::content_file (see fuzz_targets.h).
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, std::size_t size) {
  gloss::fuzz::content_file(data, size);
  return 0;
}
