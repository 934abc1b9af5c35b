//===--- learner_state.h - what this learner has seen, muted and rated ----===//
//
// One small text file per learner, by default $XDG_STATE_HOME/gloss/learner.tsv:
// per tip, how often it was shown and explained, whether it is muted, and the
// learner's feedback. Nothing here leaves the machine.
//
// Events are recorded in memory and written in batches, off the thread that
// answers the editor if the caller wishes. A write takes an exclusive lock on
// a sibling `.lock` file, re-reads the file (another editor window may have
// written since), applies the batch, writes the result to a temporary file,
// fsyncs it and renames it over the old one. So a kill at any moment leaves the previous or the next complete
// file, and two servers never lose each other's events.
//
// A file that cannot be parsed is renamed aside (`.corrupt-<time>`) and
// reported; Gloss goes on with an empty state rather than failing.
//
//===----------------------------------------------------------------------===//
#ifndef GLOSS_LSP_LEARNER_STATE_H
#define GLOSS_LSP_LEARNER_STATE_H

#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gloss {

struct TipRecord {
  uint64_t shown = 0;
  uint64_t explained = 0;
  uint64_t muted = 0; ///< times the learner said "I know this"
  uint64_t helpful = 0;
  uint64_t not_helpful = 0;
  bool is_muted = false;
  int64_t last_shown = 0; ///< Unix seconds; 0 when never shown

  bool operator==(const TipRecord &) const = default;
};

enum class LearnerEvent { Shown, Explained, Muted, Unmuted, Helpful, NotHelpful };

using TipRecords = std::map<std::string, TipRecord, std::less<>>;

/// $XDG_STATE_HOME/gloss/learner.tsv, or ~/.local/state/gloss/learner.tsv.
std::filesystem::path default_learner_state_file();

/// The file's text form, and back. parse returns nothing (with `error` set,
/// naming the line) for anything it does not fully understand.
std::string serialize_learner_state(const TipRecords &tips);
std::optional<TipRecords> parse_learner_state(std::string_view text, std::string &error);

/// Applies one event at time `now` (Unix seconds) to `record`.
void apply_event(TipRecord &record, LearnerEvent event, int64_t now);

struct LearnerEventRecord {
  std::string tip_id;
  LearnerEvent event;
  int64_t time = 0;
};

/// Which version of the file we last saw: another process's write changes it.
struct FileIdentity {
  uint64_t inode = 0;
  int64_t mtime_ns = 0;
  uint64_t size = 0;
  bool operator==(const FileIdentity &) const = default;
};

/// A batch of events on its way to the file. LearnerState::begin_write makes
/// it, write_learner_events writes it (on any thread: it touches only the
/// file system), and LearnerState::finish_write takes the outcome back.
struct LearnerWrite {
  std::filesystem::path file;
  std::vector<LearnerEventRecord> events;
  bool written = false;
  TipRecords tips; ///< the file as written
  std::optional<FileIdentity> identity;
  std::vector<std::string> problems;
};

/// Locks, re-reads the file, applies the events, writes atomically, unlocks.
void write_learner_events(LearnerWrite &write);

class LearnerState {
public:
  explicit LearnerState(std::filesystem::path file);

  /// Reads the file. Problems (a corrupt file set aside, an unreadable one)
  /// are returned for the caller to report; the state is then empty.
  std::vector<std::string> load();

  /// Records an event in memory; it reaches the file with the next write.
  void record(std::string_view tip_id, LearnerEvent event, int64_t now);
  bool has_pending() const { return !pending_.empty(); }

  /// Takes the pending events into a batch to write. Batches must finish in
  /// the order they began.
  LearnerWrite begin_write();
  /// Adopts a written batch; a failed one's events become pending again.
  /// Returns the problems to report.
  std::vector<std::string> finish_write(LearnerWrite write);
  /// Writes the pending events now, on this thread; batches in flight are
  /// left to finish_write. On failure the events stay pending.
  std::vector<std::string> flush();

  /// Re-reads the file when another process changed it since we last read
  /// or wrote it. Returns problems, as load() does.
  std::vector<std::string> refresh_if_changed();

  /// The learner's records, including events not yet written.
  const TipRecords &tips() const { return tips_; }
  const TipRecord *find(std::string_view tip_id) const;
  const std::filesystem::path &file() const { return file_; }

private:
  /// tips_ = the file as last seen + batches being written + pending events.
  void rebuild_view();

  std::filesystem::path file_;
  TipRecords on_disk_;
  TipRecords tips_;
  std::deque<std::vector<LearnerEventRecord>> in_flight_;
  std::vector<LearnerEventRecord> pending_;
  std::optional<FileIdentity> identity_; ///< of the file as last read or written
};

/// When a tip's hover collapses to its brief form.
struct RepetitionSettings {
  uint32_t brief_after_shown = 5; ///< 0: never collapse
  uint32_t full_again_after_days = 30;
};

enum class TipDisplay { Full, Brief };

/// Full until the tip has been shown `brief_after_shown` times; then brief,
/// except once after a pause of `full_again_after_days` (spaced repetition).
TipDisplay display_for(const TipRecord *record, const RepetitionSettings &settings, int64_t now);

} // namespace gloss

#endif
