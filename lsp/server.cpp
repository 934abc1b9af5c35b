//===--- server.cpp - the LSP methods Gloss answers -----------------------===//
#include "server.h"

#include "atomic_file.h"
#include "code_actions.h"
#include "content_file_check.h"
#include "content_layers.h"
#include "content_loader.h"
#include "document_concepts.h"
#include "hover.h"
#include "matcher.h"
#include "team_note_draft.h"
#include "version.h"

#include <algorithm>
#include <iostream>
#include <set>

namespace gloss {
namespace {

constexpr int log_error = 1;
constexpr int log_warning = 2;
constexpr int diagnostic_hint = 4;
/// Learning-mode hints wait for typing to pause, and a scan for them may not
/// hold up the next keystroke for long: in a very large file they cover the
/// part scanned in time.
constexpr std::chrono::milliseconds hints_delay{300};
/// A document whose reparse took longer than this is reparsed on the parser
/// thread; requests meanwhile use its edited tree. Only a request sent within
/// that reparse of an edit sees the tree from before it (positions already
/// follow the text); an editor's hover comes after a pause and finds the
/// new tree. Python files of 10k lines take 8-40 ms to reparse after an
/// edit at a line end; a broken file, hundreds.
constexpr std::chrono::milliseconds slow_reparse{10};
/// Documents longer than this (about 8k lines) are parsed on the parser
/// thread when opened: a 10k-line file takes 30 ms to a second, more with
/// syntax errors, and opening one must not hold up the other documents.
constexpr std::size_t long_document_bytes = 256u << 10;
constexpr std::chrono::milliseconds hints_budget{100};
constexpr std::chrono::seconds state_check_interval{1};

int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

/// A non-negative integer setting, clamped; nothing when absent or not a number.
std::optional<uint32_t> read_count(const json &settings, const char *key) {
  if (!settings.contains(key) || !settings[key].is_number()) return std::nullopt;
  double value = settings[key].get<double>();
  return value <= 0 ? 0u : value >= 1e9 ? 1'000'000'000u : static_cast<uint32_t>(value);
}


/// The document a message is about: its textDocument, or the first argument
/// of a command; "" for none.
std::string document_uri_of(const json &message) {
  if (!message.is_object() || !message.contains("params") || !message["params"].is_object()) return "";
  const json &params = message["params"];
  const json *holder = nullptr;
  if (params.contains("textDocument")) holder = &params["textDocument"];
  else if (params.contains("arguments") && params["arguments"].is_array() && !params["arguments"].empty())
    holder = &params["arguments"][0];
  if (!holder || !holder->is_object() || !holder->contains("uri") || !(*holder)["uri"].is_string()) return "";
  return (*holder)["uri"].get<std::string>();
}

std::string file_name_for(std::string_view id) {
  std::string name(id);
  for (char &c : name)
    if (c == '/') c = '.';
  return name + ".md";
}

} // namespace

Server::Server(Options options, Transport &transport, boost::asio::io_context *io)
    : options_(std::move(options)), transport_(transport),
      dispatcher_([this](const json &message) { transport_.send(message.dump(-1, ' ', false, json::error_handler_t::replace)); }),
      io_(io) {
  bind_methods();
  if (io_) {
    documents_.parse_slow_documents_elsewhere(slow_reparse);
    documents_.parse_long_documents_elsewhere(long_document_bytes);
  }
}

Server::~Server() {
  parser_.stop(); // a parse in progress finishes; its result is dropped
  parser_.join();
  query_compiler_.stop(); // a compile in progress finishes; queued ones are dropped
  query_compiler_.join();
  learner_writer_.join(); // batches already handed over reach the disk
  if (learner_state_) report_state_problems(learner_state_->flush());
}

void Server::bind_methods() {
  auto request = [this](const char *method, void (Server::*handler)(const json &, Reply &)) {
    dispatcher_.on_request(method, [this, handler](const json &params, Reply &reply) { (this->*handler)(params, reply); });
  };
  auto notification = [this](const char *method, void (Server::*handler)(const json &)) {
    dispatcher_.on_notification(method, [this, handler](const json &params) {
      if (!initialized_ && handler != &Server::on_exit) return; // the spec: drop until initialized
      (this->*handler)(params);
    });
  };
  request("initialize", &Server::on_initialize);
  request("shutdown", &Server::on_shutdown);
  request("textDocument/hover", &Server::on_hover);
  request("textDocument/codeAction", &Server::on_code_action);
  request("workspace/executeCommand", &Server::on_execute_command);
  request("gloss/concepts", &Server::on_concepts);
  notification("initialized", &Server::on_initialized);
  notification("exit", &Server::on_exit);
  notification("textDocument/didOpen", &Server::on_did_open);
  notification("textDocument/didChange", &Server::on_did_change);
  notification("textDocument/didClose", &Server::on_did_close);
  notification("$/cancelRequest", &Server::on_cancel_request);
  notification("workspace/didChangeWatchedFiles", &Server::on_did_change_watched_files);
  notification("workspace/didChangeConfiguration", &Server::on_did_change_configuration);

  dispatcher_.set_request_gate([this](const std::string &method) -> std::optional<RpcError> {
    if (shutdown_requested_) return RpcError{ErrorCode::InvalidRequest, "the server is shutting down"};
    if (!initialized_ && method != "initialize")
      return RpcError{ErrorCode::ServerNotInitialized, "send 'initialize' first"};
    if (initialized_ && method == "initialize")
      return RpcError{ErrorCode::InvalidRequest, "the server is already initialized"};
    return std::nullopt;
  });
}

bool Server::handle_frames(std::vector<Frame> &frames) {
  // Parse first so that a cancellation later in this read reaches a request
  // earlier in it before that request runs.
  std::vector<json> messages;
  for (Frame &frame : frames) {
    if (!frame.error.empty()) {
      log("dropped a malformed message: " + frame.error, log_warning);
      dispatcher_.send_parse_error(frame.error);
      continue;
    }
    json message = json::parse(frame.body, nullptr, /*allow_exceptions=*/false);
    if (message.is_discarded()) {
      dispatcher_.send_parse_error("invalid JSON");
      continue;
    }
    // Checked by hand: json::value() throws when "method" is there but not a string.
    if (message.is_object() && message.contains("method") && message["method"] == "$/cancelRequest" &&
        message.contains("params") && message["params"].is_object() && message["params"].contains("id")) {
      dispatcher_.cancel(message["params"]["id"]);
      answer_if_held(message["params"]["id"]);
    }
    messages.push_back(std::move(message));
  }
  for (json &message : messages) {
    run_or_hold(std::move(message));
    if (exit_requested_) return false;
  }
  dispatcher_.forget_cancellations();
  return true;
}

void Server::run_or_hold(json message) {
  std::string uri = document_uri_of(message);
  // A request about a long document whose tree was dropped waits for a
  // parse on the parser thread, as when the document opened.
  bool request = message.contains("id") && message.contains("method");
  if (request && !uri.empty() && !waiting_for_parse_.count(uri) && documents_.parse_again_elsewhere(uri))
    hold_until_parsed(uri);
  if (!waiting_for_parse_.empty()) {
    auto waiting = waiting_for_parse_.find(uri);
    bool cancelled = message.contains("id") && dispatcher_.cancelled(message["id"]); // answered now
    if (waiting != waiting_for_parse_.end() && !cancelled) {
      waiting->second.push_back(std::move(message));
      return;
    }
  }
  dispatcher_.handle(message);
}

void Server::answer_if_held(const json &id) {
  for (auto &[uri, held] : waiting_for_parse_) {
    auto request = std::find_if(held.begin(), held.end(), [&](const json &message) {
      return message.is_object() && message.contains("method") && message.contains("id") && message["id"] == id;
    });
    if (request == held.end()) continue;
    json message = std::move(*request);
    held.erase(request);
    dispatcher_.handle(message); // cancelled: answered as such, without running
    return;
  }
}

void Server::hold_until_parsed(const std::string &uri) {
  const Document *document = documents_.get(uri);
  if (!document || !document->awaits_first_parse()) return;
  waiting_for_parse_.try_emplace(uri);
  parse_elsewhere(uri);
}

void Server::run_held_messages(const std::string &uri) {
  const Document *document = documents_.get(uri);
  auto waiting = waiting_for_parse_.find(uri);
  if ((document && document->awaits_first_parse()) || waiting == waiting_for_parse_.end()) return;
  std::vector<json> held = std::move(waiting->second);
  waiting_for_parse_.erase(waiting);
  for (json &message : held) run_or_hold(std::move(message));
}

void Server::on_initialize(const json &params, Reply &reply) {
  InitializeParams parsed = params.get<InitializeParams>();
  client_ = parsed.capabilities;
  encoding_ = negotiate_encoding(client_.position_encodings);
  if (parsed.root_uri) workspace_root_ = std::filesystem::path(path_from_uri(*parsed.root_uri));
  apply_settings(parsed.options);
  open_learner_state();
  reload_content();
  initialized_ = true;
  reply.result({
      {"capabilities",
       {
           {"positionEncoding", encoding_name(encoding_)},
           {"textDocumentSync", {{"openClose", true}, {"change", 2}}},
           {"hoverProvider", true},
           {"codeActionProvider", true},
           {"executeCommandProvider", {{"commands", server_commands}}},
           {"experimental", {{"concepts", true}}},
       }},
      {"serverInfo", {{"name", "gloss"}, {"version", gloss_version}}},
  });
}

void Server::on_initialized(const json &) { watch_content(); }

void Server::on_did_change_watched_files(const json &) { reload_content(); }

void Server::on_did_change_configuration(const json &params) {
  // {"settings": {"gloss": {...}}}; other settings are not ours.
  if (!params.contains("settings") || !params["settings"].is_object() || !params["settings"].contains("gloss") ||
      !params["settings"]["gloss"].is_object())
    return;
  std::filesystem::path state_file = state_file_setting_;
  bool learning_mode = learning_mode_;
  if (apply_settings(params["settings"]["gloss"])) reload_content();
  if (state_file != state_file_setting_) open_learner_state();
  if (learning_mode && !learning_mode_)
    for (const std::string &uri : std::set<std::string>(hinted_uris_)) publish_hints(uri);
  for (const std::string &uri : documents_.uris()) schedule_hints(uri); // the level may have changed too
}

bool Server::apply_settings(const json &settings) {
  if (settings.contains("level") && settings["level"].is_string()) set_level(settings["level"].get<std::string>());
  if (settings.contains("learningMode") && settings["learningMode"].is_boolean())
    learning_mode_ = settings["learningMode"].get<bool>();
  if (auto count = read_count(settings, "briefAfterShown")) repetition_.brief_after_shown = *count;
  if (auto days = read_count(settings, "fullAgainAfterDays")) repetition_.full_again_after_days = *days;
  bool trust_changed = false;
  if (settings.contains("workspaceTrusted") && settings["workspaceTrusted"].is_boolean()) {
    trust_changed = workspace_trusted_ != settings["workspaceTrusted"].get<bool>();
    workspace_trusted_ = settings["workspaceTrusted"].get<bool>();
  }
  if (settings.contains("stateFile") && settings["stateFile"].is_string())
    state_file_setting_ = settings["stateFile"].get<std::string>();
  if (!settings.contains("contentPaths") || !settings["contentPaths"].is_array()) return trust_changed;
  std::vector<std::string> directories;
  for (const json &path : settings["contentPaths"])
    if (path.is_string()) directories.push_back(path.get<std::string>());
  set_settings_directories(directories);
  return true;
}

void Server::set_level(const std::string &level) {
  if (std::optional<Level> parsed = parse_level(level)) learner_.level = *parsed;
  else log("gloss.level '" + level + "' is not beginner, intermediate or advanced; keeping " +
           std::string(to_string(learner_.level)), log_warning);
}

void Server::set_settings_directories(const std::vector<std::string> &directories) {
  settings_directories_.clear();
  for (const std::string &directory : directories) {
    std::filesystem::path path(directory);
    settings_directories_.push_back(path.is_absolute() || !workspace_root_ ? path : *workspace_root_ / path);
  }
}

void Server::watch_content() {
  std::vector<std::filesystem::path> recursive = layer_directories_;
  std::vector<std::filesystem::path> shallow;
  if (workspace_root_ && workspace_trusted_) {
    recursive.push_back(*workspace_root_ / ".gloss"); // may appear later; the root is watched for that
    shallow.push_back(*workspace_root_);
  }
  if (auto user = user_content_directory()) recursive.push_back(*user);
  if (client_.watched_files_registration) {
    json watchers = json::array();
    for (const auto &directory : recursive) watchers.push_back({{"globPattern", directory.string() + "/**/*.md"}});
    if (workspace_root_) watchers.push_back({{"globPattern", (*workspace_root_ / "gloss.toml").string()}});
    dispatcher_.send_request("client/registerCapability",
                             {{"registrations", {{{"id", "gloss-content"},
                                                  {"method", "workspace/didChangeWatchedFiles"},
                                                  {"registerOptions", {{"watchers", watchers}}}}}}},
                             nullptr);
    return;
  }
  if (!io_) return;
  if (!watcher_) watcher_ = std::make_unique<FileWatcher>(*io_, [this] { reload_content(); });
  if (!watcher_->watch(recursive, shallow)) log("cannot watch content directories; restart to pick up edits", log_warning);
}

void Server::on_shutdown(const json &, Reply &reply) {
  shutdown_requested_ = true;
  save_learner_state();
  reply.result(nullptr);
}

void Server::on_exit(const json &) {
  exit_requested_ = true;
  save_learner_state();
}

void Server::on_did_open(const json &params) {
  TextDocumentItem item = params.at("textDocument").get<TextDocumentItem>();
  const Document &document = documents_.open(item.uri, item.language_id, item.version, std::move(item.text));
  hold_until_parsed(item.uri);
  check_if_content_file(document);
  precompile(document.language);
  schedule_hints(document.uri);
  log_new_parse_problem(item.uri, "");
  if (!document.language && item.language_id != "markdown")
    log("no grammar for " + item.uri + " (languageId '" + item.language_id + "')");
}

void Server::on_did_change(const json &params) {
  DidChangeParams parsed = params.get<DidChangeParams>();
  std::vector<TextChange> changes;
  for (ContentChange &change : parsed.changes) changes.push_back({change.range, std::move(change.text)});
  std::string problem_before = parse_problem(parsed.uri);
  if (!documents_.change(parsed.uri, parsed.version, changes, encoding_)) {
    log("didChange for a document that is not open: " + parsed.uri, log_warning);
    return;
  }
  log_new_parse_problem(parsed.uri, problem_before);
  check_if_content_file(*documents_.get(parsed.uri));
  hold_until_parsed(parsed.uri); // the whole text replaced
  parse_elsewhere(parsed.uri);
  schedule_hints(parsed.uri);
}

void Server::on_did_close(const json &params) {
  std::string uri = params.at("textDocument").at("uri").get<std::string>();
  const Document *document = documents_.get(uri);
  if (document && looks_like_content_file(path_from_uri(uri), document->text)) // clear what we published
    dispatcher_.send_notification("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", json::array()}});
  documents_.close(uri);
  if (hinted_uris_.count(uri)) publish_hints(uri); // the document is gone: clears them
}

