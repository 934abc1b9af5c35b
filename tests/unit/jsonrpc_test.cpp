#include "jsonrpc.h"

#include <gtest/gtest.h>

namespace gloss {
namespace {

struct Fixture {
  std::vector<json> sent;
  Dispatcher dispatcher{[this](const json &message) { sent.push_back(message); }};
};

TEST(Dispatcher, AnswersARequestOnce) {
  Fixture f;
  f.dispatcher.on_request("echo", [](const json &params, Reply &reply) {
    reply.result(params);
    reply.result("again"); // ignored
  });
  f.dispatcher.handle_text(R"({"jsonrpc":"2.0","id":1,"method":"echo","params":{"a":1}})");
  ASSERT_EQ(f.sent.size(), 1u);
  EXPECT_EQ(f.sent[0]["result"]["a"], 1);
  EXPECT_EQ(f.sent[0]["id"], 1);
}

TEST(Dispatcher, AHandlerThatForgetsToAnswerStillAnswers) {
  Fixture f;
  f.dispatcher.on_request("silent", [](const json &, Reply &) {});
  f.dispatcher.handle_text(R"({"jsonrpc":"2.0","id":"s","method":"silent"})");
  ASSERT_EQ(f.sent.size(), 1u);
  EXPECT_EQ(f.sent[0]["error"]["code"], static_cast<int>(ErrorCode::InternalError));
}

TEST(Dispatcher, UnknownMethodsAreMethodNotFoundAndUnknownNotificationsAreIgnored) {
  Fixture f;
  f.dispatcher.handle_text(R"({"jsonrpc":"2.0","id":2,"method":"nope"})");
  f.dispatcher.handle_text(R"({"jsonrpc":"2.0","method":"nope/notification"})");
  ASSERT_EQ(f.sent.size(), 1u);
  EXPECT_EQ(f.sent[0]["error"]["code"], static_cast<int>(ErrorCode::MethodNotFound));
}

TEST(Dispatcher, MalformedMessagesGetTheRightErrors) {
  Fixture f;
  f.dispatcher.handle_text("{not json");
  f.dispatcher.handle_text("[1,2]");
  f.dispatcher.handle_text(R"({"jsonrpc":"2.0","id":3})");
  f.dispatcher.handle_text(R"({"jsonrpc":"2.0","id":4,"method":7})");
  f.dispatcher.handle_text(R"({"jsonrpc":"2.0","id":{"x":1},"method":"m"})");
  ASSERT_EQ(f.sent.size(), 5u);
  EXPECT_EQ(f.sent[0]["error"]["code"], static_cast<int>(ErrorCode::ParseError));
  EXPECT_TRUE(f.sent[0]["id"].is_null());
  for (int i = 1; i < 5; ++i) EXPECT_EQ(f.sent[i]["error"]["code"], static_cast<int>(ErrorCode::InvalidRequest)) << i;
  EXPECT_EQ(f.sent[3]["id"], 4);
}

TEST(Dispatcher, BadParamsAreInvalidParams) {
  Fixture f;
  f.dispatcher.on_request("typed", [](const json &params, Reply &reply) { reply.result(params.at("n").get<int>()); });
  f.dispatcher.handle_text(R"({"jsonrpc":"2.0","id":5,"method":"typed","params":{"n":"five"}})");
  ASSERT_EQ(f.sent.size(), 1u);
  EXPECT_EQ(f.sent[0]["error"]["code"], static_cast<int>(ErrorCode::InvalidParams));
}

TEST(Dispatcher, ACancelledRequestIsAnsweredWithoutRunning) {
  Fixture f;
  bool ran = false;
  f.dispatcher.on_request("slow", [&](const json &, Reply &reply) {
    ran = true;
    reply.result(nullptr);
  });
  f.dispatcher.cancel(7);
  f.dispatcher.handle_text(R"({"jsonrpc":"2.0","id":7,"method":"slow"})");
  EXPECT_FALSE(ran);
  ASSERT_EQ(f.sent.size(), 1u);
  EXPECT_EQ(f.sent[0]["error"]["code"], static_cast<int>(ErrorCode::RequestCancelled));
}

TEST(Dispatcher, RoutesResponsesToServerRequests) {
  Fixture f;
  json seen;
  f.dispatcher.send_request("window/showDocument", {{"uri", "file:///x"}}, [&](const json &response) { seen = response; });
  ASSERT_EQ(f.sent.size(), 1u);
  json answer = {{"jsonrpc", "2.0"}, {"id", f.sent[0]["id"]}, {"result", {{"success", true}}}};
  f.dispatcher.handle_text(answer.dump());
  EXPECT_EQ(seen["result"]["success"], true);
}

TEST(Dispatcher, TheGateCanRefuseRequests) {
  Fixture f;
  f.dispatcher.on_request("m", [](const json &, Reply &reply) { reply.result(1); });
  f.dispatcher.set_request_gate([](const std::string &) { return RpcError{ErrorCode::ServerNotInitialized, "later"}; });
  f.dispatcher.handle_text(R"({"jsonrpc":"2.0","id":8,"method":"m"})");
  EXPECT_EQ(f.sent[0]["error"]["code"], static_cast<int>(ErrorCode::ServerNotInitialized));
}

} // namespace
} // namespace gloss
