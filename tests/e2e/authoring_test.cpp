// Authoring in the editor: a snippet file open in the editor gets the
// problems `gloss lint` and `gloss test` would report, as diagnostics.
#include "lsp_client.h"
#include "snippet_text.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace gloss {
namespace {

using testing::json;
using testing::LspClient;

const std::string good_snippet = testing::tip_file("python/probe", "Probe", "(lambda) @construct", R"(Makes a small function.

## Example
```python
f = lambda: 0
#   ^
```
)");

std::string replace(std::string text, const std::string &from, const std::string &to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

struct Authoring : ::testing::Test {
  std::string cache = testing::make_temp_directory();
  LspClient client{{"lsp"}, cache};
  std::string uri = "file://" + cache + "/team/python/probe.md";

  void SetUp() override { client.initialize(); }
  void TearDown() override {
    client.stop();
    std::filesystem::remove_all(cache);
  }

  /// The diagnostics most recently published for `uri`, after a round trip
  /// guarantees every earlier notification has arrived.
  json latest_diagnostics() {
    client.request("shutdown-probe/unknown", json::object()); // answered MethodNotFound, in order
    json latest;
    for (const json &notification : client.notifications)
      if (notification["method"] == "textDocument/publishDiagnostics" && notification["params"]["uri"] == uri)
        latest = notification["params"]["diagnostics"];
    return latest;
  }

  void change(const std::string &text, int version) {
    client.notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", version}}},
                                             {"contentChanges", {{{"text", text}}}}});
  }
};

TEST_F(Authoring, ProblemsInAnOpenSnippetFileAreDiagnosticsAtTheirLines) {
  client.notify("textDocument/didOpen", {{"textDocument", {{"uri", uri}, {"languageId", "markdown"}, {"version", 1},
                                                           {"text", replace(good_snippet, "level: beginner", "level: guru")}}}});
  json diagnostics = latest_diagnostics();
  ASSERT_EQ(diagnostics.size(), 1u) << diagnostics.dump();
  EXPECT_EQ(diagnostics[0]["range"]["start"]["line"], 4);
  EXPECT_EQ(diagnostics[0]["severity"], 1);
  EXPECT_NE(diagnostics[0]["message"].get<std::string>().find("level 'guru'"), std::string::npos);

  // A query that does not compile, reported at its line; its example then fails too.
  change(replace(good_snippet, "(lambda) @construct", "(lambda_expression) @construct"), 2);
  diagnostics = latest_diagnostics();
  ASSERT_EQ(diagnostics.size(), 2u) << diagnostics.dump();
  EXPECT_EQ(diagnostics[0]["range"]["start"]["line"], 6);
  EXPECT_NE(diagnostics[0]["message"].get<std::string>().find("invalid node type 'lambda_expression'"), std::string::npos);
  EXPECT_EQ(diagnostics[1]["range"]["start"]["line"], 16);

  // A failing example marker, reported at the marker's line.
  change(replace(good_snippet, "#   ^\n", "#   ^\n#^\n"), 3);
  diagnostics = latest_diagnostics();
  ASSERT_EQ(diagnostics.size(), 1u) << diagnostics.dump();
  EXPECT_EQ(diagnostics[0]["range"]["start"]["line"], 17);
  EXPECT_NE(diagnostics[0]["message"].get<std::string>().find("missing: expected 'python/probe'"), std::string::npos);

  // Fixed: the diagnostics clear.
  change(good_snippet, 4);
  EXPECT_TRUE(latest_diagnostics().empty());
}

TEST_F(Authoring, ClosingASnippetFileClearsItsDiagnostics) {
  client.notify("textDocument/didOpen", {{"textDocument", {{"uri", uri}, {"languageId", "markdown"}, {"version", 1},
                                                           {"text", replace(good_snippet, "title: Probe\n", "")}}}});
  EXPECT_EQ(latest_diagnostics().size(), 1u);
  client.notify("textDocument/didClose", {{"textDocument", {{"uri", uri}}}});
  EXPECT_TRUE(latest_diagnostics().empty());
}

TEST_F(Authoring, OrdinaryMarkdownIsLeftAlone) {
  client.notify("textDocument/didOpen", {{"textDocument", {{"uri", uri}, {"languageId", "markdown"}, {"version", 1},
                                                           {"text", "# Notes\n\nNot a snippet.\n"}}}});
  EXPECT_TRUE(latest_diagnostics().is_null());
}

} // namespace
} // namespace gloss