const Document *Server::use_document(const std::string &uri) {
  std::string problem_before = parse_problem(uri);
  const Document *document = documents_.use(uri); // may parse: edits are parsed when needed
  if (!document) return nullptr;
  log_new_parse_problem(uri, problem_before);
  if (document->edits_unparsed) parse_elsewhere(uri); // slow to parse: answered from the edited tree
  return document;
}

void Server::parse_elsewhere(const std::string &uri) {
  std::optional<ParseJob> job = documents_.take_parse_job(uri);
  if (!job) return;
  auto shared_job = std::make_shared<ParseJob>(std::move(*job));
  boost::asio::post(parser_, [this, shared_job] {
    auto result = std::make_shared<ParseResult>(run_parse_job(std::move(*shared_job)));
    boost::asio::post(*io_, [this, result] {
      std::string job_uri = result->uri;
      std::string problem_before = parse_problem(job_uri);
      documents_.adopt(std::move(*result));
      log_new_parse_problem(job_uri, problem_before);
      parse_elsewhere(job_uri); // edits made meanwhile, or a first parse wanted since
      schedule_hints(job_uri);
      run_held_messages(job_uri);
    });
  });
}

std::string Server::parse_problem(const std::string &uri) const {
  const Document *document = documents_.get(uri);
  return document ? document->parse_problem : std::string();
}

