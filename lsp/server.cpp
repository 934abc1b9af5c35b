//===--- server.cpp - the LSP methods Gloss answers -----------------------===//
#include "server.h"

#include "atomic_file.h"
#include "code_actions.h"
#include "content_file_check.h"
#include "content_layers.h"
#include "content_loader.h"
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
    if (message.is_object() && message.value("method", "") == "$/cancelRequest" &&
        message.contains("params") && message["params"].is_object() && message["params"].contains("id"))
      dispatcher_.cancel(message["params"]["id"]);
    messages.push_back(std::move(message));
  }
  for (const json &message : messages) {
    dispatcher_.handle(message);
    if (exit_requested_) return false;
  }
  dispatcher_.forget_cancellations();
  return true;
}

void Server::on_initialize(const json &params, Reply &reply) {
  InitializeParams parsed = params.get<InitializeParams>();
  client_ = parsed.capabilities;
  encoding_ = negotiate_encoding(client_.position_encodings);
  if (parsed.root_uri) workspace_root_ = std::filesystem::path(path_from_uri(*parsed.root_uri));
  set_settings_directories(parsed.content_paths);
  if (parsed.level) set_level(*parsed.level);
  reload_content();
  initialized_ = true;
  reply.result({
      {"capabilities",
       {
           {"positionEncoding", encoding_name(encoding_)},
           {"textDocumentSync", {{"openClose", true}, {"change", 2}}},
           {"hoverProvider", true},
           {"codeActionProvider", true},
           {"executeCommandProvider", {{"commands", {std::string(explain_command), std::string(add_team_note_command)}}}},
       }},
      {"serverInfo", {{"name", "gloss"}, {"version", gloss_version}}},
  });
}

void Server::on_initialized(const json &) { watch_content(); }

void Server::on_did_change_watched_files(const json &) { reload_content(); }

void Server::on_did_change_configuration(const json &params) {
  // {"settings": {"gloss": {"level": "...", "contentPaths": [...]}}}; other settings are not ours.
  if (!params.contains("settings") || !params["settings"].is_object() || !params["settings"].contains("gloss") ||
      !params["settings"]["gloss"].is_object())
    return;
  const json &gloss = params["settings"]["gloss"];
  if (gloss.contains("level") && gloss["level"].is_string()) set_level(gloss["level"].get<std::string>());
  const json *paths = gloss.contains("contentPaths") ? &gloss["contentPaths"] : nullptr;
  if (!paths || !paths->is_array()) return;
  std::vector<std::string> directories;
  for (const json &path : *paths)
    if (path.is_string()) directories.push_back(path.get<std::string>());
  set_settings_directories(directories);
  reload_content();
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
  if (workspace_root_) {
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
  reply.result(nullptr);
}

void Server::on_exit(const json &) { exit_requested_ = true; }

void Server::on_did_open(const json &params) {
  TextDocumentItem item = params.at("textDocument").get<TextDocumentItem>();
  const Document &document = documents_.open(item.uri, item.language_id, item.version, std::move(item.text));
  check_if_content_file(document);
  if (!document.language && item.language_id != "markdown")
    log("no grammar for " + item.uri + " (languageId '" + item.language_id + "')");
}

void Server::on_did_change(const json &params) {
  DidChangeParams parsed = params.get<DidChangeParams>();
  std::vector<TextChange> changes;
  for (ContentChange &change : parsed.changes) changes.push_back({change.range, std::move(change.text)});
  if (!documents_.change(parsed.uri, parsed.version, changes, encoding_)) {
    log("didChange for a document that is not open: " + parsed.uri, log_warning);
    return;
  }
  check_if_content_file(*documents_.get(parsed.uri));
}

void Server::on_did_close(const json &params) {
  std::string uri = params.at("textDocument").at("uri").get<std::string>();
  const Document *document = documents_.get(uri);
  if (document && looks_like_content_file(path_from_uri(uri), document->text)) // clear what we published
    dispatcher_.send_notification("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", json::array()}});
  documents_.close(uri);
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
  const Document *document = documents_.get(parsed.uri);
  if (!document || !document->tree || parsed.position.line >= document->lines.line_count()) {
    reply.result(nullptr);
    return;
  }
  uint32_t offset = document->offset_of(parsed.position, encoding_);
  MatchResult matches = match_at(*document->tree, document->text, offset, *content_, learner_);
  std::optional<HoverInfo> hover = make_hover(matches);
  if (!hover) {
    reply.result(nullptr);
    return;
  }
  bool markdown = client_.hover_markdown;
  reply.result({
      {"contents",
       {{"kind", markdown ? "markdown" : "plaintext"},
        {"value", markdown ? render_markdown(*hover) : render_plaintext(*hover)}}},
      {"range", range_json(*document, hover->start_byte, hover->end_byte)},
  });
}

