//===--- server.h - the LSP methods Gloss answers -------------------------===//
//
// The LSP layer: each on_<method> unpacks params, calls the logic below
// (documents, content, matcher, hover, code actions) and translates the
// answer back. bind_methods() lists every method next to its handler.
//
// Threading: one thread. Messages are handled in arrival order, so a hover
// that arrives after a didChange sees the new text. Within one read, a
// $/cancelRequest for a request that has not run yet answers it as cancelled.
//
//===----------------------------------------------------------------------===//
#ifndef GLOSS_LSP_SERVER_H
#define GLOSS_LSP_SERVER_H

#include "content_index.h"
#include "document_store.h"
#include "jsonrpc.h"
#include "protocol.h"
#include "transport.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace gloss {

class Server {
public:
  struct Options {
    std::vector<std::filesystem::path> content_directories; ///< from --content
    std::filesystem::path explain_directory;                ///< where explanations are written
  };

  Server(Options options, Transport &transport);

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

  /// Publishes lint and test problems when `document` is a snippet file.
  void check_if_content_file(const Document &document);
  void load_content(const std::optional<std::filesystem::path> &workspace_root,
                    const std::vector<std::string> &settings_directories);
  void log(const std::string &message, int type = 3);
  json range_json(const Document &document, uint32_t start, uint32_t end) const;

  Options options_;
  Transport &transport_;
  Dispatcher dispatcher_;
  DocumentStore documents_;
  std::shared_ptr<const ContentIndex> content_;
  ClientCapabilities client_;
  PositionEncoding encoding_ = PositionEncoding::Utf16;
  std::filesystem::path team_directory_; ///< where "Add a team note" writes; empty without a workspace
  bool initialized_ = false;
  bool shutdown_requested_ = false;
  bool exit_requested_ = false;
};

} // namespace gloss

#endif