void Server::log_new_parse_problem(const std::string &uri, const std::string &before) {
  const std::string problem = parse_problem(uri);
  if (!problem.empty() && problem != before) log(uri + ": " + problem + "; no tips in this file", log_warning);
}

void Server::precompile(const Language *language) {
  if (!language || !io_) return;
  // The index is shared: a reload meanwhile leaves this compile to the old one.
  boost::asio::post(query_compiler_, [content = content_, language] { content->compiled(*language); });
}

void Server::check_if_content_file(const Document &document) {
  std::string path = path_from_uri(document.uri);
  if (!looks_like_content_file(path, document.text)) return;
  json diagnostics = json::array();
  for (const ContentDiagnostic &problem : check_content_file(document.text, path, *content_)) {
    // Whole-line ranges: a line is what the author needs; 0 (whole file) goes on the first line.
    uint32_t line = problem.line > 0 ? std::min(problem.line - 1, document.lines.line_count() - 1) : 0;
    TextRange range{{line, 0}, document.position_of(document.lines.line_content_end(line, document.text), encoding_)};
    diagnostics.push_back({{"range", range},
                           {"severity", problem.severity == Severity::Error ? 1 : 2},
                           {"source", "gloss"},
                           {"message", problem.message}});
  }
  dispatcher_.send_notification("textDocument/publishDiagnostics",
                                {{"uri", document.uri}, {"version", document.version}, {"diagnostics", diagnostics}});
}

