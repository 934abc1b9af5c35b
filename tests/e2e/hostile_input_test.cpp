// Hostile input end to end: the server answers or degrades, keeps serving,
// and its memory stays bounded. Files an editor opens are not always files
// anyone meant to open.
#include "lsp_client.h"

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <signal.h>
#include <sys/wait.h>
#include <thread>

namespace gloss {
namespace {

using testing::json;
using testing::LspClient;

/// Peak resident memory of a process, in MB (VmHWM).
long peak_rss_mb(int pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6)) / 1024;
  return -1;
}

struct Hostile : ::testing::Test {
  std::string cache = testing::make_temp_directory();
  LspClient client{{"lsp"}, cache};
  void SetUp() override { client.initialize(); }
  void TearDown() override {
    client.stop();
    std::filesystem::remove_all(cache);
  }

  void open(const std::string &uri, const std::string &language, const std::string &text) {
    client.notify("textDocument/didOpen",
                  {{"textDocument", {{"uri", uri}, {"languageId", language}, {"version", 1}, {"text", text}}}});
  }
  json hover(const std::string &uri, uint32_t line, uint32_t character) {
    return client.request("textDocument/hover", {{"textDocument", {{"uri", uri}}},
                                                 {"position", {{"line", line}, {"character", character}}}});
  }
  /// A real tip still comes back for an ordinary file.
  void expect_still_serving() {
    open("file:///ok.py", "python", "xs = [x for x in range(3)]\n");
    json answer = hover("file:///ok.py", 0, 8);
    ASSERT_TRUE(answer["result"].is_object()) << answer.dump();
    EXPECT_NE(answer["result"]["contents"]["value"].get<std::string>().find("List comprehension"), std::string::npos);
  }
};

TEST_F(Hostile, NulBytesAndBrokenCharactersInADocument) {
  // JSON carries NUL as \u0000 and a lone surrogate as an invalid code point.
  std::string text = std::string("x = \"a\0b\"\n", 11) + "ys = [y for y in x]\n";
  open("file:///nul.py", "python", text);
  json answer = hover("file:///nul.py", 1, 9);
  ASSERT_TRUE(answer["result"].is_object()) << answer.dump();
  std::string lone_surrogate = "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":"
                               "{\"textDocument\":{\"uri\":\"file:///nul.py\"},\"contentChanges\":[{\"text\":\"\\ud800 = 1\"}]}}";
  client.send_raw("Content-Length: " + std::to_string(lone_surrogate.size()) + "\r\n\r\n" + lone_surrogate);
  EXPECT_TRUE(hover("file:///nul.py", 0, 0).contains("result")); // answered, whatever the text became
  expect_still_serving();
}

TEST_F(Hostile, ATwentyMegabyteSingleLineFileIsNotParsedAndNothingStalls) {
  std::string minified;
  minified.reserve(20u << 20);
  while (minified.size() < (20u << 20)) minified += "var a=[1,2,3].map(function(x){return x*2;});";
  open("file:///bundle.min.js", "javascript", minified);
  auto started = std::chrono::steady_clock::now();
  EXPECT_TRUE(hover("file:///bundle.min.js", 0, 100)["result"].is_null());
  json at = {{"line", 0}, {"character", 5}};
  json change = {{"range", {{"start", at}, {"end", at}}}, {"text", " "}};
  client.notify("textDocument/didChange", {{"textDocument", {{"uri", "file:///bundle.min.js"}, {"version", 2}}},
                                           {"contentChanges", json::array({change})}});
  EXPECT_TRUE(hover("file:///bundle.min.js", 0, 100)["result"].is_null());
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
  bool told = false;
  for (const json &note : client.notifications)
    told |= note["method"] == "window/logMessage" &&
            note["params"]["message"].get<std::string>().find("bundle.min.js: not parsed: 20 MB is over the 8 MB limit") !=
                std::string::npos;
  EXPECT_TRUE(told);
  expect_still_serving();
  EXPECT_LT(peak_rss_mb(client.pid()), 400); // the text itself, a few copies in JSON, no tree
}

TEST_F(Hostile, FiftyThousandLevelsOfNesting) {
  std::string deep = "x = " + std::string(50000, '[') + std::string(50000, ']') + "\n";
  open("file:///deep.py", "python", deep);
  json answer = hover("file:///deep.py", 0, 25000);
  EXPECT_TRUE(answer.contains("result")) << answer.dump();
  json concepts = client.request("gloss/concepts", {{"textDocument", {{"uri", "file:///deep.py"}}}});
  EXPECT_TRUE(concepts.contains("result")) << concepts.dump().substr(0, 200);
  std::string braces = "int main() { " + std::string(50000, '{') + std::string(50000, '}') + " }\n";
  open("file:///deep.cpp", "cpp", braces);
  EXPECT_TRUE(hover("file:///deep.cpp", 0, 30000).contains("result"));
  expect_still_serving();
}

TEST_F(Hostile, VersionsGoingBackwardsAreAppliedInArrivalOrder) {
  open("file:///v.py", "python", "a = 1\n");
  for (int version : {5, 3, -7}) // a confused client; the text is still what it sent last
    client.notify("textDocument/didChange",
                  {{"textDocument", {{"uri", "file:///v.py"}, {"version", version}}},
                   {"contentChanges", json::array({{{"text", "ys = [y for y in range(" + std::to_string(version) + ")]\n"}}})}});
  json answer = hover("file:///v.py", 0, 9);
  ASSERT_TRUE(answer["result"].is_object()) << answer.dump();
  EXPECT_NE(answer["result"]["contents"]["value"].get<std::string>().find("List comprehension"), std::string::npos);
}

