// Hot reload: edits to content files take effect without a restart, through
// workspace/didChangeWatchedFiles or, when the client cannot send it, the
// server's own inotify watch. A broken edit keeps the previous good version.
#include "lsp_client.h"
#include "snippet_text.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>

namespace gloss {
namespace {

using testing::json;
using testing::LspClient;

struct Reload : ::testing::Test {
  std::string cache = testing::make_temp_directory();
  std::filesystem::path workspace = testing::make_temp_directory();
  std::filesystem::path snippet = workspace / ".gloss" / "python" / "list-comprehension.md";
  std::string uri = "file://" + (workspace / "app.py").string();

  void SetUp() override {
    std::filesystem::create_directories(snippet.parent_path());
    write_title("Version A");
  }
  void TearDown() override {
    std::filesystem::remove_all(cache);
    std::filesystem::remove_all(workspace);
  }

  void write_title(const std::string &title) {
    // Written beside and renamed over, as editors save.
    std::filesystem::path temporary = snippet.string() + ".tmp";
    std::ofstream(temporary) << testing::tip_file("python/list-comprehension", title, "(list_comprehension) @construct",
                                                  "Team text.\n");
    std::filesystem::rename(temporary, snippet);
  }

  void start(LspClient &client, json capabilities) {
    client.request("initialize", {{"processId", nullptr}, {"rootUri", "file://" + workspace.string()},
                                  {"capabilities", std::move(capabilities)}});
    client.notify("initialized", json::object());
    client.notify("textDocument/didOpen", {{"textDocument", {{"uri", uri}, {"languageId", "python"}, {"version", 1},
                                                             {"text", "xs = [x for x in y]\n"}}}});
  }

  std::string hover(LspClient &client) {
    json response = client.request("textDocument/hover",
                                   {{"textDocument", {{"uri", uri}}}, {"position", {{"line", 0}, {"character", 5}}}});
    return response["result"].is_object() ? response["result"]["contents"]["value"].get<std::string>() : "";
  }

  void changed(LspClient &client) {
    client.notify("workspace/didChangeWatchedFiles",
                  {{"changes", {{{"uri", "file://" + snippet.string()}, {"type", 2}}}}});
  }
};

TEST_F(Reload, WatchedFileNotificationsReloadAndABrokenEditKeepsTheLastGoodVersion) {
  LspClient client({"lsp"}, cache);
  json capabilities = LspClient::default_capabilities();
  capabilities["workspace"] = {{"didChangeWatchedFiles", {{"dynamicRegistration", true}}}};
  start(client, capabilities);
  EXPECT_NE(hover(client).find("Version A"), std::string::npos);

  bool registered = false;
  for (const json &request : client.server_requests)
    if (request["method"] == "client/registerCapability" &&
        request["params"].dump().find((workspace / ".gloss").string() + "/**/*.md") != std::string::npos)
      registered = true;
  EXPECT_TRUE(registered);

  write_title("Version B");
  changed(client);
  EXPECT_NE(hover(client).find("Version B"), std::string::npos);

  std::ofstream(snippet) << "---\nid: [broken\n---\n";
  changed(client);
  EXPECT_NE(hover(client).find("Version B"), std::string::npos); // the last good version stays
  bool told = false;
  for (const json &notification : client.notifications)
    if (notification["method"] == "window/showMessage" &&
        notification["params"]["message"].get<std::string>().find("keeping the previous version") != std::string::npos)
      told = true;
  EXPECT_TRUE(told);

  write_title("Version C");
  changed(client);
  EXPECT_NE(hover(client).find("Version C"), std::string::npos);

  std::filesystem::remove(snippet); // deleted: the built-in tip is back
  changed(client);
  EXPECT_NE(hover(client).find("**List comprehension**"), std::string::npos);
}

TEST_F(Reload, ChangedContentPathsSettingsTakeEffect) {
  std::filesystem::path team = testing::make_temp_directory();
  std::filesystem::create_directories(team / "python");
  std::ofstream(team / "python" / "lambda.md") << testing::tip_file("python/lambda", "Settings lambda", "(lambda) @construct", "T.\n");
  LspClient client({"lsp"}, cache);
  start(client, LspClient::default_capabilities());
  client.notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", 2}}},
                                           {"contentChanges", {{{"text", "f = lambda: 0\n"}}}}});
  EXPECT_EQ(hover(client).find("Settings lambda"), std::string::npos);
  client.notify("workspace/didChangeConfiguration", {{"settings", {{"gloss", {{"contentPaths", {team.string()}}}}}}});
  EXPECT_NE(hover(client).find("Settings lambda"), std::string::npos);
  client.notify("workspace/didChangeConfiguration", {{"settings", {{"gloss", {{"contentPaths", json::array()}}}}}});
  EXPECT_EQ(hover(client).find("Settings lambda"), std::string::npos);
  std::filesystem::remove_all(team);
}

TEST_F(Reload, WithoutClientSupportTheServerWatchesTheFilesItself) {
  LspClient client({"lsp"}, cache);
  start(client, LspClient::default_capabilities());
  EXPECT_NE(hover(client).find("Version A"), std::string::npos);
  write_title("Version B");
  std::string text;
  for (int attempt = 0; attempt < 100 && text.find("Version B") == std::string::npos; ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    text = hover(client);
  }
  EXPECT_NE(text.find("Version B"), std::string::npos) << text;

  // A team layer that appears after start is picked up too.
  std::filesystem::path added = workspace / ".gloss" / "python" / "lambda.md";
  std::ofstream(added) << testing::tip_file("python/lambda", "Team lambda", "(lambda) @construct", "T.\n");
  client.notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", 2}}},
                                           {"contentChanges", {{{"text", "f = lambda: 0\n"}}}}});
  for (int attempt = 0; attempt < 100 && text.find("Team lambda") == std::string::npos; ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    json response = client.request("textDocument/hover",
                                   {{"textDocument", {{"uri", uri}}}, {"position", {{"line", 0}, {"character", 5}}}});
    text = response["result"].is_object() ? response["result"]["contents"]["value"].get<std::string>() : "";
  }
  EXPECT_NE(text.find("Team lambda"), std::string::npos) << text;
}

} // namespace
} // namespace gloss