void Server::on_cancel_request(const json &) {
  // Handled in handle_frames, before the cancelled request runs; a request
  // that already ran has been answered and there is nothing left to cancel.
}

void Server::on_hover(const json &params, Reply &reply) {
  PositionParams parsed = params.get<PositionParams>();
  const Document *document = use_document(parsed.uri);
  if (!document || !document->tree || parsed.position.line >= document->lines.line_count()) {
    reply.result(nullptr);
    return;
  }
  refresh_learner_state();
  uint32_t offset = document->offset_of(parsed.position, encoding_);
  MatchResult matches = match_at(*document->tree, document->text, offset, *content_, learner_);
  std::optional<HoverInfo> hover = make_hover(matches);
  if (!hover) {
    reply.result(nullptr);
    return;
  }
  bool counted = false;
  if (hover->tip) {
    auto key = std::make_tuple(parsed.uri, hover->start_byte, hover->tip->id);
    auto seen = shown_this_session_.find(key);
    if (seen == shown_this_session_.end()) {
      bool brief = display_for(learner_state_->find(hover->tip->id), repetition_, unix_now()) == TipDisplay::Brief;
      seen = shown_this_session_.emplace(std::move(key), brief).first;
      counted = true;
    }
    hover->brief = seen->second;
  }
  bool markdown = client_.hover_markdown;
  reply.result({
      {"contents",
       {{"kind", markdown ? "markdown" : "plaintext"},
        {"value", markdown ? render_markdown(*hover) : render_plaintext(*hover)}}},
      {"range", range_json(*document, hover->start_byte, hover->end_byte)},
  });
  if (counted) { // after the reply: the hover never waits for the disk
    const TipRecord *before = learner_state_->find(hover->tip->id);
    bool first_time = !before || before->shown == 0;
    record_event(hover->tip->id, LearnerEvent::Shown);
    save_learner_state();
    if (first_time) schedule_hints(parsed.uri);
  }
}