TEST_F(Hostile, TenThousandRequestsHalfOfThemCancelledAllAnsweredOnce) {
  open("file:///flood.py", "python", "xs = [x for x in range(3)]\n");
  constexpr int count = 10000;
  std::string burst;
  std::vector<int64_t> ids;
  for (int i = 0; i < count; ++i) {
    int64_t id = 100000 + i;
    ids.push_back(id);
    json request = {{"jsonrpc", "2.0"}, {"id", id}, {"method", "textDocument/hover"},
                    {"params", {{"textDocument", {{"uri", "file:///flood.py"}}}, {"position", {{"line", 0}, {"character", 8}}}}}};
    std::string body = request.dump();
    burst += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    if (i % 2 == 1) {
      std::string cancel = json({{"jsonrpc", "2.0"}, {"method", "$/cancelRequest"}, {"params", {{"id", id}}}}).dump();
      burst += "Content-Length: " + std::to_string(cancel.size()) + "\r\n\r\n" + cancel;
    }
  }
  std::thread writer([&] { client.send_raw(burst); }); // the server answers while we still write
  int cancelled = 0;
  int answered = 0;
  for (int64_t id : ids) {
    json response = client.wait_for_response(id, std::chrono::seconds(60));
    if (response.contains("result")) ++answered;
    else if (response.contains("error") && response["error"]["code"] == -32800) ++cancelled;
    else ADD_FAILURE() << response.dump();
  }
  writer.join();
  EXPECT_EQ(answered + cancelled, count); // exactly one answer each (a second would be left unclaimed)
  EXPECT_GT(cancelled, 0);
  EXPECT_LE(cancelled, count / 2);
  EXPECT_LT(peak_rss_mb(client.pid()), 200);
  expect_still_serving();
}

TEST(HostileClient, AClientThatStopsReadingMakesTheServerExitCleanly) {
  std::string cache = testing::make_temp_directory();
  LspClient client({"lsp"}, cache);
  client.initialize();
  client.close_output(); // the editor crashed: nobody reads what the server writes
  for (int i = 0; i < 200; ++i) { // fill the pipe; the server's next write fails with EPIPE
    try {
      client.send_request("textDocument/hover", {{"textDocument", {{"uri", "file:///x.py"}}},
                                                 {"position", {{"line", 0}, {"character", 0}}}});
    } catch (const std::exception &) {
      break; // the server is gone and closed its input
    }
  }
  std::optional<int> status = client.wait_for_exit();
  ASSERT_TRUE(status.has_value());
  EXPECT_LT(*status, 128) << "killed by a signal (SIGPIPE?) instead of exiting";
  std::filesystem::remove_all(cache);
}

TEST(HostileClient, AContentDirectoryThatBecomesUnreadableOrDisappearsAtRuntime) {
  std::string cache = testing::make_temp_directory();
  std::filesystem::path workspace = testing::make_temp_directory();
  std::filesystem::path tip = workspace / ".gloss" / "python" / "lambda.md";
  std::filesystem::create_directories(tip.parent_path());
  std::ofstream(tip) << "---\nid: python/lambda\ntitle: Team lambda\nlanguage: python\nlevel: beginner\n"
                        "query: |\n  (lambda) @construct\nlinks:\n  - title: Lambdas\n"
                        "    url: https://docs.python.org/3/reference/expressions.html#lambda\n---\nOur lambda.\n";
  LspClient client({"lsp"}, cache);
  client.request("initialize", {{"processId", nullptr}, {"rootUri", "file://" + workspace.string()},
                                {"capabilities", LspClient::default_capabilities()}});
  client.notify("initialized", json::object());
  client.notify("textDocument/didOpen", {{"textDocument", {{"uri", "file:///l.py"}, {"languageId", "python"},
                                                           {"version", 1}, {"text", "f = lambda x: x\n"}}}});
  auto hover_text = [&] {
    json answer = client.request("textDocument/hover", {{"textDocument", {{"uri", "file:///l.py"}}},
                                                        {"position", {{"line", 0}, {"character", 6}}}});
    return answer["result"].is_object() ? answer["result"]["contents"]["value"].get<std::string>() : "";
  };
  EXPECT_NE(hover_text().find("Team lambda"), std::string::npos);
  auto changed = [&](int type) {
    client.notify("workspace/didChangeWatchedFiles", {{"changes", {{{"uri", "file://" + tip.string()}, {"type", type}}}}});
  };
  // The tip becomes a named pipe: reading it would block forever.
  std::filesystem::remove(tip);
  ASSERT_EQ(::mkfifo(tip.c_str(), 0644), 0);
  changed(2);
  std::string after = hover_text();
  EXPECT_NE(after.find("**Lambda expression**"), std::string::npos) << after; // the built-in tip again
  // The folder becomes a file (unreadable as a folder; as root, permissions would not stop reading).
  std::filesystem::remove_all(workspace / ".gloss");
  std::ofstream(workspace / ".gloss") << "not a folder\n";
  changed(3);
  after = hover_text();
  EXPECT_NE(after.find("**Lambda expression**"), std::string::npos) << after;
  // And disappears.
  std::filesystem::remove(workspace / ".gloss");
  changed(3);
  after = hover_text();
  EXPECT_NE(after.find("**Lambda expression**"), std::string::npos) << after;
  client.stop();
  std::filesystem::remove_all(cache);
  std::filesystem::remove_all(workspace);
}

} // namespace
} // namespace gloss
