// Replays every fuzz target's corpus — the seeds and each input that once
// crashed — in the normal (and sanitizer) test suite, so a fixed bug stays
// fixed without running the fuzzer.
#include "fuzz_targets.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

namespace gloss {
namespace {

struct Target {
  const char *name;
  void (*run)(const uint8_t *, std::size_t);
};

class FuzzCorpus : public ::testing::TestWithParam<Target> {};

TEST_P(FuzzCorpus, EveryInputRunsCleanly) {
  std::filesystem::path directory = std::filesystem::path(GLOSS_SOURCE_DIR) / "fuzz" / "corpus" / GetParam().name;
  ASSERT_TRUE(std::filesystem::is_directory(directory)) << directory;
  std::size_t inputs = 0;
  for (const auto &entry : std::filesystem::directory_iterator(directory)) {
    std::ifstream file(entry.path(), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(file)), {});
    SCOPED_TRACE(entry.path().string());
    GetParam().run(reinterpret_cast<const uint8_t *>(bytes.data()), bytes.size()); // aborts on a failed check
    ++inputs;
  }
  EXPECT_GT(inputs, 0u);
}

INSTANTIATE_TEST_SUITE_P(Targets, FuzzCorpus,
                         ::testing::Values(Target{"lsp_session", fuzz::lsp_session},
                                           Target{"content_file", fuzz::content_file},
                                           Target{"incremental_edits", fuzz::incremental_edits},
                                           Target{"query_predicates", fuzz::query_predicates}),
                         [](const auto &info) { return std::string(info.param.name); });

} // namespace
} // namespace gloss