void Server::on_code_action(const json &params, Reply &reply) {
  CodeActionParams parsed = params.get<CodeActionParams>();
  const Document *document = use_document(parsed.uri);
  json actions = json::array();
  if (document && document->tree && parsed.range.start.line < document->lines.line_count()) {
    refresh_learner_state();
    uint32_t offset = document->offset_of(parsed.range.start, encoding_);
    LearnerFilter with_muted{learner_.level, {}}; // muted tips are found to offer "Show again"
    MatchResult matches = match_at(*document->tree, document->text, offset, *content_, with_muted);
    for (const ActionSpec &action : tip_actions(matches, learner_)) {
      json argument = {{"id", action.snippet_id}, {"uri", parsed.uri}, {"position", parsed.range.start}};
      actions.push_back({{"title", action.title},
                         {"command", {{"title", action.title}, {"command", action.command}, {"arguments", {argument}}}}});
    }
    if (!team_directory_.empty()) {
      json argument = {{"uri", parsed.uri}, {"range", parsed.range}};
      actions.push_back({{"title", add_team_note_title},
                         {"command", {{"title", add_team_note_title},
                                      {"command", add_team_note_command},
                                      {"arguments", {argument}}}}});
    }
  }
  reply.result(actions);
}

void Server::on_execute_command(const json &params, Reply &reply) {
  std::string command = params.at("command").get<std::string>();
  const json arguments = params.value("arguments", json::array());
  if (!arguments.is_array() || arguments.empty())
    throw RpcError{ErrorCode::InvalidParams, command + " needs an argument"};
  if (command == explain_command) return explain(arguments[0], reply);
  if (command == add_team_note_command) return add_team_note(arguments[0], reply);
  if (command == mute_command || command == unmute_command || command == helpful_command || command == not_helpful_command)
    return record_feedback(command, arguments[0], reply);
  throw RpcError{ErrorCode::InvalidParams, "unknown command '" + command + "'"};
}

void Server::explain(const json &argument, Reply &reply) {
  const Snippet *snippet = nullptr;
  if (argument.is_string() || (argument.is_object() && argument.contains("id"))) {
    std::string id = argument.is_string() ? argument.get<std::string>() : argument.at("id").get<std::string>();
    snippet = content_->find(id);
    if (!snippet) throw RpcError{ErrorCode::InvalidParams, "no snippet with id '" + id + "'"};
  } else {
    // {uri, position} alone: the tip a hover there shows (an editor's "Explain this" key).
    const Document *document = use_document(argument.at("uri").get<std::string>());
    if (document && document->tree) {
      uint32_t offset = document->offset_of(argument.at("position").get<TextPosition>(), encoding_);
      MatchResult matches = match_at(*document->tree, document->text, offset, *content_, learner_);
      if (const Match *best = matches.best()) snippet = best->snippet;
      else if (!matches.notes.empty()) snippet = matches.notes.front().snippet;
    }
    if (!snippet) throw RpcError{ErrorCode::RequestFailed, "no tip here to explain"};
  }

  // The learner's own code comes first when we know where they were, and the
  // constructs around it get explanations of their own, linked from this one.
  std::vector<ExplanationPage> pages{{snippet, {}}};
  if (argument.is_object() && argument.contains("uri") && argument.contains("position")) {
    const Document *document = use_document(argument["uri"].get<std::string>());
    if (document && document->tree) {
      uint32_t offset = document->offset_of(argument["position"].get<TextPosition>(), encoding_);
      MatchResult matches = match_at(*document->tree, document->text, offset, *content_, LearnerFilter{learner_.level, {}});
      pages = explanation_pages(*snippet, matches, document->text, document->language->fence_tags.front(),
                                [](const Snippet &outer) { return file_name_for(outer.id); });
    }
  }
  std::string markdown;
  std::optional<std::string> uri;
  for (const ExplanationPage &page : pages) {
    std::string text = render_explanation(*page.snippet, page.context);
    std::filesystem::path path = options_.explain_directory / file_name_for(page.snippet->id);
    if (std::string error = write_file_atomically(path, text); !error.empty())
      log("could not write the explanation: " + error, log_warning);
    else if (page.snippet == snippet)
      uri = uri_from_path(path.string());
    if (page.snippet == snippet) markdown = std::move(text);
  }
  json result = {{"id", snippet->id}, {"title", snippet->title}, {"markdown", markdown}};
  if (uri) {
    result["uri"] = *uri;
    show_document(*uri);
  }
  reply.result(result);
  record_event(snippet->id, LearnerEvent::Explained);
  save_learner_state();
}

