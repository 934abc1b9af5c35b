// Content layers, end to end: built-in → gloss.toml content → editor settings
// → --content → the workspace's .gloss/ → the user's directory, each
// overriding the one before by id, and `disable` in gloss.toml.
#include "annotations.h"
#include "line_index.h"
#include "lsp_client.h"
#include "snippet_text.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace gloss {
namespace {

using testing::Annotations;
using testing::json;
using testing::LspClient;

void write_snippet(const std::filesystem::path &directory, const std::string &id, const std::string &title,
                   const std::string &query) {
  std::filesystem::path path = directory / (id + ".md");
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path) << testing::tip_file(id, title, query, "Explains it, " + title + ".\n");
}

const char *fixture = R"(xs = $lc^[x for x in y]
f = $lambda^lambda: 0
d = $dict^{k: v for k, v in z}
s = $set^{a for a in b}
g = $gen^(a for a in b)
if (n $walrus^:= 10) > 5:
    $yield^yield n
)";

struct Layers : ::testing::Test {
  std::string cache = testing::make_temp_directory();
  std::filesystem::path workspace = testing::make_temp_directory();
  std::filesystem::path settings = testing::make_temp_directory();
  std::filesystem::path flag = testing::make_temp_directory();
  std::filesystem::path user = std::filesystem::path(cache) / "config" / "gloss" / "content";

  void TearDown() override {
    for (const auto &directory : {std::filesystem::path(cache), workspace, settings, flag})
      std::filesystem::remove_all(directory);
  }

  /// initialize with `workspace` as the root (and `extra` params), then open the Python fixture.
  std::string start(LspClient &client, const Annotations &code, json extra = json::object()) {
    json params = {{"processId", nullptr}, {"rootUri", "file://" + workspace.string()},
                   {"capabilities", LspClient::default_capabilities()}};
    params.update(extra);
    client.request("initialize", params);
    client.notify("initialized", json::object());
    std::string uri = "file://" + (workspace / "app.py").string();
    client.notify("textDocument/didOpen",
                  {{"textDocument", {{"uri", uri}, {"languageId", "python"}, {"version", 1}, {"text", code.code()}}}});
    return uri;
  }

  std::string hover_text(LspClient &client, const std::string &uri, const Annotations &code, const std::string &point) {
    LineIndex lines(code.code());
    TextPosition position = lines.position_of(code.point(point), PositionEncoding::Utf16, code.code());
    json response = client.request("textDocument/hover", {{"textDocument", {{"uri", uri}}},
                                                          {"position", {{"line", position.line}, {"character", position.character}}}});
    return response["result"].is_object() ? response["result"]["contents"]["value"].get<std::string>() : "";
  }
};

TEST_F(Layers, EachLayerOverridesTheOneBelowByIdAndDisableRemovesTips) {
  std::ofstream(workspace / "gloss.toml") << "# team settings\ncontent = [\"team\"]\ndisable = [\"python/walrus-operator\", \"cpp/*\"]\n";
  write_snippet(workspace / "team", "python/list-comprehension", "Team list comprehension", "(list_comprehension) @construct");
  write_snippet(workspace / "team", "python/lambda", "Team lambda", "(lambda) @construct");
  write_snippet(settings, "python/lambda", "Settings lambda", "(lambda) @construct");
  write_snippet(settings, "python/dict-comprehension", "Settings dict comprehension", "(dictionary_comprehension) @construct");
  write_snippet(flag, "python/dict-comprehension", "Flag dict comprehension", "(dictionary_comprehension) @construct");
  write_snippet(flag, "python/set-comprehension", "Flag set comprehension", "(set_comprehension) @construct");
  write_snippet(workspace / ".gloss", "python/set-comprehension", "Workspace set comprehension", "(set_comprehension) @construct");
  write_snippet(workspace / ".gloss", "python/generator-expression", "Workspace generator expression", "(generator_expression) @construct");
  write_snippet(user, "python/generator-expression", "User generator expression", "(generator_expression) @construct");

  LspClient client({"lsp", "--content", flag.string()}, cache);
  Annotations code(fixture);
  std::string uri = start(client, code, {{"initializationOptions", {{"contentPaths", {settings.string()}}}}});

  EXPECT_NE(hover_text(client, uri, code, "lc").find("Team list comprehension"), std::string::npos);    // team > built-in
  EXPECT_NE(hover_text(client, uri, code, "lambda").find("Settings lambda"), std::string::npos);       // settings > gloss.toml
  EXPECT_NE(hover_text(client, uri, code, "dict").find("Flag dict comprehension"), std::string::npos); // --content > settings
  EXPECT_NE(hover_text(client, uri, code, "set").find("Workspace set comprehension"), std::string::npos); // .gloss > --content
  EXPECT_NE(hover_text(client, uri, code, "gen").find("User generator expression"), std::string::npos);   // user > .gloss
  EXPECT_EQ(hover_text(client, uri, code, "walrus").find("walrus"), std::string::npos);                 // disabled by id
  EXPECT_NE(hover_text(client, uri, code, "yield").find("**yield"), std::string::npos);                  // untouched built-in

  // "cpp/*" disables a whole family.
  Annotations cpp("int main() { auto f = $lambda^[](int a) { return a; }; return f(1); }\n");
  std::string cpp_uri = "file://" + (workspace / "main.cpp").string();
  client.notify("textDocument/didOpen",
                {{"textDocument", {{"uri", cpp_uri}, {"languageId", "cpp"}, {"version", 1}, {"text", cpp.code()}}}});
  EXPECT_EQ(hover_text(client, cpp_uri, cpp, "lambda"), "");
}

