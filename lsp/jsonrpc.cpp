//===--- jsonrpc.cpp - JSON-RPC 2.0 messages, dispatch and replies --------===//
#include "jsonrpc.h"

#include <iostream>

namespace gloss {
namespace {

json error_message(const json &id, ErrorCode code, const std::string &message) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", static_cast<int>(code)}, {"message", message}}}};
}

bool valid_id(const json &id) { return id.is_string() || id.is_number_integer() || id.is_number_unsigned(); }

} // namespace

Reply::Reply(json id, SendFunction send) : id_(std::move(id)), send_(std::move(send)) {}

Reply::Reply(Reply &&other) noexcept
    : id_(std::move(other.id_)), send_(std::move(other.send_)), replied_(other.replied_) {
  other.replied_ = true;
}

Reply::~Reply() {
  if (!replied_) error(ErrorCode::InternalError, "the server did not answer this request");
}

void Reply::result(json value) {
  if (replied_) return;
  replied_ = true;
  send_({{"jsonrpc", "2.0"}, {"id", id_}, {"result", std::move(value)}});
}

void Reply::error(ErrorCode code, std::string message) {
  if (replied_) return;
  replied_ = true;
  send_(error_message(id_, code, message));
}

Dispatcher::Dispatcher(SendFunction send) : send_(std::move(send)) {}

void Dispatcher::on_request(std::string method, RequestHandler handler) {
  requests_[std::move(method)] = std::move(handler);
}

void Dispatcher::on_notification(std::string method, NotificationHandler handler) {
  notifications_[std::move(method)] = std::move(handler);
}

void Dispatcher::handle_text(std::string_view body) {
  json message = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (message.is_discarded()) {
    send_parse_error("invalid JSON");
    return;
  }
  handle(message);
}

void Dispatcher::handle(const json &message) {
  if (!message.is_object()) {
    send_(error_message(nullptr, ErrorCode::InvalidRequest, "a message must be a JSON object"));
    return;
  }
  auto id_it = message.find("id");
  auto method_it = message.find("method");
  bool has_id = id_it != message.end() && !id_it->is_null();

  if (method_it == message.end()) {
    // A response to one of our requests.
    if (has_id && (message.contains("result") || message.contains("error"))) {
      auto pending = pending_responses_.find(id_it->dump());
      if (pending != pending_responses_.end()) {
        ResponseHandler handler = std::move(pending->second);
        pending_responses_.erase(pending);
        if (handler) handler(message);
      }
      return;
    }
    send_(error_message(has_id && valid_id(*id_it) ? *id_it : json(nullptr), ErrorCode::InvalidRequest,
                        "a message needs a 'method' (or is a response with 'result' or 'error')"));
    return;
  }
  if (!method_it->is_string()) {
    if (has_id) send_(error_message(valid_id(*id_it) ? *id_it : json(nullptr), ErrorCode::InvalidRequest, "'method' must be a string"));
    return;
  }
  const std::string &method = method_it->get_ref<const std::string &>();
  static const json no_params = json::object();
  auto params_it = message.find("params");
  const json &params = params_it == message.end() ? no_params : *params_it;

  if (!has_id) {
    auto handler = notifications_.find(method);
    if (handler == notifications_.end()) return; // unknown notifications are ignored, per the spec
    try {
      handler->second(params);
    } catch (const std::exception &e) {
      std::cerr << "gloss: notification " << method << " failed: " << e.what() << "\n";
    }
    return;
  }
  if (!valid_id(*id_it)) {
    send_(error_message(nullptr, ErrorCode::InvalidRequest, "'id' must be a string or an integer"));
    return;
  }
  Reply reply(*id_it, send_);
  if (cancelled_.erase(id_it->dump())) {
    reply.error(ErrorCode::RequestCancelled, "cancelled");
    return;
  }
  auto handler = requests_.find(method);
  if (handler == requests_.end()) {
    reply.error(ErrorCode::MethodNotFound, "unknown method '" + method + "'");
    return;
  }
  if (gate_) {
    if (auto refusal = gate_(method)) {
      reply.error(refusal->code, refusal->message);
      return;
    }
  }
  try {
    handler->second(params, reply);
  } catch (const RpcError &e) {
    reply.error(e.code, e.message);
  } catch (const json::exception &e) {
    reply.error(ErrorCode::InvalidParams, std::string("invalid params: ") + e.what());
  } catch (const std::exception &e) {
    reply.error(ErrorCode::InternalError, e.what());
  }
}

void Dispatcher::send_request(const std::string &method, json params, ResponseHandler on_response) {
  int64_t id = next_id_++;
  std::string key = "\"gloss-" + std::to_string(id) + "\"";
  pending_responses_[key] = std::move(on_response);
  send_({{"jsonrpc", "2.0"}, {"id", "gloss-" + std::to_string(id)}, {"method", method}, {"params", std::move(params)}});
}

void Dispatcher::send_notification(const std::string &method, json params) {
  send_({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
}

void Dispatcher::send_parse_error(const std::string &message) {
  send_(error_message(nullptr, ErrorCode::ParseError, message));
}

} // namespace gloss