void Server::record_feedback(std::string_view command, const json &argument, Reply &reply) {
  std::string id = argument.is_string() ? argument.get<std::string>() : argument.at("id").get<std::string>();
  if (!content_->find(id) && !learner_state_->find(id))
    throw RpcError{ErrorCode::InvalidParams, "no snippet with id '" + id + "'"};
  LearnerEvent event = command == mute_command     ? LearnerEvent::Muted
                       : command == unmute_command ? LearnerEvent::Unmuted
                       : command == helpful_command ? LearnerEvent::Helpful
                                                    : LearnerEvent::NotHelpful;
  record_event(id, event);
  const TipRecord *record = learner_state_->find(id);
  json result = {{"id", id}, {"muted", record && record->is_muted}};
  // The learner acted: answer once it is on disk.
  save_learner_state([answer = std::make_shared<Reply>(std::move(reply)), result] { answer->result(result); });
}

void Server::on_concepts(const json &params, Reply &reply) {
  std::string uri = params.at("textDocument").at("uri").get<std::string>();
  const Document *document = use_document(uri);
  if (!document) throw RpcError{ErrorCode::InvalidParams, "the document is not open: " + uri};
  refresh_learner_state();
  json concepts = json::array();
  bool incomplete = false;
  if (document->tree) {
    DocumentConcepts found = concepts_in(*document->tree, document->text, *content_, LearnerFilter{learner_.level, {}});
    incomplete = found.incomplete;
    for (const Concept &entry : found.concepts) {
      const TipRecord *record = learner_state_->find(entry.snippet->id);
      json ranges = json::array();
      for (const ByteRange &range : entry.ranges) ranges.push_back(range_json(*document, range.start, range.end));
      concepts.push_back({{"id", entry.snippet->id},
                          {"title", entry.snippet->title},
                          {"language", entry.snippet->language},
                          {"level", to_string(entry.snippet->level)},
                          {"kind", entry.snippet->kind == SnippetKind::Note ? "note" : "tip"},
                          {"seen", record && record->shown > 0},
                          {"muted", record && record->is_muted},
                          {"timesShown", record ? record->shown : 0},
                          {"ranges", ranges}});
    }
  }
  reply.result({{"uri", uri}, {"incomplete", incomplete}, {"concepts", concepts}});
}

void Server::add_team_note(const json &argument, Reply &reply) {
  std::string uri = argument.at("uri").get<std::string>();
  TextRange range = argument.at("range").get<TextRange>();
  if (team_directory_.empty())
    throw RpcError{ErrorCode::RequestFailed, "open a folder or workspace first: team notes go in its .gloss/ folder"};
  const Document *document = use_document(uri);
  if (!document || !document->tree) throw RpcError{ErrorCode::InvalidParams, "no parsed document at " + uri};
  uint32_t start = document->offset_of(range.start, encoding_);
  uint32_t end = document->offset_of(range.end, encoding_);
  if (start > end) std::swap(start, end);
  std::optional<TeamNoteDraft> draft = draft_team_note(*document->tree, document->text, start, end);
  if (!draft) throw RpcError{ErrorCode::RequestFailed, "no construct at this position"};

  // Never overwrite: a second note on the same API gets a numbered name.
  std::filesystem::path directory = team_directory_ / std::string(document->language->id);
  std::filesystem::path path = directory / (draft->topic + ".md");
  std::error_code error;
  for (int n = 2; std::filesystem::exists(path, error); ++n) {
    std::string topic = draft->topic + "-" + std::to_string(n);
    std::string id = std::string(document->language->id) + "/" + topic;
    std::size_t at = draft->text.find("id: " + draft->id + "\n");
    draft->text.replace(at, 5 + draft->id.size(), "id: " + id + "\n");
    draft->id = id;
    path = directory / (topic + ".md");
  }
  if (std::string problem = write_file_atomically(path, draft->text); !problem.empty())
    throw RpcError{ErrorCode::RequestFailed, problem};
  std::string note_uri = uri_from_path(path.string());
  show_document(note_uri);
  reply.result({{"id", draft->id}, {"uri", note_uri}});
}

