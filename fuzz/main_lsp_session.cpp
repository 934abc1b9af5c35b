// libFuzzer entry point for gloss::fuzz::lsp_session (see fuzz_targets.h).
#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, std::size_t size) {
  gloss::fuzz::lsp_session(data, size);
  return 0;
}
