//===--- server.h - the LSP methods Gloss answers -------------------------===//
//
// The LSP layer: each on_<method> unpacks params, calls the logic below
// (documents, content, matcher, hover, code actions) and translates the
// answer back. bind_methods() lists every method next to its handler.
//
// Threading: one thread. Messages are handled in arrival order, so a hover
// that arrives after a didChange sees the new text. Within one read, a
// $/cancelRequest for a request that has not run yet answers it as cancelled.
// One exception to the order: while a long document is parsed from scratch
// on the parser thread (when it opens, when its whole text is replaced, or at
// a request after its tree was dropped to save memory), the messages about
// that document wait for it (in their order), and the others go on.
//
//===----------------------------------------------------------------------===//
#ifndef GLOSS_LSP_SERVER_H
#define GLOSS_LSP_SERVER_H

#include "content_index.h"
#include "file_watcher.h"
#include "matcher.h"
#include "document_store.h"
#include "jsonrpc.h"
#include "learner_state.h"
#include "protocol.h"
#include "transport.h"

#include <filesystem>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>

#include <chrono>
#include <map>
#include <set>
#include <tuple>
#include <optional>
#include <memory>
#include <string>
#include <vector>

namespace gloss {

class Server {
public:
  struct Options {
    std::vector<std::filesystem::path> content_directories; ///< from --content
    std::filesystem::path explain_directory;                ///< where explanations are written
    std::filesystem::path state_file; ///< from --state; empty: the stateFile setting, else the default
  };

  /// `io` is the loop the transport runs; with it the server can watch
  /// content directories itself when the client does not.
  Server(Options options, Transport &transport, boost::asio::io_context *io = nullptr);
  /// Saves learner events not yet on disk.
  ~Server();

  /// Handles the frames of one read. Returns false once the server should stop.
  bool handle_frames(std::vector<Frame> &frames);
  /// 0 after shutdown then exit; 1 when the client left without shutdown.
  int exit_code() const { return shutdown_requested_ ? 0 : 1; }

private:
  void bind_methods();
  void on_initialize(const json &params, Reply &reply);
  void on_initialized(const json &params);
  void on_shutdown(const json &params, Reply &reply);
  void on_exit(const json &params);
  void on_did_open(const json &params);
  void on_did_change(const json &params);
  void on_did_close(const json &params);
  void on_hover(const json &params, Reply &reply);
  void on_code_action(const json &params, Reply &reply);
  void on_execute_command(const json &params, Reply &reply);
  void explain(const json &argument, Reply &reply);
  void add_team_note(const json &argument, Reply &reply);
  void show_document(const std::string &uri);
  void on_cancel_request(const json &params);
  void on_did_change_watched_files(const json &params);
  void on_did_change_configuration(const json &params);
  void on_concepts(const json &params, Reply &reply);
  void record_feedback(std::string_view command, const json &argument, Reply &reply);

  /// Applies the `gloss` settings section (also the shape of
  /// initializationOptions). Returns true when the content layers must reload.
  bool apply_settings(const json &settings);
  /// Opens the learner state file named by --state, the setting or the default.
  void open_learner_state();
  void record_event(const std::string &tip_id, LearnerEvent event);
  /// Writes the pending learner events on the writer thread (fsync takes
  /// milliseconds; hovers must not wait for it), then runs `then` on this one.
  void save_learner_state(std::function<void()> then = {});
  void write_learner_state();
  /// Picks up what another Gloss (another editor window) wrote, at most once a second.
  void refresh_learner_state();
  void report_state_problems(const std::vector<std::string> &problems);
  void learner_state_changed();
  /// Learning mode: Hint diagnostics on constructs whose tips the learner has not seen.
  void schedule_hints(const std::string &uri);
  void publish_hints(const std::string &uri);

