//===--- lsp_client.cpp - drive the real gloss binary over pipes ----------===//
#include "lsp_client.h"

#include <gtest/gtest.h>

#include <cerrno>
#include <cstdio>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <poll.h>
#include <stdexcept>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace gloss::testing {

std::string gloss_binary() { return GLOSS_BINARY; }

std::string make_temp_directory() {
  std::string pattern = (std::getenv("TMPDIR") ? std::string(std::getenv("TMPDIR")) : std::string("/tmp")) + "/gloss-test-XXXXXX";
  if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  return pattern;
}

std::string capture_output(const std::string &shell_command) {
  FILE *pipe = ::popen((shell_command + " 2>&1").c_str(), "r");
  if (!pipe) return {};
  char buffer[4096];
  std::string output;
  while (std::size_t count = std::fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, count);
  ::pclose(pipe);
  return output;
}

LspClient::LspClient(std::vector<std::string> arguments, std::string cache_home) {
  std::signal(SIGPIPE, SIG_IGN);
  int in_pipe[2];
  int out_pipe[2];
  if (::pipe(in_pipe) != 0 || ::pipe(out_pipe) != 0) throw std::runtime_error("pipe failed");
  pid_ = ::fork();
  if (pid_ == 0) {
    ::dup2(in_pipe[0], STDIN_FILENO);
    ::dup2(out_pipe[1], STDOUT_FILENO);
    ::close(in_pipe[0]);
    ::close(in_pipe[1]);
    ::close(out_pipe[0]);
    ::close(out_pipe[1]);
    ::setenv("XDG_CACHE_HOME", cache_home.c_str(), 1);
    ::setenv("XDG_CONFIG_HOME", (cache_home + "/config").c_str(), 1); // the user's own content layer
    ::setenv("XDG_STATE_HOME", (cache_home + "/state").c_str(), 1);
    std::string binary = gloss_binary();
    std::vector<char *> argv{binary.data()};
    for (std::string &argument : arguments) argv.push_back(argument.data());
    argv.push_back(nullptr);
    ::execv(binary.c_str(), argv.data());
    ::_exit(127);
  }
  ::close(in_pipe[0]);
  ::close(out_pipe[1]);
  to_server_ = in_pipe[1];
  from_server_ = out_pipe[0];
}

LspClient::~LspClient() { stop(); }

void LspClient::stop() {
  close_input();
  if (!exit_status_ && pid_ > 0) {
    if (!wait_for_exit(std::chrono::seconds(2))) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
      exit_status_ = 128 + SIGKILL;
    }
  }
  if (from_server_ >= 0) ::close(from_server_);
  from_server_ = -1;
}

void LspClient::send_raw(std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t written = ::write(to_server_, bytes.data(), bytes.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) throw std::runtime_error("the server closed its input");
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
}

void LspClient::send(const json &message) {
  std::string body = message.dump();
  send_raw("Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
}

void LspClient::notify(const std::string &method, json params) {
  send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
}

int64_t LspClient::send_request(const std::string &method, json params) {
  int64_t id = next_id_++;
  send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}});
  return id;
}

json LspClient::request(const std::string &method, json params, std::chrono::milliseconds timeout) {
  return wait_for_response(send_request(method, std::move(params)), timeout);
}

json LspClient::wait_for_response(const json &id, std::chrono::milliseconds timeout) {
  if (auto earlier = unclaimed_.find(id.dump()); earlier != unclaimed_.end()) {
    json response = std::move(earlier->second);
    unclaimed_.erase(earlier);
    return response;
  }
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (auto message = read_message(deadline)) {
    if (message->contains("method")) {
      if (message->contains("id")) {
        server_requests.push_back(*message);
        send({{"jsonrpc", "2.0"}, {"id", (*message)["id"]}, {"result", {{"success", true}}}});
      } else {
        notifications.push_back(*message);
      }
      continue;
    }
    response_ids.push_back(message->value("id", json()));
    if (message->value("id", json()) == id) return *message;
    std::string key = message->value("id", json()).dump(); // before the move below
    unclaimed_[key] = std::move(*message);                  // another request's; kept for its waiter
  }
  ADD_FAILURE() << "no response to request " << id.dump() << " in time";
  return json();
}

json LspClient::default_capabilities() {
  return {{"textDocument", {{"hover", {{"contentFormat", {"markdown", "plaintext"}}}}}},
          {"window", {{"showDocument", {{"support", true}}}}}};
}

json LspClient::initialize(json capabilities, json initialization_options) {
  json response = request("initialize", {{"processId", nullptr},
                                         {"rootUri", nullptr},
                                         {"capabilities", std::move(capabilities)},
                                         {"initializationOptions", std::move(initialization_options)}});
  notify("initialized", json::object());
  return response;
}

std::optional<json> LspClient::read_message(std::chrono::steady_clock::time_point deadline) {
  while (true) {
    std::size_t header_end = buffer_.find("\r\n\r\n");
    if (header_end != std::string::npos) {
      std::size_t length_at = buffer_.find("Content-Length: ");
      if (length_at == std::string::npos || length_at > header_end) {
        ADD_FAILURE() << "server sent a frame without Content-Length: " << buffer_.substr(0, header_end);
        return std::nullopt;
      }
      std::size_t length = std::stoul(buffer_.substr(length_at + 16, header_end - length_at - 16));
      if (buffer_.size() >= header_end + 4 + length) {
        std::string body = buffer_.substr(header_end + 4, length);
        buffer_.erase(0, header_end + 4 + length);
        return json::parse(body);
      }
    }
    auto remaining = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (remaining.count() <= 0) return std::nullopt;
    pollfd descriptor{from_server_, POLLIN, 0};
    int ready = ::poll(&descriptor, 1, static_cast<int>(remaining.count()));
    if (ready <= 0) continue;
    char chunk[65536];
    ssize_t count = ::read(from_server_, chunk, sizeof chunk);
    if (count <= 0) return std::nullopt;
    buffer_.append(chunk, static_cast<std::size_t>(count));
  }
}

void LspClient::close_output() {
  if (from_server_ >= 0) {
    ::close(from_server_);
    from_server_ = -1;
  }
}

void LspClient::close_input() {
  if (to_server_ >= 0) {
    ::close(to_server_);
    to_server_ = -1;
  }
}

std::optional<int> LspClient::wait_for_exit(std::chrono::milliseconds timeout) {
  if (exit_status_) return exit_status_;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    pid_t done = ::waitpid(pid_, &status, WNOHANG);
    if (done == pid_) {
      exit_status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      return exit_status_;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return std::nullopt;
}

} // namespace gloss::testing