void Server::on_code_action(const json &params, Reply &reply) {
  CodeActionParams parsed = params.get<CodeActionParams>();
  const Document *document = documents_.get(parsed.uri);
  json actions = json::array();
  if (document && document->tree && parsed.range.start.line < document->lines.line_count()) {
    uint32_t offset = document->offset_of(parsed.range.start, encoding_);
    MatchResult matches = match_at(*document->tree, document->text, offset, *content_, learner_);
    for (const ActionSpec &action : explain_actions(matches)) {
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
  throw RpcError{ErrorCode::InvalidParams, "unknown command '" + command + "'"};
}

void Server::explain(const json &argument, Reply &reply) {
  std::string id = argument.is_string() ? argument.get<std::string>() : argument.at("id").get<std::string>();
  const Snippet *snippet = content_->find(id);
  if (!snippet) throw RpcError{ErrorCode::InvalidParams, "no snippet with id '" + id + "'"};

  // The learner's own code comes first when we know where they were.
  std::string context;
  std::string context_language;
  if (argument.is_object() && argument.contains("uri") && argument.contains("position")) {
    const Document *document = documents_.get(argument["uri"].get<std::string>());
    if (document && document->tree) {
      uint32_t offset = document->offset_of(argument["position"].get<TextPosition>(), encoding_);
      MatchResult matches = match_at(*document->tree, document->text, offset, *content_, learner_);
      for (const Match &match : matches.tips) {
        if (match.snippet != snippet) continue;
        context = code_excerpt(document->text, match.construct_start, match.construct_end, explanation_context_lines);
        context_language = std::string(document->language->fence_tags.front());
        break;
      }
    }
  }
  std::string markdown = render_explanation(*snippet, context, context_language);
  json result = {{"id", snippet->id}, {"title", snippet->title}, {"markdown", markdown}};

  std::filesystem::path path = options_.explain_directory / file_name_for(snippet->id);
  if (std::string error = write_file_atomically(path, markdown); !error.empty()) {
    log("could not write the explanation: " + error, log_warning);
  } else {
    std::string uri = uri_from_path(path.string());
    result["uri"] = uri;
    show_document(uri);
  }
  reply.result(result);
}

void Server::add_team_note(const json &argument, Reply &reply) {
  std::string uri = argument.at("uri").get<std::string>();
  TextRange range = argument.at("range").get<TextRange>();
  if (team_directory_.empty())
    throw RpcError{ErrorCode::RequestFailed, "open a folder or workspace first: team notes go in its .gloss/ folder"};
  const Document *document = documents_.get(uri);
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
  sources.workspace_root = workspace_root_;
  sources.settings_directories = settings_directories_;
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
      if (const Document *document = documents_.get(uri)) check_if_content_file(*document);
  }
}

void Server::log(const std::string &message, int type) {
  std::cerr << "gloss: " << message << "\n";
  if (initialized_ || type <= log_warning) dispatcher_.send_notification("window/logMessage", {{"type", type}, {"message", message}});
}

json Server::range_json(const Document &document, uint32_t start, uint32_t end) const {
  return TextRange{document.position_of(start, encoding_), document.position_of(end, encoding_)};
}

} // namespace gloss