TEST_F(Layers, ATeamNoteIsShownBesideTheBuiltInTipNotInsteadOfIt) {
  std::filesystem::path note = workspace / ".gloss" / "python" / "lambda-house-rule.md";
  std::filesystem::create_directories(note.parent_path());
  std::ofstream(note) << "---\nid: python/lambda-house-rule\ntitle: Name your callbacks\nkind: note\nlanguage: python\n"
                         "level: beginner\nquery: |\n  (lambda) @construct\n---\nOur style guide asks for a def instead.\n";
  LspClient client({"lsp"}, cache);
  Annotations code(fixture);
  std::string uri = start(client, code);
  std::string text = hover_text(client, uri, code, "lambda");
  std::size_t tip = text.find("**Lambda");
  std::size_t heading = text.find("**Team note: Name your callbacks**");
  EXPECT_NE(tip, std::string::npos) << text;
  EXPECT_NE(heading, std::string::npos) << text;
  EXPECT_LT(tip, heading) << text;
  EXPECT_NE(text.find("Our style guide asks for a def instead."), std::string::npos) << text;
}

TEST_F(Layers, ABrokenGlossTomlIsReportedAndTheBuiltInPackStillServes) {
  std::ofstream(workspace / "gloss.toml") << "content = [\"team\"\ndisable = 3\n";
  LspClient client({"lsp"}, cache);
  Annotations code(fixture);
  // workspaceFolders takes precedence over rootUri (here: none).
  std::string uri = start(client, code,
                          {{"rootUri", nullptr}, {"workspaceFolders", {{{"uri", "file://" + workspace.string()}, {"name", "w"}}}}});
  EXPECT_NE(hover_text(client, uri, code, "lc").find("List comprehension"), std::string::npos);
  bool reported = false;
  for (const json &notification : client.notifications)
    if (notification["method"] == "window/logMessage" &&
        notification["params"]["message"].get<std::string>().find("gloss.toml:1: error: invalid TOML") != std::string::npos)
      reported = true;
  EXPECT_TRUE(reported);
}

TEST_F(Layers, ExplainUsesTheLayersOfTheFilesWorkspace) {
  std::ofstream(workspace / "gloss.toml") << "disable = [\"python/lambda\"]\n";
  write_snippet(workspace / ".gloss", "python/list-comprehension", "Workspace list comprehension", "(list_comprehension) @construct");
  std::filesystem::create_directories(workspace / "src");
  std::ofstream(workspace / "src" / "app.py") << "xs = [x for x in y]\nf = lambda: 0\n";
  auto explain = [&](const std::string &position) {
    return testing::capture_output("XDG_CONFIG_HOME='" + cache + "/config' '" + testing::gloss_binary() + "' explain '" +
                                   (workspace / "src" / "app.py").string() + "':" + position);
  };
  std::string comprehension = explain("1:6");
  EXPECT_NE(comprehension.find("Workspace list comprehension"), std::string::npos) << comprehension;
  std::string disabled = explain("2:5");
  EXPECT_NE(disabled.find("no tip"), std::string::npos) << disabled;
}

