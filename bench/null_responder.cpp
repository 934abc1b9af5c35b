//===--- null_responder.cpp - the cheapest possible LSP server, as a floor -===//
//
// bench/lsp_bench.py measures round trips over stdio. Part of every figure is
// the transport itself: two pipes, two processes, Content-Length framing and
// one JSON parse per message. This server does only that and answers without
// looking at any document, so its latency is the floor Gloss is compared with.
// It reads fd 0 with read(2) and writes fd 1 with write(2); no threads.
//
//===----------------------------------------------------------------------===//
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <string>
#include <string_view>
#include <strings.h>
#include <unistd.h>

namespace {

/// A hover of about the size Gloss sends for a short tip.
const nlohmann::json constant_hover = {
    {"contents",
     {{"kind", "markdown"},
      {"value", "**List comprehension**\n\nBuilds a new list by evaluating an expression for each item, "
                "optionally filtered.\n\n[Python tutorial: list comprehensions]"
                "(https://docs.python.org/3/tutorial/datastructures.html#list-comprehensions)"}}}};

bool write_all(std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t written = ::write(1, bytes.data(), bytes.size());
    if (written <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
  return true;
}

bool send(const nlohmann::json &message) {
  std::string body = message.dump();
  return write_all("Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
}

bool reply(const nlohmann::json &id, const nlohmann::json &result) {
  return send({{"jsonrpc", "2.0"}, {"id", id}, {"result", result}});
}

/// The Content-Length value in a header block, or npos when there is none.
std::size_t content_length(std::string_view headers) {
  constexpr std::string_view name = "content-length:";
  for (std::size_t start = 0; start < headers.size();) {
    std::size_t end = headers.find("\r\n", start);
    if (end == std::string_view::npos) end = headers.size();
    std::string_view line = headers.substr(start, end - start);
    if (line.size() > name.size() && ::strncasecmp(line.data(), name.data(), name.size()) == 0)
      return std::strtoul(std::string(line.substr(name.size())).c_str(), nullptr, 10);
    start = end + 2;
  }
  return std::string_view::npos;
}

} // namespace

int main() {
  std::string buffer;
  char chunk[1 << 16];
  auto read_more = [&] {
    ssize_t count = ::read(0, chunk, sizeof chunk);
    if (count <= 0) return false;
    buffer.append(chunk, static_cast<std::size_t>(count));
    return true;
  };
  for (;;) {
    std::size_t header_end;
    while ((header_end = buffer.find("\r\n\r\n")) == std::string::npos)
      if (!read_more()) return 0;
    std::size_t length = content_length(std::string_view(buffer).substr(0, header_end));
    if (length == std::string_view::npos) { // no length: drop the header block and go on
      buffer.erase(0, header_end + 4);
      continue;
    }
    while (buffer.size() < header_end + 4 + length)
      if (!read_more()) return 0;
    nlohmann::json message = nlohmann::json::parse(buffer.begin() + static_cast<std::ptrdiff_t>(header_end + 4),
                                                   buffer.begin() + static_cast<std::ptrdiff_t>(header_end + 4 + length),
                                                   nullptr, false);
    buffer.erase(0, header_end + 4 + length);
    if (!message.is_object()) continue;
    std::string method = message.value("method", "");
    if (method == "exit") return 0;
    if (!message.contains("id") || method.empty()) continue; // notifications and responses
    const nlohmann::json &id = message["id"];
    bool sent = true;
    if (method == "initialize")
      sent = reply(id, {{"capabilities", {{"hoverProvider", true}, {"codeActionProvider", true}, {"textDocumentSync", 2}}},
                        {"serverInfo", {{"name", "gloss-null-responder"}}}});
    else if (method == "textDocument/hover")
      sent = reply(id, constant_hover);
    else if (method == "textDocument/codeAction")
      sent = reply(id, nlohmann::json::array());
    else if (method == "shutdown")
      sent = reply(id, nullptr);
    else
      sent = send({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", -32601}, {"message", "method not found: " + method}}}});
    if (!sent) return 0;
  }
}