void Server::show_document(const std::string &uri) {
  if (!client_.show_document) return;
  dispatcher_.send_request("window/showDocument", {{"uri", uri}, {"takeFocus", true}}, [this](const json &response) {
    if (response.contains("error")) log("the editor could not show " + response["error"].dump(), log_warning);
  });
}

void Server::reload_content() {
  ContentSources sources;
  if (workspace_trusted_) { // an untrusted workspace's own content never loads
    sources.workspace_root = workspace_root_;
    sources.settings_directories = settings_directories_;
  }
  sources.command_line_directories = options_.content_directories;
  sources.user_directory = user_content_directory();
  LayerPlan plan = plan_layers(sources);
  team_directory_ = plan.team_directory;
  LoadedContent loaded = load_layers(plan.directories, ExampleCheck::Deferred);
  for (const ContentDiagnostic &diagnostic : plan.diagnostics)
    log(format_diagnostic(diagnostic), diagnostic.severity == Severity::Error ? log_error : log_warning);

  // A file that loaded before but is broken now keeps its last good version.
  std::set<std::string> loaded_sources;
  for (const Snippet &snippet : loaded.snippets) loaded_sources.insert(snippet.source);
  std::set<std::string> broken;
  for (const ContentDiagnostic &diagnostic : loaded.diagnostics) {
    log(format_diagnostic(diagnostic), diagnostic.severity == Severity::Error ? log_error : log_warning);
    if (diagnostic.severity == Severity::Error) broken.insert(diagnostic.source);
  }
  std::string kept;
  for (const std::string &source : broken) {
    auto previous = last_good_.find(source);
    std::error_code error;
    if (previous == last_good_.end() || loaded_sources.count(source) || !std::filesystem::exists(source, error)) continue;
    loaded.snippets.push_back(previous->second);
    kept += (kept.empty() ? "" : ", ") + source;
  }
  if (!kept.empty() && initialized_)
    dispatcher_.send_notification("window/showMessage",
                                  {{"type", log_warning},
                                   {"message", "Gloss: content with errors (see the log); keeping the previous version of " + kept}});
  std::stable_sort(loaded.snippets.begin(), loaded.snippets.end(),
                   [](const Snippet &a, const Snippet &b) { return a.layer < b.layer; });
  std::map<std::string, Snippet> good;
  for (const Snippet &snippet : loaded.snippets)
    if (snippet.layer > 0) good.emplace(snippet.source, snippet);
  last_good_ = std::move(good);

  content_ = std::make_shared<const ContentIndex>(std::move(loaded.snippets), plan.disabled);
  bool layers_changed = plan.directories != layer_directories_;
  layer_directories_ = plan.directories;
  std::string layers;
  for (const auto &directory : plan.directories) layers += " " + directory.string();
  log("loaded " + std::to_string(content_->snippets().size()) + " snippets; layers over the built-in pack:" +
      (layers.empty() ? std::string(" none") : layers));
  if (initialized_) {
    if (layers_changed) watch_content(); // e.g. gloss.toml now names another directory
    for (const std::string &uri : documents_.uris())
      if (const Document *document = documents_.get(uri)) {
        check_if_content_file(*document);
        precompile(document->language);
      }
  }
}

void Server::open_learner_state() {
  std::filesystem::path file = !options_.state_file.empty()       ? options_.state_file
                               : !state_file_setting_.empty() ? state_file_setting_
                                                               : default_learner_state_file();
  if (learner_state_ && learner_state_->file() == file) return;
  if (learner_state_) save_learner_state();
  learner_state_ = std::make_shared<LearnerState>(file);
  report_state_problems(learner_state_->load());
  next_state_check_ = std::chrono::steady_clock::now() + state_check_interval;
  learner_state_changed();
}

void Server::record_event(const std::string &tip_id, LearnerEvent event) {
  learner_state_->record(tip_id, event, unix_now());
  if (event == LearnerEvent::Muted || event == LearnerEvent::Unmuted) learner_state_changed();
}

