//===--- learner_state.cpp - what this learner has seen, muted and rated --===//
#include "learner_state.h"

#include "atomic_file.h"
#include "text_file.h"

#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace gloss {
namespace {

constexpr std::string_view header = "gloss-learner-state\t1";
constexpr std::string_view columns = "# tip\tshown\texplained\tmuted\thelpful\tnot_helpful\tmuted_now\tlast_shown";
/// Far above any real state (a few hundred tips); a bigger file is not ours.
constexpr std::uintmax_t max_state_bytes = 16u << 20;
/// Another server holds the lock for a few milliseconds; waiting longer
/// means something is wrong, and the events stay pending for the next try.
constexpr std::chrono::milliseconds lock_patience{2000};

template <typename Number> bool parse_number(std::string_view field, Number &value) {
  auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), value);
  return error == std::errc() && end == field.data() + field.size();
}

/// An exclusive flock on `<state>.lock`, released when destroyed. The state
/// file itself cannot carry the lock: every write replaces its inode.
class FileLock {
public:
  explicit FileLock(const std::filesystem::path &path) {
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) {
      error_ = "cannot open the lock file " + path.string() + ": " + std::strerror(errno);
      return;
    }
    auto deadline = std::chrono::steady_clock::now() + lock_patience;
    while (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      if ((errno != EWOULDBLOCK && errno != EINTR) || std::chrono::steady_clock::now() > deadline) {
        error_ = "cannot lock " + path.string() + ": " +
                 (errno == EWOULDBLOCK ? std::string("another Gloss holds it") : std::strerror(errno));
        ::close(fd_);
        fd_ = -1;
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  }
  ~FileLock() {
    if (fd_ >= 0) ::close(fd_); // closing releases the flock
  }
  FileLock(const FileLock &) = delete;
  FileLock &operator=(const FileLock &) = delete;
  const std::string &error() const { return error_; }

private:
  int fd_ = -1;
  std::string error_;
};

std::filesystem::path lock_path(const std::filesystem::path &file) { return file.string() + ".lock"; }

/// Moves an unusable state file out of the way so the next write starts clean
/// and the learner (or a bug report) still has the old bytes.
std::string set_aside(const std::filesystem::path &file, const std::string &why) {
  auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch());
  std::filesystem::path aside = file.string() + ".corrupt-" + std::to_string(now.count());
  std::error_code error;
  for (int n = 2; std::filesystem::exists(aside, error); ++n)
    aside = file.string() + ".corrupt-" + std::to_string(now.count()) + "-" + std::to_string(n);
  std::filesystem::rename(file, aside, error);
  if (error)
    return "learner state " + file.string() + ": " + why + "; could not move it aside (" + error.message() +
           "), so it is ignored";
  return "learner state " + file.string() + ": " + why + "; moved it to " + aside.string() + " and started afresh";
}

/// Temporary files are only written under the lock, so any found while we
/// hold it were left by a writer that was killed mid-write.
void remove_abandoned_temporaries(const std::filesystem::path &file) {
  std::error_code error;
  std::string prefix = file.filename().string() + ".tmp.";
  for (const auto &entry : std::filesystem::directory_iterator(file.parent_path(), error)) {
    if (entry.path().filename().string().rfind(prefix, 0) == 0) std::filesystem::remove(entry.path(), error);
  }
}

} // namespace

std::filesystem::path default_learner_state_file() {
  if (const char *xdg = std::getenv("XDG_STATE_HOME"); xdg && *xdg == '/')
    return std::filesystem::path(xdg) / "gloss" / "learner.tsv";
  if (const char *home = std::getenv("HOME"); home && *home == '/')
    return std::filesystem::path(home) / ".local" / "state" / "gloss" / "learner.tsv";
  return std::filesystem::temp_directory_path() / ("gloss-" + std::to_string(::getuid())) / "learner.tsv";
}

