// The learner state file: its text form, events, merging between processes,
// and what happens to a file that is not ours.
#include "learner_state.h"
#include "lsp_client.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace gloss {
namespace {

constexpr int64_t day = 24 * 60 * 60;

struct LearnerStateFile : ::testing::Test {
  std::filesystem::path directory = testing::make_temp_directory();
  std::filesystem::path file = directory / "learner.tsv";
  void TearDown() override { std::filesystem::remove_all(directory); }

  void write(const std::string &text) { std::ofstream(file, std::ios::binary) << text; }
  std::vector<std::filesystem::path> set_aside() const {
    std::vector<std::filesystem::path> found;
    for (const auto &entry : std::filesystem::directory_iterator(directory))
      if (entry.path().filename().string().find(".corrupt-") != std::string::npos) found.push_back(entry.path());
    return found;
  }
};

TEST(LearnerStateText, RoundTrips) {
  TipRecords tips;
  tips["python/lambda"] = {3, 1, 1, 2, 0, true, 1'800'000'000};
  tips["go/select"] = {0, 0, 0, 0, 4, false, 0};
  std::string error;
  std::optional<TipRecords> parsed = parse_learner_state(serialize_learner_state(tips), error);
  ASSERT_TRUE(parsed) << error;
  EXPECT_EQ(*parsed, tips);
}

TEST(LearnerStateText, RejectsWhatItDoesNotFullyUnderstand) {
  std::string error;
  std::string header = "gloss-learner-state\t1\n";
  EXPECT_FALSE(parse_learner_state("", error));
  EXPECT_FALSE(parse_learner_state("{\"json\": true}\n", error));
  EXPECT_FALSE(parse_learner_state(header + "python/lambda\t1\t2\n", error));
  EXPECT_NE(error.find("line 2"), std::string::npos) << error;
  EXPECT_FALSE(parse_learner_state(header + "python/lambda\t1\t0\t0\t0\t0\t0\t5", error)); // cut short
  EXPECT_FALSE(parse_learner_state(header + "python/lambda\t-1\t0\t0\t0\t0\t0\t5\n", error));
  EXPECT_FALSE(parse_learner_state(header + "python/lambda\t1\t0\t0\t0\t0\tyes\t5\n", error));
  EXPECT_FALSE(parse_learner_state(header + "a/b\t1\t0\t0\t0\t0\t0\t5\na/b\t1\t0\t0\t0\t0\t0\t5\n", error));
  EXPECT_NE(error.find("repeats"), std::string::npos) << error;
  EXPECT_TRUE(parse_learner_state(header + "# a comment\n\n", error)) << error;
}

TEST(LearnerEvents, CountAndMute) {
  TipRecord record;
  apply_event(record, LearnerEvent::Shown, 100);
  apply_event(record, LearnerEvent::Shown, 50); // a late event never moves last_shown back
  apply_event(record, LearnerEvent::Muted, 60);
  apply_event(record, LearnerEvent::Muted, 61); // muting a muted tip is not a second mute
  apply_event(record, LearnerEvent::Helpful, 62);
  apply_event(record, LearnerEvent::NotHelpful, 63);
  apply_event(record, LearnerEvent::Explained, 64);
  EXPECT_EQ(record, (TipRecord{2, 1, 1, 1, 1, true, 100}));
  apply_event(record, LearnerEvent::Unmuted, 65);
  EXPECT_FALSE(record.is_muted);
  EXPECT_EQ(record.muted, 1u);
}

TEST(SpacedRepetition, FullUntilSeenOftenThenBriefThenFullAfterAPause) {
  RepetitionSettings settings{3, 30};
  int64_t now = 1'800'000'000;
  EXPECT_EQ(display_for(nullptr, settings, now), TipDisplay::Full);
  TipRecord record{2, 0, 0, 0, 0, false, now - 60};
  EXPECT_EQ(display_for(&record, settings, now), TipDisplay::Full);
  record.shown = 3;
  EXPECT_EQ(display_for(&record, settings, now), TipDisplay::Brief);
  record.last_shown = now - 29 * day;
  EXPECT_EQ(display_for(&record, settings, now), TipDisplay::Brief);
  record.last_shown = now - 30 * day;
  EXPECT_EQ(display_for(&record, settings, now), TipDisplay::Full);
  EXPECT_EQ(display_for(&record, RepetitionSettings{0, 30}, now), TipDisplay::Full); // 0: never brief
  record.last_shown = now - 400 * day;
  EXPECT_EQ(display_for(&record, RepetitionSettings{3, 0}, now), TipDisplay::Brief); // 0: no pause rule
}

TEST_F(LearnerStateFile, AMissingFileIsAnEmptyState) {
  LearnerState state(file);
  EXPECT_TRUE(state.load().empty());
  EXPECT_TRUE(state.tips().empty());
  EXPECT_FALSE(std::filesystem::exists(file)); // nothing written until there is something to say
}

TEST_F(LearnerStateFile, EventsReachTheFileOnFlush) {
  LearnerState state(file);
  state.load();
  state.record("python/lambda", LearnerEvent::Shown, 10);
  EXPECT_EQ(state.find("python/lambda")->shown, 1u); // visible before the flush
  EXPECT_FALSE(std::filesystem::exists(file));
  EXPECT_TRUE(state.flush().empty());
  EXPECT_FALSE(state.has_pending());

  LearnerState reader(file);
  EXPECT_TRUE(reader.load().empty());
  ASSERT_NE(reader.find("python/lambda"), nullptr);
  EXPECT_EQ(reader.find("python/lambda")->last_shown, 10);
}

TEST_F(LearnerStateFile, TwoWritersMergeInsteadOfOverwriting) {
  LearnerState first(file);
  LearnerState second(file);
  first.load();
  second.load();
  for (int i = 0; i < 3; ++i) first.record("go/select", LearnerEvent::Helpful, 1);
  second.record("go/select", LearnerEvent::Helpful, 2);
  second.record("rust/question-mark", LearnerEvent::Muted, 2);
  EXPECT_TRUE(first.flush().empty());
  EXPECT_TRUE(second.flush().empty()); // re-reads first's events under the lock
  EXPECT_EQ(second.find("go/select")->helpful, 4u);
  EXPECT_TRUE(second.find("rust/question-mark")->is_muted);

  EXPECT_TRUE(first.refresh_if_changed().empty());
  EXPECT_EQ(first.find("go/select")->helpful, 4u);
  EXPECT_TRUE(first.find("rust/question-mark")->is_muted);
}

TEST_F(LearnerStateFile, ACorruptFileIsSetAsideAndReported) {
  write("this is not a learner state\n");
  LearnerState state(file);
  std::vector<std::string> problems = state.load();
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("moved it to"), std::string::npos) << problems[0];
  ASSERT_EQ(set_aside().size(), 1u);
  std::ifstream kept(set_aside()[0]);
  std::stringstream bytes;
  bytes << kept.rdbuf();
  EXPECT_EQ(bytes.str(), "this is not a learner state\n"); // the learner's bytes are kept, not lost
  EXPECT_TRUE(state.tips().empty());

  state.record("c/pointer", LearnerEvent::Shown, 5);
  EXPECT_TRUE(state.flush().empty());
  LearnerState reader(file);
  EXPECT_TRUE(reader.load().empty());
  EXPECT_EQ(reader.find("c/pointer")->shown, 1u);
}

TEST_F(LearnerStateFile, ADirectoryWhereTheFileShouldBeIsSetAside) {
  std::filesystem::create_directories(file);
  LearnerState state(file);
  EXPECT_EQ(state.load().size(), 1u);
  state.record("c/pointer", LearnerEvent::Shown, 5);
  EXPECT_TRUE(state.flush().empty());
  EXPECT_TRUE(std::filesystem::is_regular_file(file));
}

TEST_F(LearnerStateFile, AnUnwritableDirectoryKeepsEventsPending) {
  LearnerState state(directory / "blocked" / "learner.tsv");
  write("");
  std::filesystem::rename(file, directory / "blocked"); // a file where the directory should be
  state.load();
  state.record("c/pointer", LearnerEvent::Muted, 5);
  std::vector<std::string> problems = state.flush();
  EXPECT_FALSE(problems.empty());
  EXPECT_TRUE(state.has_pending());
  EXPECT_TRUE(state.find("c/pointer")->is_muted); // still in effect for this session
}

TEST_F(LearnerStateFile, TemporariesLeftByAKilledWriterAreRemoved) {
  write(serialize_learner_state({}));
  std::filesystem::path abandoned = directory / "learner.tsv.tmp.99999.abcdef";
  std::ofstream(abandoned) << "half a fi";
  LearnerState state(file);
  state.load();
  state.record("c/pointer", LearnerEvent::Shown, 5);
  EXPECT_TRUE(state.flush().empty());
  EXPECT_FALSE(std::filesystem::exists(abandoned));
}

} // namespace
} // namespace gloss
