// Bad input gets a clear error or a degraded answer, and the server keeps serving.
#include "lsp_client.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace gloss {
namespace {

using testing::json;
using testing::LspClient;

struct BadInput : ::testing::Test {
  std::string cache = testing::make_temp_directory();
  LspClient client{{"lsp", "--stdio"}, cache};

  void SetUp() override {
    client.initialize();
    client.notify("textDocument/didOpen", {{"textDocument",
                                            {{"uri", "file:///a.py"}, {"languageId", "python"}, {"version", 1},
                                             {"text", "xs = [x for x in range(3)]\n"}}}});
  }
  void TearDown() override {
    client.stop();
    std::filesystem::remove_all(cache);
  }

  /// The server still answers a real hover correctly.
  void expect_still_serving() {
    json hover = client.request("textDocument/hover",
                                {{"textDocument", {{"uri", "file:///a.py"}}}, {"position", {{"line", 0}, {"character", 8}}}});
    ASSERT_TRUE(hover["result"].is_object()) << hover.dump();
    EXPECT_NE(hover["result"]["contents"]["value"].get<std::string>().find("List comprehension"), std::string::npos);
  }

  /// Reads messages until an error response with a null id arrives.
  json wait_for_null_id_error() { return client.wait_for_response(nullptr); }
};

TEST_F(BadInput, AHeaderWithoutContentLengthIsAParseErrorAndTheStreamRecovers) {
  client.send_raw("Content-Type: text/plain\r\n\r\n");
  json error = wait_for_null_id_error();
  EXPECT_EQ(error["error"]["code"], -32700);
  EXPECT_NE(error["error"]["message"].get<std::string>().find("Content-Length"), std::string::npos);
  expect_still_serving();
}

TEST_F(BadInput, ANonNumericContentLengthIsAParseError) {
  client.send_raw("Content-Length: many\r\n\r\n");
  EXPECT_EQ(wait_for_null_id_error()["error"]["code"], -32700);
  expect_still_serving();
}

TEST_F(BadInput, InvalidJsonIsAParseError) {
  client.send_raw("Content-Length: 9\r\n\r\n{\"id\": 1,");
  EXPECT_EQ(wait_for_null_id_error()["error"]["code"], -32700);
  expect_still_serving();
}

TEST_F(BadInput, InvalidUtf8InsideJsonIsAParseError) {
  std::string body = "{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":\"\xFF\xFE\"}";
  client.send_raw("Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
  EXPECT_EQ(wait_for_null_id_error()["error"]["code"], -32700);
  expect_still_serving();
}

TEST_F(BadInput, AMessageThatIsNotARequestIsInvalidRequest) {
  client.send(json::array({1, 2, 3}));
  EXPECT_EQ(wait_for_null_id_error()["error"]["code"], -32600);
  client.send({{"jsonrpc", "2.0"}, {"id", 99}});
  EXPECT_EQ(client.wait_for_response(99)["error"]["code"], -32600);
  expect_still_serving();
}

TEST_F(BadInput, AMethodThatIsNotAStringIsInvalidRequest) { // was fatal (found by fuzzing)
  client.send({{"jsonrpc", "2.0"}, {"method", json::object()}});
  client.send({{"jsonrpc", "2.0"}, {"id", 98}, {"method", 5}});
  EXPECT_EQ(client.wait_for_response(98)["error"]["code"], -32600);
  expect_still_serving();
}

TEST_F(BadInput, UnknownMethodsAreMethodNotFound) {
  json response = client.request("textDocument/teleport", json::object());
  EXPECT_EQ(response["error"]["code"], -32601);
  client.notify("$/unknownNotification", json::object()); // ignored, per the spec
  expect_still_serving();
}

TEST_F(BadInput, WrongParamsAreInvalidParams) {
  json response = client.request("textDocument/hover", {{"textDocument", {{"uri", 5}}}});
  EXPECT_EQ(response["error"]["code"], -32602);
  response = client.request("textDocument/hover",
                            {{"textDocument", {{"uri", "file:///a.py"}}}, {"position", {{"line", -1}, {"character", "x"}}}});
  EXPECT_EQ(response["error"]["code"], -32602);
  expect_still_serving();
}

TEST_F(BadInput, PositionsPastTheEndAreAnsweredNotFatal) {
  json past_lines = client.request("textDocument/hover",
                                   {{"textDocument", {{"uri", "file:///a.py"}}}, {"position", {{"line", 999}, {"character", 0}}}});
  EXPECT_TRUE(past_lines.contains("result") && past_lines["result"].is_null()) << past_lines.dump();
  json past_columns = client.request("textDocument/hover",
                                     {{"textDocument", {{"uri", "file:///a.py"}}}, {"position", {{"line", 0}, {"character", 4000}}}});
  EXPECT_TRUE(past_columns.contains("result")) << past_columns.dump();
  json actions = client.request("textDocument/codeAction",
                                {{"textDocument", {{"uri", "file:///a.py"}}},
                                 {"range", {{"start", {{"line", 50}, {"character", 0}}}, {"end", {{"line", 2}, {"character", 0}}}}},
                                 {"context", {{"diagnostics", json::array()}}}});
  EXPECT_TRUE(actions["result"].is_array()) << actions.dump();
  expect_still_serving();
}

TEST_F(BadInput, ChangesToUnopenedDocumentsAndBadRangesAreSurvived) {
  client.notify("textDocument/didChange", {{"textDocument", {{"uri", "file:///never.py"}, {"version", 2}}},
                                           {"contentChanges", {{{"text", "x"}}}}});
  client.notify("textDocument/didChange",
                {{"textDocument", {{"uri", "file:///a.py"}, {"version", 2}}},
                 {"contentChanges", {{{"range", {{"start", {{"line", 9}, {"character", 9}}}, {"end", {{"line", 0}, {"character", 99}}}}},
                                      {"text", ""}}}}});
  client.notify("textDocument/didChange", {{"textDocument", {{"uri", "file:///a.py"}}}, {"contentChanges", "oops"}});
  json hover = client.request("textDocument/hover",
                              {{"textDocument", {{"uri", "file:///nowhere.py"}}}, {"position", {{"line", 0}, {"character", 0}}}});
  EXPECT_TRUE(hover["result"].is_null());
  json explain = client.request("workspace/executeCommand", {{"command", "gloss.explain"}, {"arguments", {"no/such-id"}}});
  EXPECT_EQ(explain["error"]["code"], -32602);
  json unknown = client.request("workspace/executeCommand", {{"command", "rm -rf"}});
  EXPECT_EQ(unknown["error"]["code"], -32602);
}

TEST_F(BadInput, NonAsciiDocumentsAreServed) {
  client.notify("textDocument/didOpen", {{"textDocument",
                                          {{"uri", "file:///b.py"}, {"languageId", "python"}, {"version", 1},
                                           {"text", "s = 'caf\xC3\xA9'\n"}}}});
  // JSON cannot carry invalid UTF-8, but a hover's answer must still be valid JSON.
  json hover = client.request("textDocument/hover",
                              {{"textDocument", {{"uri", "file:///b.py"}}}, {"position", {{"line", 0}, {"character", 7}}}});
  EXPECT_TRUE(hover.contains("result"));
  expect_still_serving();
}

TEST_F(BadInput, RequestsAfterShutdownAreRefusedAndExitEndsTheProcess) {
  client.request("shutdown", nullptr);
  json after = client.request("textDocument/hover",
                              {{"textDocument", {{"uri", "file:///a.py"}}}, {"position", {{"line", 0}, {"character", 8}}}});
  EXPECT_EQ(after["error"]["code"], -32600);
  client.notify("exit", nullptr);
  EXPECT_EQ(client.wait_for_exit(), 0);
}

TEST_F(BadInput, ACancelledRequestIsAnsweredAsCancelled) {
  // Both messages in one write, so the cancellation arrives before the request runs.
  json hover = {{"jsonrpc", "2.0"}, {"id", 500}, {"method", "textDocument/hover"},
                {"params", {{"textDocument", {{"uri", "file:///a.py"}}}, {"position", {{"line", 0}, {"character", 8}}}}}};
  json cancel = {{"jsonrpc", "2.0"}, {"method", "$/cancelRequest"}, {"params", {{"id", 500}}}};
  std::string a = hover.dump();
  std::string b = cancel.dump();
  client.send_raw("Content-Length: " + std::to_string(a.size()) + "\r\n\r\n" + a + "Content-Length: " +
                  std::to_string(b.size()) + "\r\n\r\n" + b);
  EXPECT_EQ(client.wait_for_response(500)["error"]["code"], -32800);
  expect_still_serving();
}

TEST(Lifecycle, RequestsBeforeInitializeAreRefused) {
  std::string cache = testing::make_temp_directory();
  LspClient client({"lsp"}, cache);
  json hover = client.request("textDocument/hover",
                              {{"textDocument", {{"uri", "file:///a.py"}}}, {"position", {{"line", 0}, {"character", 0}}}});
  EXPECT_EQ(hover["error"]["code"], -32002);
  json init = client.initialize();
  EXPECT_TRUE(init["result"].is_object());
  json again = client.request("initialize", {{"capabilities", json::object()}});
  EXPECT_EQ(again["error"]["code"], -32600);
  client.stop();
  std::filesystem::remove_all(cache);
}

TEST(Lifecycle, EndOfInputEndsTheServer) {
  std::string cache = testing::make_temp_directory();
  LspClient client({"lsp"}, cache);
  client.initialize();
  client.send_raw("Content-Length: 100\r\n\r\n{\"half\":"); // the client vanishes mid-message
  client.close_input();
  EXPECT_EQ(client.wait_for_exit(), 1); // no shutdown was requested
  std::filesystem::remove_all(cache);
}

} // namespace
} // namespace gloss