std::string serialize_learner_state(const TipRecords &tips) {
  std::string text = std::string(header) + "\n" + std::string(columns) + "\n";
  for (const auto &[id, record] : tips) {
    text += id;
    for (uint64_t count : {record.shown, record.explained, record.muted, record.helpful, record.not_helpful})
      text += "\t" + std::to_string(count);
    text += record.is_muted ? "\t1\t" : "\t0\t";
    text += std::to_string(record.last_shown) + "\n";
  }
  return text;
}

std::optional<TipRecords> parse_learner_state(std::string_view text, std::string &error) {
  TipRecords tips;
  std::size_t line_number = 0;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t newline = text.find('\n', at);
    if (newline == std::string_view::npos) {
      error = "line " + std::to_string(line_number + 1) + " is cut short";
      return std::nullopt;
    }
    std::string_view line = text.substr(at, newline - at);
    at = newline + 1;
    ++line_number;
    if (line_number == 1) {
      if (line != header) {
        error = "not a Gloss learner state file (first line is not '" + std::string(header.substr(0, 19)) + " 1')";
        return std::nullopt;
      }
      continue;
    }
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string_view> fields;
    for (std::size_t start = 0;;) {
      std::size_t tab = line.find('\t', start);
      fields.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    TipRecord record;
    bool ok = fields.size() == 8 && !fields[0].empty() && parse_number(fields[1], record.shown) &&
              parse_number(fields[2], record.explained) && parse_number(fields[3], record.muted) &&
              parse_number(fields[4], record.helpful) && parse_number(fields[5], record.not_helpful) &&
              (fields[6] == "0" || fields[6] == "1") && parse_number(fields[7], record.last_shown);
    if (!ok) {
      error = "line " + std::to_string(line_number) + " is not 'tip, 5 counts, muted_now, last_shown'";
      return std::nullopt;
    }
    record.is_muted = fields[6] == "1";
    if (!tips.emplace(std::string(fields[0]), record).second) {
      error = "line " + std::to_string(line_number) + " repeats tip " + std::string(fields[0]);
      return std::nullopt;
    }
  }
  if (line_number == 0) {
    error = "the file is empty";
    return std::nullopt;
  }
  return tips;
}

void apply_event(TipRecord &record, LearnerEvent event, int64_t now) {
  switch (event) {
  case LearnerEvent::Shown:
    ++record.shown;
    record.last_shown = std::max(record.last_shown, now);
    break;
  case LearnerEvent::Explained: ++record.explained; break;
  case LearnerEvent::Muted:
    if (!record.is_muted) ++record.muted;
    record.is_muted = true;
    break;
  case LearnerEvent::Unmuted: record.is_muted = false; break;
  case LearnerEvent::Helpful: ++record.helpful; break;
  case LearnerEvent::NotHelpful: ++record.not_helpful; break;
  }
}

namespace {

std::optional<FileIdentity> identity_of(const std::filesystem::path &file) {
  struct stat info {};
  if (::stat(file.c_str(), &info) != 0) return std::nullopt;
  return FileIdentity{info.st_ino, info.st_mtim.tv_sec * 1'000'000'000LL + info.st_mtim.tv_nsec,
                      static_cast<uint64_t>(info.st_size)};
}

/// Reads `file` into `tips`; sets an unusable file aside. Empty when missing.
std::vector<std::string> read_state_file(const std::filesystem::path &file, TipRecords &tips) {
  tips.clear();
  std::error_code error;
  std::filesystem::file_status status = std::filesystem::status(file, error);
  if (status.type() == std::filesystem::file_type::not_found) return {};
  std::string problem = "not a regular file";
  std::optional<std::string> text =
      std::filesystem::is_regular_file(status) ? read_text_file(file, max_state_bytes, problem) : std::nullopt;
  if (!text) return {set_aside(file, problem)};
  std::optional<TipRecords> parsed = parse_learner_state(*text, problem);
  if (!parsed) return {set_aside(file, problem)};
  tips = std::move(*parsed);
  return {};
}

} // namespace