TEST_F(Layers, AnUntrustedWorkspaceLoadsNoContentOfItsOwnUntilTrusted) {
  std::ofstream(workspace / "gloss.toml") << "content = [\"team\"]\n";
  write_snippet(workspace / "team", "python/list-comprehension", "Team list comprehension", "(list_comprehension) @construct");
  write_snippet(workspace / ".gloss", "python/lambda", "Workspace lambda", "(lambda) @construct");
  write_snippet(settings, "python/set-comprehension", "Settings set comprehension", "(set_comprehension) @construct");
  write_snippet(user, "python/generator-expression", "User generator expression", "(generator_expression) @construct");

  LspClient client({"lsp"}, cache);
  Annotations code(fixture);
  std::string uri = start(client, code,
                          {{"initializationOptions", {{"workspaceTrusted", false}, {"contentPaths", {settings.string()}}}}});
  EXPECT_NE(hover_text(client, uri, code, "lc").find("**List comprehension**"), std::string::npos); // built-in, not the team's
  EXPECT_EQ(hover_text(client, uri, code, "lambda").find("Workspace lambda"), std::string::npos);
  EXPECT_EQ(hover_text(client, uri, code, "set").find("Settings set comprehension"), std::string::npos);
  EXPECT_NE(hover_text(client, uri, code, "gen").find("User generator expression"), std::string::npos); // the user's own
  LineIndex lines(code.code());
  TextPosition at = lines.position_of(code.point("lambda"), PositionEncoding::Utf16, code.code());
  json range = {{"start", {{"line", at.line}, {"character", at.character}}}, {"end", {{"line", at.line}, {"character", at.character}}}};
  json actions = client.request("textDocument/codeAction", {{"textDocument", {{"uri", uri}}}, {"range", range},
                                                            {"context", {{"diagnostics", json::array()}}}})["result"];
  for (const json &action : actions) EXPECT_NE(action["title"], "Add a team note for this construct");

  // The learner grants trust: the workspace's layers load at once.
  client.notify("workspace/didChangeConfiguration", {{"settings", {{"gloss", {{"workspaceTrusted", true}}}}}});
  EXPECT_NE(hover_text(client, uri, code, "lc").find("Team list comprehension"), std::string::npos);
  EXPECT_NE(hover_text(client, uri, code, "lambda").find("Workspace lambda"), std::string::npos);
  EXPECT_NE(hover_text(client, uri, code, "set").find("Settings set comprehension"), std::string::npos);
}

TEST_F(Layers, ContentFromAWorkspaceIsDataNeverMarkupThatActs) {
  std::filesystem::path tip = workspace / ".gloss" / "python" / "lambda.md";
  std::filesystem::create_directories(tip.parent_path());
  std::ofstream(tip) << "---\nid: python/lambda\ntitle: <b>Lambda</b>\nlanguage: python\nlevel: beginner\n"
                        "query: |\n  (lambda) @construct\nlinks:\n  - title: Lambdas\n"
                        "    url: https://docs.python.org/3/reference/expressions.html#lambda\n---\n"
                        "Click <img src=x onerror=alert(1)> [here](command:workbench.action.terminal.new) "
                        "or ![pixel](https://tracker.example/p.png).\n\n## More\n\n[again][r]\n\n[r]: file:///etc/passwd\n";
  LspClient client({"lsp"}, cache);
  Annotations code(fixture);
  std::string uri = start(client, code);
  std::string text = hover_text(client, uri, code, "lambda");
  ASSERT_NE(text.find("Click"), std::string::npos) << text;
  EXPECT_EQ(text.find("<img"), std::string::npos) << text;
  EXPECT_EQ(text.find("<b>"), std::string::npos) << text;
  EXPECT_EQ(text.find("command:"), std::string::npos) << text;
  EXPECT_EQ(text.find("tracker.example"), std::string::npos) << text;
  EXPECT_NE(text.find("here"), std::string::npos) << text; // the link's text stays

  LineIndex lines(code.code());
  TextPosition at = lines.position_of(code.point("lambda"), PositionEncoding::Utf16, code.code());
  json position = {{"line", at.line}, {"character", at.character}};
  json explained = client.request("workspace/executeCommand",
                                  {{"command", "gloss.explain"}, {"arguments", {{{"uri", uri}, {"position", position}}}}});
  std::string markdown = explained["result"]["markdown"];
  EXPECT_EQ(markdown.find("file:///etc/passwd"), std::string::npos) << markdown;
  EXPECT_EQ(markdown.find("command:"), std::string::npos) << markdown;
  EXPECT_EQ(markdown.find("<img"), std::string::npos) << markdown;
}

} // namespace
} // namespace gloss
