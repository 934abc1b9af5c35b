//===--- jsonrpc.h - JSON-RPC 2.0 messages, dispatch and replies ----------===//
//
// Sorts incoming messages into requests, notifications and responses and
// routes them to handlers registered by method name. Every request gets
// exactly one reply: Reply sends an InternalError from its destructor if a
// handler forgot to answer, so a client is never left waiting.
//
// Errors in the message itself become JSON-RPC errors (ParseError,
// InvalidRequest, MethodNotFound, InvalidParams); a handler that throws a
// nlohmann::json exception while reading params answers InvalidParams.
//
//===----------------------------------------------------------------------===//
#ifndef GLOSS_LSP_JSONRPC_H
#define GLOSS_LSP_JSONRPC_H

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>

namespace gloss {

using json = nlohmann::json;

enum class ErrorCode : int {
  ParseError = -32700,
  InvalidRequest = -32600,
  MethodNotFound = -32601,
  InvalidParams = -32602,
  InternalError = -32603,
  ServerNotInitialized = -32002,
  RequestFailed = -32803,
  RequestCancelled = -32800,
};

/// Thrown by handlers to answer with a specific error.
struct RpcError {
  ErrorCode code;
  std::string message;
};

using SendFunction = std::function<void(const json &)>;

class Reply {
public:
  Reply(json id, SendFunction send);
  Reply(Reply &&other) noexcept;
  Reply &operator=(Reply &&) = delete;
  Reply(const Reply &) = delete;
  ~Reply();

  void result(json value);
  void error(ErrorCode code, std::string message);
  bool replied() const { return replied_; }

private:
  json id_;
  SendFunction send_;
  bool replied_ = false;
};

class Dispatcher {
public:
  /// The handler answers through `reply` (or moves it elsewhere to answer later).
  using RequestHandler = std::function<void(const json &params, Reply &reply)>;
  using NotificationHandler = std::function<void(const json &params)>;
  using ResponseHandler = std::function<void(const json &response)>;
  /// Called before a request runs; an error answers it instead.
  using RequestGate = std::function<std::optional<RpcError>(const std::string &method)>;

  explicit Dispatcher(SendFunction send);

  void on_request(std::string method, RequestHandler handler);
  void on_notification(std::string method, NotificationHandler handler);
  void set_request_gate(RequestGate gate) { gate_ = std::move(gate); }

  /// Handles one message body (parses it first).
  void handle_text(std::string_view body);
  /// Handles an already-parsed message.
  void handle(const json &message);

  /// Answers a request with `id` as cancelled if it has not run yet.
  void cancel(const json &id) { cancelled_.insert(id.dump()); }
  bool cancelled(const json &id) const { return cancelled_.count(id.dump()) > 0; }
  void forget_cancellations() { cancelled_.clear(); }

  /// Server-to-client messages.
  void send_request(const std::string &method, json params, ResponseHandler on_response);
  void send_notification(const std::string &method, json params);
  /// Reports a message that could not even be framed or parsed.
  void send_parse_error(const std::string &message);

private:
  SendFunction send_;
  std::map<std::string, RequestHandler, std::less<>> requests_;
  std::map<std::string, NotificationHandler, std::less<>> notifications_;
  std::map<std::string, ResponseHandler> pending_responses_;
  std::set<std::string> cancelled_;
  RequestGate gate_;
  int64_t next_id_ = 1;
};

} // namespace gloss

#endif