void write_learner_events(LearnerWrite &write) {
  std::error_code error;
  std::filesystem::create_directories(write.file.parent_path(), error);
  if (error) {
    write.problems.push_back("cannot create " + write.file.parent_path().string() + ": " + error.message());
    return;
  }
  FileLock lock(lock_path(write.file));
  if (!lock.error().empty()) {
    write.problems.push_back(lock.error());
    return;
  }
  remove_abandoned_temporaries(write.file);
  write.problems = read_state_file(write.file, write.tips);
  for (const LearnerEventRecord &event : write.events) apply_event(write.tips[event.tip_id], event.event, event.time);
  if (std::string failure = write_file_atomically(write.file, serialize_learner_state(write.tips)); !failure.empty()) {
    write.problems.push_back("cannot save the learner state: " + failure);
    return;
  }
  write.identity = identity_of(write.file); // still under the lock: our own version
  write.written = true;
}

LearnerState::LearnerState(std::filesystem::path file) : file_(std::move(file)) {}

std::vector<std::string> LearnerState::load() {
  std::vector<std::string> problems = read_state_file(file_, on_disk_);
  identity_ = identity_of(file_);
  rebuild_view();
  return problems;
}

void LearnerState::record(std::string_view tip_id, LearnerEvent event, int64_t now) {
  pending_.push_back({std::string(tip_id), event, now});
  auto it = tips_.find(tip_id);
  if (it == tips_.end()) it = tips_.emplace(std::string(tip_id), TipRecord{}).first;
  apply_event(it->second, event, now);
}

LearnerWrite LearnerState::begin_write() {
  LearnerWrite write;
  write.file = file_;
  write.events = pending_;
  in_flight_.push_back(std::move(pending_));
  pending_.clear();
  return write;
}

std::vector<std::string> LearnerState::finish_write(LearnerWrite write) {
  if (in_flight_.empty()) return std::move(write.problems);
  std::vector<LearnerEventRecord> batch = std::move(in_flight_.front());
  in_flight_.pop_front();
  if (write.written) {
    on_disk_ = std::move(write.tips);
    identity_ = write.identity;
  } else {
    pending_.insert(pending_.begin(), batch.begin(), batch.end()); // retried with the next write
  }
  rebuild_view();
  return std::move(write.problems);
}

std::vector<std::string> LearnerState::flush() {
  if (pending_.empty()) return {};
  LearnerWrite write;
  write.file = file_;
  write.events = pending_;
  write_learner_events(write);
  if (write.written) {
    pending_.clear();
    on_disk_ = std::move(write.tips);
    identity_ = write.identity;
    rebuild_view();
  }
  return std::move(write.problems);
}

std::vector<std::string> LearnerState::refresh_if_changed() {
  if (identity_of(file_) == identity_) return {};
  return load();
}

void LearnerState::rebuild_view() {
  tips_ = on_disk_;
  for (const auto &batch : in_flight_)
    for (const LearnerEventRecord &event : batch) apply_event(tips_[event.tip_id], event.event, event.time);
  for (const LearnerEventRecord &event : pending_) apply_event(tips_[event.tip_id], event.event, event.time);
}

const TipRecord *LearnerState::find(std::string_view tip_id) const {
  auto it = tips_.find(tip_id);
  return it == tips_.end() ? nullptr : &it->second;
}

TipDisplay display_for(const TipRecord *record, const RepetitionSettings &settings, int64_t now) {
  if (!record || settings.brief_after_shown == 0 || record->shown < settings.brief_after_shown) return TipDisplay::Full;
  int64_t pause = int64_t{settings.full_again_after_days} * 24 * 60 * 60;
  if (settings.full_again_after_days > 0 && now - record->last_shown >= pause) return TipDisplay::Full;
  return TipDisplay::Brief;
}

} // namespace gloss