void Server::save_learner_state(std::function<void()> then) {
  if (!learner_state_ || !learner_state_->has_pending()) {
    if (then) then();
    return;
  }
  if (!io_) {
    report_state_problems(learner_state_->flush());
    learner_state_changed();
    if (then) then();
    return;
  }
  if (then) after_next_write_.push_back(std::move(then));
  if (!writing_) write_learner_state();
  // else: the events wait for the write in flight to finish and go in one batch
}

void Server::write_learner_state() {
  writing_ = true;
  auto write = std::make_shared<LearnerWrite>(learner_state_->begin_write());
  auto done = std::make_shared<std::vector<std::function<void()>>>(std::move(after_next_write_));
  after_next_write_.clear();
  boost::asio::post(learner_writer_, [this, state = learner_state_, write, done]() mutable {
    write_learner_events(*write);
    boost::asio::post(*io_, [this, state = std::move(state), write, done] {
      writing_ = false;
      if (state == learner_state_) { // not replaced by another stateFile meanwhile
        report_state_problems(state->finish_write(std::move(*write)));
        learner_state_changed(); // another window may have muted or unmuted tips meanwhile
      }
      for (const auto &then : *done) then();
      if (learner_state_->has_pending()) write_learner_state();
    });
  });
}

void Server::refresh_learner_state() {
  auto now = std::chrono::steady_clock::now();
  if (now < next_state_check_ || writing_) return; // our own write changes the file; its result is adopted
  next_state_check_ = now + state_check_interval;
  report_state_problems(learner_state_->refresh_if_changed());
  learner_state_changed();
}

void Server::learner_state_changed() {
  std::set<std::string, std::less<>> muted;
  for (const auto &[id, record] : learner_state_->tips())
    if (record.is_muted) muted.insert(id);
  if (muted == learner_.muted) return;
  learner_.muted = std::move(muted);
  for (const std::string &uri : documents_.uris()) schedule_hints(uri); // muted tips get no hints
}

void Server::report_state_problems(const std::vector<std::string> &problems) {
  for (const std::string &problem : problems) {
    log(problem, log_warning);
    // A repeated failure (a read-only state directory) is shown once, not on every hover.
    if (initialized_ && reported_state_problems_.insert(problem).second)
      dispatcher_.send_notification("window/showMessage", {{"type", log_warning}, {"message", "Gloss: " + problem}});
  }
}

void Server::schedule_hints(const std::string &uri) {
  if (!learning_mode_ && !hinted_uris_.count(uri)) return;
  hints_due_.insert(uri);
  if (!io_) {
    publish_hints(uri);
    hints_due_.clear();
    return;
  }
  if (!hints_timer_) hints_timer_ = std::make_unique<boost::asio::steady_timer>(*io_);
  hints_timer_->expires_after(hints_delay); // typing pushes it back; cancels the previous wait
  hints_timer_->async_wait([this](const boost::system::error_code &error) {
    if (error) return;
    std::set<std::string> due = std::move(hints_due_);
    hints_due_.clear();
    for (const std::string &due_uri : due) publish_hints(due_uri);
  });
}

void Server::publish_hints(const std::string &uri) {
  // An evicted tree is parsed again: no tree would clear the hints it has.
  const Document *document = learning_mode_ ? use_document(uri) : documents_.get(uri);
  json diagnostics = json::array();
  if (learning_mode_ && document && document->tree) {
    for (const Concept &entry : concepts_in(*document->tree, document->text, *content_, learner_, hints_budget).concepts) {
      const TipRecord *record = learner_state_->find(entry.snippet->id);
      if (entry.snippet->kind == SnippetKind::Note || (record && record->shown > 0)) continue;
      diagnostics.push_back({{"range", range_json(*document, entry.ranges.front().start, entry.ranges.front().end)},
                             {"severity", diagnostic_hint},
                             {"source", "gloss"},
                             {"code", entry.snippet->id},
                             {"message", "New to you: " + entry.snippet->title + " (hover for a short explanation)"}});
    }
  }
  if (diagnostics.empty() && !hinted_uris_.count(uri)) return;
  if (diagnostics.empty()) hinted_uris_.erase(uri);
  else hinted_uris_.insert(uri);
  json params = {{"uri", uri}, {"diagnostics", diagnostics}};
  if (document) params["version"] = document->version;
  dispatcher_.send_notification("textDocument/publishDiagnostics", params);
}

void Server::log(const std::string &message, int type) {
  std::cerr << "gloss: " << message << "\n";
  if (initialized_ || type <= log_warning) dispatcher_.send_notification("window/logMessage", {{"type", type}, {"message", message}});
}

json Server::range_json(const Document &document, uint32_t start, uint32_t end) const {
  return TextRange{document.position_of(start, encoding_), document.position_of(end, encoding_)};
}

} // namespace gloss
