// "Add a team note for this construct": the code action writes a note into
// the team layer that passes `gloss lint` and `gloss test` as written.
#include "annotations.h"
#include "line_index.h"
#include "lsp_client.h"

#include <gtest/gtest.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <sys/wait.h>

namespace gloss {
namespace {

using testing::Annotations;
using testing::json;
using testing::LspClient;

struct Case {
  const char *language_id;
  const char *file;
  const char *code; ///< "^" marks the cursor
  const char *expected_id;
};

const Case cases[] = {
    {"python", "app.py", "def rename(session, user):\n    user.name = 'x'\n    session.com^mit()\n", "python/team-commit-calls"},
    {"javascript", "app.js", "async function load(id) {\n  const r = await fet^ch(`/u/${id}`);\n  return r.json();\n}\n",
     "javascript/team-fetch-calls"},
    {"typescript", "app.ts", "function f(xs: number[]): number {\n  return xs.red^uce((a, b) => a + b, 0);\n}\n",
     "typescript/team-reduce-calls"},
    {"cpp", "main.cpp", "#include <cstdlib>\nint main() {\n  void *p = std::mal^loc(4);\n  std::free(p);\n}\n",
     "cpp/team-malloc-calls"},
    {"c", "main.c", "#include <string.h>\nvoid f(char *d, const char *s) {\n  strc^py(d, s);\n}\n", "c/team-strcpy-calls"},
    {"go", "main.go", "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Print^ln(\"hi\")\n}\n", "go/team-println-calls"},
    {"rust", "main.rs", "fn main() {\n    let v = vec![1];\n    let n = v.iter().co^unt();\n    println!(\"{n}\");\n}\n",
     "rust/team-count-calls"},
    {"java", "App.java", "class App {\n  void run() {\n    System.out.prin^tln(\"hi\");\n  }\n}\n", "java/team-println-calls"},
    {"shellscript", "run.sh", "#!/bin/bash\nfor f in *.txt; do\n  ec^ho \"$f\"\ndone\n", "bash/team-echo-calls"},
};

int run(const std::string &command) {
  int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

struct TeamNote : ::testing::TestWithParam<Case> {
  std::string cache = testing::make_temp_directory();
  std::filesystem::path workspace = testing::make_temp_directory();
  void TearDown() override {
    std::filesystem::remove_all(cache);
    std::filesystem::remove_all(workspace);
  }
};

TEST_P(TeamNote, TheGeneratedNotePassesLintAndTestAndOpensInTheEditor) {
  const Case &c = GetParam();
  Annotations code(c.code);
  LspClient client({"lsp"}, cache);
  client.request("initialize", {{"processId", nullptr}, {"rootUri", "file://" + workspace.string()},
                                {"capabilities", LspClient::default_capabilities()}});
  client.notify("initialized", json::object());
  std::string uri = "file://" + (workspace / c.file).string();
  client.notify("textDocument/didOpen",
                {{"textDocument", {{"uri", uri}, {"languageId", c.language_id}, {"version", 1}, {"text", code.code()}}}});
  LineIndex lines(code.code());
  TextPosition position = lines.position_of(code.point(), PositionEncoding::Utf16, code.code());
  json point = {{"line", position.line}, {"character", position.character}};
  json actions = client.request("textDocument/codeAction", {{"textDocument", {{"uri", uri}}},
                                                            {"range", {{"start", point}, {"end", point}}},
                                                            {"context", {{"diagnostics", json::array()}}}});
  json command;
  for (const json &action : actions["result"])
    if (action["title"] == "Add a team note for this construct") command = action["command"];
  ASSERT_TRUE(command.is_object()) << actions.dump();

  json created = client.request("workspace/executeCommand", command);
  ASSERT_TRUE(created["result"].is_object()) << created.dump();
  EXPECT_EQ(created["result"]["id"], c.expected_id);
  std::string path = created["result"]["uri"].get<std::string>().substr(7);
  ASSERT_TRUE(std::filesystem::exists(path)) << path;
  EXPECT_EQ(path.rfind((workspace / ".gloss").string(), 0), 0u) << path;
  ASSERT_FALSE(client.server_requests.empty());
  EXPECT_EQ(client.server_requests.back()["method"], "window/showDocument");

  std::string content = (workspace / ".gloss").string();
  std::string gloss = "'" + testing::gloss_binary() + "'";
  EXPECT_EQ(run(gloss + " lint '" + content + "' > /dev/null"), 0) << std::ifstream(path).rdbuf();
  EXPECT_EQ(run(gloss + " test '" + content + "' > /dev/null"), 0) << std::ifstream(path).rdbuf();

  // A second note on the same construct gets its own file.
  json again = client.request("workspace/executeCommand", command);
  EXPECT_EQ(again["result"]["id"], std::string(c.expected_id) + "-2");
}

INSTANTIATE_TEST_SUITE_P(EveryLanguage, TeamNote, ::testing::ValuesIn(cases),
                         [](const ::testing::TestParamInfo<Case> &info) {
                           std::string name = info.param.language_id;
                           return name;
                         });

TEST(TeamNoteWithoutWorkspace, IsNotOffered) {
  std::string cache = testing::make_temp_directory();
  LspClient client({"lsp"}, cache);
  client.initialize();
  client.notify("textDocument/didOpen", {{"textDocument", {{"uri", "file:///a.py"}, {"languageId", "python"}, {"version", 1},
                                                           {"text", "print(1)\n"}}}});
  json actions = client.request("textDocument/codeAction", {{"textDocument", {{"uri", "file:///a.py"}}},
                                                            {"range", {{"start", {{"line", 0}, {"character", 1}}},
                                                                       {"end", {{"line", 0}, {"character", 1}}}}},
                                                            {"context", {{"diagnostics", json::array()}}}});
  for (const json &action : actions["result"]) EXPECT_NE(action["title"], "Add a team note for this construct");
  client.stop();
  std::filesystem::remove_all(cache);
}

} // namespace
} // namespace gloss
