//===--- lsp_client.h - drive the real gloss binary over pipes ------------===//
//
// Starts `gloss lsp` as a child process and speaks LSP to it through its
// stdin and stdout, as an editor would. Every wait has a timeout so a hung
// server fails the test instead of hanging it.
//
//===----------------------------------------------------------------------===//
#ifndef GLOSS_TESTS_LSP_CLIENT_H
#define GLOSS_TESTS_LSP_CLIENT_H

#include <nlohmann/json.hpp>

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gloss::testing {

using json = nlohmann::json;

/// The gloss binary under test (set by CMake).
std::string gloss_binary();

/// A fresh empty directory under the system temp dir, removed by the caller.
std::string make_temp_directory();

/// Runs a shell command and returns what it printed (stdout and stderr).
std::string capture_output(const std::string &shell_command);

class LspClient {
public:
  /// Runs `gloss <arguments>` with XDG_CACHE_HOME pointed at `cache_home`,
  /// and XDG_CONFIG_HOME / XDG_STATE_HOME at its config/ and state/.
  LspClient(std::vector<std::string> arguments, std::string cache_home);
  ~LspClient();
  LspClient(const LspClient &) = delete;
  LspClient &operator=(const LspClient &) = delete;

  void send_raw(std::string_view bytes);
  void send(const json &message);
  void notify(const std::string &method, json params);
  /// Sends a request and waits for its response (the whole message).
  json request(const std::string &method, json params,
               std::chrono::milliseconds timeout = std::chrono::seconds(10));
  int64_t send_request(const std::string &method, json params);
  json wait_for_response(const json &id, std::chrono::milliseconds timeout = std::chrono::seconds(10));

  /// initialize + initialized with the given capabilities and options.
  json initialize(json capabilities = default_capabilities(), json initialization_options = json::object());
  static json default_capabilities();

  void close_input();
  /// Stops reading the server's output, as a client that died would: the
  /// server's next write fails with EPIPE.
  void close_output();
  /// Closes the server's input and waits for it to exit (killing it after
  /// 2 s). Call before removing directories the server may still write to.
  void stop();
  /// The exit status, or nullopt if it did not exit in time.
  std::optional<int> wait_for_exit(std::chrono::milliseconds timeout = std::chrono::seconds(10));

  int pid() const { return pid_; }

  std::vector<json> notifications;   ///< every notification received so far
  std::vector<json> server_requests; ///< every request the server sent us
  std::vector<json> response_ids;    ///< the ids of the responses received, in arrival order

private:
  std::optional<json> read_message(std::chrono::steady_clock::time_point deadline);

  int pid_ = -1;
  int to_server_ = -1;
  int from_server_ = -1;
  std::string buffer_;
  std::map<std::string, json> unclaimed_; ///< responses that arrived while waiting for another id
  int64_t next_id_ = 1;
  std::optional<int> exit_status_;
};

} // namespace gloss::testing

#endif