  /// Publishes lint and test problems when `document` is a snippet file.
  void check_if_content_file(const Document &document);
  /// Starts compiling `language`'s query off this thread (once per index).
  void precompile(const Language *language);
  /// The document with its tree up to date, for a request that reads it.
  const Document *use_document(const std::string &uri);
  /// Reparses `uri` on the parser thread when the store says it is slow,
  /// or parses it there the first time when it is long.
  void parse_elsewhere(const std::string &uri);
  /// Handles a message, or holds it while its document awaits its first
  /// parse (at open, or again after its tree was dropped).
  void run_or_hold(json message);
  /// Answers a held request with `id`, which the client cancelled.
  void answer_if_held(const json &id);
  /// When the store says `uri` awaits a first parse by a job: holds the
  /// messages about it from now on, and starts that job.
  void hold_until_parsed(const std::string &uri);
  /// Runs the messages held for `uri` once its first parse is in.
  void run_held_messages(const std::string &uri);
  /// `uri`'s parse problem ("" when none or not open).
  std::string parse_problem(const std::string &uri) const;
  /// Warns about `uri`'s parse problem when it differs from `before`: once
  /// when it appears, not on every keystroke.
  void log_new_parse_problem(const std::string &uri, const std::string &before);
  /// Loads (or reloads) every layer. A file that stopped loading keeps its
  /// previous good version, and the problem is shown to the user.
  void reload_content();
  void set_settings_directories(const std::vector<std::string> &directories);
  void set_level(const std::string &level);
  void watch_content();
  void log(const std::string &message, int type = 3);
  json range_json(const Document &document, uint32_t start, uint32_t end) const;

  Options options_;
  Transport &transport_;
  Dispatcher dispatcher_;
  DocumentStore documents_;
  std::shared_ptr<const ContentIndex> content_;
  ClientCapabilities client_;
  PositionEncoding encoding_ = PositionEncoding::Utf16;
  LearnerFilter learner_;
  boost::asio::io_context *io_ = nullptr;
  std::unique_ptr<FileWatcher> watcher_;
  std::optional<std::filesystem::path> workspace_root_;
  std::vector<std::filesystem::path> settings_directories_;
  std::vector<std::filesystem::path> layer_directories_; ///< from the last load
  std::map<std::string, Snippet> last_good_;               ///< by source file, for reloads
  std::filesystem::path team_directory_; ///< where "Add a team note" writes; empty without a workspace
  std::shared_ptr<LearnerState> learner_state_;
  boost::asio::thread_pool learner_writer_{1}; ///< one thread: batches are written in order
  /// Compiles a language's combined query as soon as a document of it opens,
  /// so the first hover does not pay for it (tens to hundreds of ms).
  boost::asio::thread_pool query_compiler_{1};
  /// Reparses documents whose reparse is slow (see DocumentStore), so that
  /// requests are not held up by them.
  boost::asio::thread_pool parser_{1};
  /// Messages held while a document's first parse runs, by URI, in order.
  std::map<std::string, std::vector<json>> waiting_for_parse_;
  bool writing_ = false; ///< a batch is on the writer thread; new events wait and go in the next one
  std::vector<std::function<void()>> after_next_write_;
  std::filesystem::path state_file_setting_;
  RepetitionSettings repetition_;
  /// Each tip counts once per construct per session, and keeps the form
  /// (brief or full) it was first shown in: (uri, start byte, id) -> brief.
  std::map<std::tuple<std::string, uint32_t, std::string>, bool> shown_this_session_;
  std::chrono::steady_clock::time_point next_state_check_;
  std::set<std::string> reported_state_problems_;
  bool learning_mode_ = false;
  /// false (setting workspaceTrusted): load no content from the workspace
  /// (.gloss/, gloss.toml, contentPaths) and write no team notes there.
  bool workspace_trusted_ = true;
  std::set<std::string> hinted_uris_; ///< documents with learning-mode hints published
  std::set<std::string> hints_due_;
  std::unique_ptr<boost::asio::steady_timer> hints_timer_;
  bool initialized_ = false;
  bool shutdown_requested_ = false;
  bool exit_requested_ = false;
};

} // namespace gloss

#endif
