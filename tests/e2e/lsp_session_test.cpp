// End to end: the real `gloss lsp` binary, driven over pipes like an editor.
#include "annotations.h"
#include "line_index.h"
#include "lsp_client.h"
#include "snippet_text.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <thread>

namespace gloss {
namespace {

using testing::Annotations;
using testing::json;
using testing::LspClient;

json position_json(const Annotations &code, uint32_t offset, PositionEncoding encoding = PositionEncoding::Utf16) {
  LineIndex index(code.code());
  TextPosition position = index.position_of(offset, encoding, code.code());
  return {{"line", position.line}, {"character", position.character}};
}

json position_params(const std::string &uri, const json &position) {
  return {{"textDocument", {{"uri", uri}}}, {"position", position}};
}

struct Session : ::testing::Test {
  std::string cache = testing::make_temp_directory();
  void TearDown() override { std::filesystem::remove_all(cache); }
};

const char *python_fixture = R"(def evens(limit):
    return [n * n ^for n in range(limit) if n % 2 == 0]


squares = {k: k $dict^* k for k in range(3)}
)";

TEST_F(Session, InitializeHoverChangeCodeActionExplainShutdown) {
  LspClient client({"lsp"}, cache);
  json init = client.initialize();
  json capabilities = init["result"]["capabilities"];
  EXPECT_EQ(capabilities["positionEncoding"], "utf-16");
  EXPECT_EQ(capabilities["textDocumentSync"]["change"], 2);
  EXPECT_EQ(capabilities["hoverProvider"], true);
  EXPECT_EQ(init["result"]["serverInfo"]["name"], "gloss");

  Annotations code(python_fixture);
  std::string uri = "file:///project/evens.py";
  client.notify("textDocument/didOpen",
                {{"textDocument", {{"uri", uri}, {"languageId", "python"}, {"version", 1}, {"text", code.code()}}}});

  // Hover on the list comprehension.
  json hover = client.request("textDocument/hover", position_params(uri, position_json(code, code.point())));
  ASSERT_TRUE(hover["result"].is_object()) << hover.dump();
  EXPECT_EQ(hover["result"]["contents"]["kind"], "markdown");
  std::string text = hover["result"]["contents"]["value"];
  EXPECT_NE(text.find("**List comprehension**"), std::string::npos) << text;
  EXPECT_NE(text.find("Learn more: [Python tutorial"), std::string::npos) << text;
  // The tip's range is the whole comprehension, brackets included.
  uint32_t start = static_cast<uint32_t>(code.code().find('['));
  uint32_t end = static_cast<uint32_t>(code.code().find(']')) + 1;
  EXPECT_EQ(hover["result"]["range"]["start"], position_json(code, start));
  EXPECT_EQ(hover["result"]["range"]["end"], position_json(code, end));

  // Hover on the dict comprehension.
  json dict_hover = client.request("textDocument/hover", position_params(uri, position_json(code, code.point("dict"))));
  EXPECT_NE(dict_hover["result"]["contents"]["value"].get<std::string>().find("Dictionary comprehension"), std::string::npos)
      << dict_hover.dump();

  // Incremental edit: turn the list comprehension into a generator expression.
  json open_bracket = position_json(code, start);
  json after_open = {{"line", open_bracket["line"]}, {"character", open_bracket["character"].get<int>() + 1}};
  json close_bracket = position_json(code, end - 1);
  json after_close = {{"line", close_bracket["line"]}, {"character", close_bracket["character"].get<int>() + 1}};
  client.notify("textDocument/didChange",
                {{"textDocument", {{"uri", uri}, {"version", 2}}},
                 {"contentChanges",
                  {{{"range", {{"start", close_bracket}, {"end", after_close}}}, {"text", ")"}},
                   {{"range", {{"start", open_bracket}, {"end", after_open}}}, {"text", "sum("}}}}});
  json after = client.request("textDocument/hover", position_params(uri, position_json(code, code.point())));
  std::string after_text = after["result"]["contents"]["value"];
  // "sum(n * n for ...)" is a call whose sole argument is a generator expression.
  EXPECT_NE(after_text.find("Generator expression"), std::string::npos) << after_text;

  // Code actions at the dict comprehension.
  json actions = client.request("textDocument/codeAction",
                                {{"textDocument", {{"uri", uri}}},
                                 {"range", {{"start", position_json(code, code.point("dict"))},
                                            {"end", position_json(code, code.point("dict"))}}},
                                 {"context", {{"diagnostics", json::array()}}}});
  ASSERT_TRUE(actions["result"].is_array()) << actions.dump();
  ASSERT_FALSE(actions["result"].empty());
  json action = actions["result"][0];
  EXPECT_EQ(action["title"], "Explain this: Dictionary comprehension");
  EXPECT_EQ(action["command"]["command"], "gloss.explain");

  // Execute it: the explanation comes back, is written to the cache and shown.
  json explained = client.request("workspace/executeCommand",
                                  {{"command", action["command"]["command"]}, {"arguments", action["command"]["arguments"]}});
  ASSERT_TRUE(explained["result"].is_object()) << explained.dump();
  std::string markdown = explained["result"]["markdown"];
  EXPECT_NE(markdown.find("# Dictionary comprehension"), std::string::npos);
  EXPECT_NE(markdown.find("## In your code"), std::string::npos);
  EXPECT_NE(markdown.find("{k: k * k for k in range(3)}"), std::string::npos) << markdown;
  std::string explained_uri = explained["result"]["uri"];
  std::string path = explained_uri.substr(std::string("file://").size());
  EXPECT_EQ(path.rfind(cache, 0), 0u) << path;
  std::ifstream written(path);
  std::string on_disk((std::istreambuf_iterator<char>(written)), {});
  EXPECT_EQ(on_disk, markdown);
  ASSERT_EQ(client.server_requests.size(), 1u);
  EXPECT_EQ(client.server_requests[0]["method"], "window/showDocument");
  EXPECT_EQ(client.server_requests[0]["params"]["uri"], explained_uri);

  client.notify("textDocument/didClose", {{"textDocument", {{"uri", uri}}}});
  json closed = client.request("textDocument/hover", position_params(uri, position_json(code, code.point())));
  EXPECT_TRUE(closed["result"].is_null());

  json shutdown = client.request("shutdown", nullptr);
  EXPECT_TRUE(shutdown.contains("result") && shutdown["result"].is_null()) << shutdown.dump();
  client.notify("exit", nullptr);
  EXPECT_EQ(client.wait_for_exit(), 0);
}

// An editor sends a didChange per keystroke; the server parses once, when
// the hover needs the tree, and that tree matches the typed text.
TEST_F(Session, AHoverAfterABurstOfKeystrokesSeesEveryOne) {
  LspClient client({"lsp"}, cache);
  client.initialize();
  std::string uri = "file:///project/typing.py";
  client.notify("textDocument/didOpen",
                {{"textDocument", {{"uri", uri}, {"languageId", "python"}, {"version", 1}, {"text", "total = 0\n"}}}});
  Annotations typed("total = sum([n ^for n in range(9)])");
  int version = 1;
  for (std::size_t column = 0; column < typed.code().size(); ++column) {
    json at = {{"line", 1}, {"character", column}};
    client.notify("textDocument/didChange",
                  {{"textDocument", {{"uri", uri}, {"version", ++version}}},
                   {"contentChanges", {{{"range", {{"start", at}, {"end", at}}}, {"text", typed.code().substr(column, 1)}}}}});
  }
  json hover = client.request("textDocument/hover", position_params(uri, {{"line", 1}, {"character", typed.point()}}));
  ASSERT_TRUE(hover["result"].is_object()) << hover.dump();
  EXPECT_NE(hover["result"]["contents"]["value"].get<std::string>().find("List comprehension"), std::string::npos)
      << hover.dump();
  EXPECT_EQ(hover["result"]["range"]["start"], json({{"line", 1}, {"character", typed.code().find('[')}}));
  EXPECT_EQ(hover["result"]["range"]["end"], json({{"line", 1}, {"character", typed.code().find(']') + 1}}));
}

// A syntax error near the top of a long file makes every reparse start over
// (hundreds of ms on 10k lines), so the server parses such a file on another
// thread. Whichever way it goes, hovers keep coming and soon reflect the edit.
TEST_F(Session, HoversStayCorrectWhileALongBrokenFileIsEdited) {
  LspClient client({"lsp"}, cache);
  client.initialize();
  std::string text = "broken = (1,\n";
  // 1000 functions: long enough for error recovery to make reparses slow,
  // short enough for the sanitizer build, whose allocator slows it ~15x.
  constexpr int functions = 1000;
  for (int i = 0; i < functions; ++i) text += "def f" + std::to_string(i) + "(x):\n    return x\n";
  text += "tail = [n for n in range(3)]\n";
  uint32_t last_line = 1 + 2 * functions;
  std::string uri = "file:///project/broken.py";
  client.notify("textDocument/didOpen",
                {{"textDocument", {{"uri", uri}, {"languageId", "python"}, {"version", 1}, {"text", text}}}});
  json at_tail = {{"line", last_line}, {"character", 8}};
  json line_start = {{"line", last_line}, {"character", 0}};
  json after_hash = {{"line", last_line}, {"character", 1}};
  int version = 1;
  auto change = [&](const json &from, const json &to, const std::string &inserted) {
    client.notify("textDocument/didChange",
                  {{"textDocument", {{"uri", uri}, {"version", ++version}}},
                   {"contentChanges", {{{"range", {{"start", from}, {"end", to}}}, {"text", inserted}}}}});
  };
  for (int i = 0; i < 4; ++i) { // comment the last line out and back in, hovering each time
    change(line_start, line_start, "#");
    EXPECT_TRUE(client.request("textDocument/hover", position_params(uri, at_tail)).contains("result"));
    change(line_start, after_hash, "");
    EXPECT_TRUE(client.request("textDocument/hover", position_params(uri, at_tail)).contains("result"));
  }
  change(line_start, line_start, "total = sum");
  json tuple_end = {{"line", 0}, {"character", 12}};
  change(tuple_end, tuple_end, ")"); // the file parses cleanly from here on
  // The last line now reads "total = sumtail = [n for ...]"; hover the comprehension until the tree has caught up.
  json at_comprehension = {{"line", last_line}, {"character", std::string("total = sumtail = [n ").size()}};
  std::string value;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    json hover = client.request("textDocument/hover", position_params(uri, at_comprehension));
    value = hover["result"].is_object() ? hover["result"]["contents"]["value"].get<std::string>() : "";
    if (value.find("List comprehension") != std::string::npos) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_NE(value.find("List comprehension"), std::string::npos) << value;
}

/// A long Python document and a short one that starts the same way, for the
/// tests of long documents parsed on the parser thread.
struct LongDocument : Session {
  LspClient client{{"lsp"}, cache};
  Annotations first_function{"def f(limit):\n    return [n ^for n in range(limit)]\n\n"};
  json in_comprehension = position_json(first_function, first_function.point());
  std::string long_uri = "file:///project/long.py";
  std::string short_uri = "file:///project/short.py";

  void SetUp() override { client.initialize(); }
  void TearDown() override {
    client.stop(); // before the directories it writes to go
    Session::TearDown();
  }

  /// About 1 MB: well over the size parsed in place, and tens of ms to parse
  /// (hundreds in the sanitizer build), while a short document's hover takes one.
  void open_long() {
    std::string text = first_function.code();
    while (text.size() < (1u << 20)) text += "def g(limit):\n    return [n for n in range(limit)]\n\n";
    open(long_uri, text);
  }
  void open_short() { open(short_uri, first_function.code()); }
  void open(const std::string &uri, const std::string &text) {
    client.notify("textDocument/didOpen",
                  {{"textDocument", {{"uri", uri}, {"languageId", "python"}, {"version", 1}, {"text", text}}}});
  }
  int64_t hover(const std::string &uri) {
    return client.send_request("textDocument/hover", position_params(uri, in_comprehension));
  }
  /// Where the response to `id` came among all responses so far.
  std::ptrdiff_t arrival(int64_t id) const {
    return std::find(client.response_ids.begin(), client.response_ids.end(), json(id)) - client.response_ids.begin();
  }
  static std::string tip_of(const json &answer) {
    return answer["result"].is_object() ? answer["result"]["contents"]["value"].get<std::string>() : answer.dump();
  }
};

// A long document is parsed on the parser thread when it opens: requests
// about it wait for that parse, in order, and the others go on meanwhile.
TEST_F(LongDocument, OpeningItHoldsUpOnlyTheRequestsAboutIt) {
  open_long();
  int64_t long_hover = hover(long_uri);
  int64_t cancelled_at_once = hover(long_uri);
  int64_t cancelled_later = hover(long_uri);
  client.notify("$/cancelRequest", {{"id", cancelled_at_once}});
  open_short();
  int64_t short_hover = hover(short_uri);
  json short_answer = client.wait_for_response(short_hover);
  client.notify("$/cancelRequest", {{"id", cancelled_later}}); // the server holds it by now
  json long_answer = client.wait_for_response(long_hover);

  EXPECT_NE(tip_of(short_answer).find("List comprehension"), std::string::npos);
  EXPECT_NE(tip_of(long_answer).find("List comprehension"), std::string::npos);
  for (int64_t cancelled : {cancelled_at_once, cancelled_later})
    EXPECT_EQ(client.wait_for_response(cancelled)["error"]["code"], -32800) << cancelled;
  EXPECT_LT(arrival(short_hover), arrival(long_hover)) << "the short document did not wait";
  EXPECT_LT(arrival(cancelled_at_once), arrival(short_hover)) << "answered when cancelled";
  EXPECT_LT(arrival(cancelled_later), arrival(long_hover)) << "answered when cancelled, while held";

  // Once parsed, the long document answers at once, edits included.
  json line_start = {{"line", 0}, {"character", 0}};
  client.notify("textDocument/didChange",
                {{"textDocument", {{"uri", long_uri}, {"version", 2}}},
                 {"contentChanges", {{{"range", {{"start", line_start}, {"end", line_start}}}, {"text", "import os\n"}}}}});
  json moved = in_comprehension;
  moved["line"] = moved["line"].get<int>() + 1;
  json after_edit = client.request("textDocument/hover", position_params(long_uri, moved));
  ASSERT_TRUE(after_edit["result"].is_object()) << after_edit.dump();
  EXPECT_EQ(after_edit["result"]["range"]["start"]["line"], 2);
}

// The tree of a long document is dropped when another document is used
// (trees are kept for 512 KB of text); its next request waits for a parse on
// the parser thread, and requests about other documents do not.
TEST_F(LongDocument, WhenItsTreeWasDroppedItIsParsedAgainWithoutHoldingUpTheOthers) {
  open_long();
  EXPECT_NE(tip_of(client.wait_for_response(hover(long_uri))).find("List comprehension"), std::string::npos);
  open_short();
  client.wait_for_response(hover(short_uri)); // the long document's tree goes

  int64_t long_hover = hover(long_uri);
  int64_t short_hover = hover(short_uri);
  EXPECT_NE(tip_of(client.wait_for_response(short_hover)).find("List comprehension"), std::string::npos);
  EXPECT_NE(tip_of(client.wait_for_response(long_hover)).find("List comprehension"), std::string::npos);
  EXPECT_LT(arrival(short_hover), arrival(long_hover)) << "the short document did not wait";
}

// An editor may send a whole new text (a change without a range, as after a
// reformat): a long one is parsed on the parser thread too.
TEST_F(LongDocument, WhenItsWholeTextIsReplacedItIsParsedWithoutHoldingUpTheOthers) {
  open_long();
  open_short();
  client.wait_for_response(hover(long_uri));
  std::string replaced = first_function.code();
  while (replaced.size() < (1u << 20)) replaced += "def h(limit):\n    return [n for n in range(limit)]\n\n";
  client.notify("textDocument/didChange",
                {{"textDocument", {{"uri", long_uri}, {"version", 2}}}, {"contentChanges", {{{"text", replaced}}}}});
  int64_t long_hover = hover(long_uri);
  int64_t short_hover = hover(short_uri);
  EXPECT_NE(tip_of(client.wait_for_response(short_hover)).find("List comprehension"), std::string::npos);
  EXPECT_NE(tip_of(client.wait_for_response(long_hover)).find("List comprehension"), std::string::npos);
  EXPECT_LT(arrival(short_hover), arrival(long_hover)) << "the short document did not wait";
}

TEST_F(Session, TheLearnersLevelChoosesTheTipsAndChangesAtOnce) {
  LspClient client({"lsp"}, cache);
  client.initialize(LspClient::default_capabilities(), {{"level", "advanced"}});
  Annotations code("xs = [x $beginner^for x in y]\n$advanced^async def f():\n    pass\n");
  client.notify("textDocument/didOpen",
                {{"textDocument", {{"uri", "file:///l.py"}, {"languageId", "python"}, {"version", 1}, {"text", code.code()}}}});
  auto hover = [&](const std::string &point) {
    json response = client.request("textDocument/hover", position_params("file:///l.py", position_json(code, code.point(point))));
    return response["result"].is_object() ? response["result"]["contents"]["value"].get<std::string>() : "";
  };
  EXPECT_EQ(hover("beginner"), "");                                            // advanced: no beginner tips
  EXPECT_NE(hover("advanced").find("async def"), std::string::npos);            // but advanced ones
  client.notify("workspace/didChangeConfiguration", {{"settings", {{"gloss", {{"level", "beginner"}}}}}});
  EXPECT_NE(hover("beginner").find("List comprehension"), std::string::npos);  // beginner: beginner tips
  EXPECT_EQ(hover("advanced"), "");                                            // and no advanced ones
  client.notify("workspace/didChangeConfiguration", {{"settings", {{"gloss", {{"level", "expert"}}}}}});
  EXPECT_NE(hover("beginner").find("List comprehension"), std::string::npos);  // a bad value changes nothing
  client.notify("workspace/didChangeConfiguration", {{"settings", {{"gloss", {{"level", "intermediate"}}}}}});
  EXPECT_NE(hover("beginner").find("List comprehension"), std::string::npos);  // intermediate: everything
  EXPECT_NE(hover("advanced").find("async def"), std::string::npos);
}

TEST_F(Session, PlainTextClientsGetPlainText) {
  LspClient client({"lsp"}, cache);
  client.initialize(json::object());
  Annotations code("f = lambda x: x ^+ 1\n");
  client.notify("textDocument/didOpen",
                {{"textDocument", {{"uri", "file:///a.py"}, {"languageId", "python"}, {"version", 1}, {"text", code.code()}}}});
  json hover = client.request("textDocument/hover", position_params("file:///a.py", position_json(code, code.point())));
  EXPECT_EQ(hover["result"]["contents"]["kind"], "plaintext");
  std::string text = hover["result"]["contents"]["value"];
  EXPECT_NE(text.find("Lambda"), std::string::npos);
  EXPECT_EQ(text.find("**"), std::string::npos) << text;
  EXPECT_EQ(text.find("]("), std::string::npos) << text;
}

TEST_F(Session, Utf16PositionsCountEmojiAsTwoUnits) {
  LspClient client({"lsp"}, cache);
  client.initialize();
  Annotations code("label = '\xF0\x9F\x98\x80\xF0\x9F\x98\x80'; f = (a) [[^=>]] a;\n");
  client.notify("textDocument/didOpen",
                {{"textDocument", {{"uri", "file:///a.js"}, {"languageId", "javascript"}, {"version", 1}, {"text", code.code()}}}});
  json position = position_json(code, code.point());
  EXPECT_EQ(position["character"], 24); // 2 emoji = 4 UTF-16 units (8 bytes)
  json hover = client.request("textDocument/hover", position_params("file:///a.js", position));
  ASSERT_TRUE(hover["result"].is_object()) << hover.dump();
  EXPECT_NE(hover["result"]["contents"]["value"].get<std::string>().find("Arrow function"), std::string::npos);
  auto [start, end] = code.range();
  EXPECT_EQ(hover["result"]["range"]["start"], position_json(code, start));
  EXPECT_EQ(hover["result"]["range"]["end"], position_json(code, end));
}

TEST_F(Session, Utf8IsNegotiatedWhenOffered) {
  LspClient client({"lsp"}, cache);
  json capabilities = LspClient::default_capabilities();
  capabilities["general"] = {{"positionEncodings", {"utf-8", "utf-16"}}};
  json init = client.initialize(capabilities);
  EXPECT_EQ(init["result"]["capabilities"]["positionEncoding"], "utf-8");
  Annotations code("name = '\xE6\x97\xA5\xE6\x9C\xAC'\nvalues = [v ^for v in name]\n");
  client.notify("textDocument/didOpen",
                {{"textDocument", {{"uri", "file:///a.py"}, {"languageId", "python"}, {"version", 1}, {"text", code.code()}}}});
  // Edit the CJK line with byte columns: replace "日本" (bytes 8..14) by "ab".
  client.notify("textDocument/didChange",
                {{"textDocument", {{"uri", "file:///a.py"}, {"version", 2}}},
                 {"contentChanges", {{{"range", {{"start", {{"line", 0}, {"character", 8}}}, {"end", {{"line", 0}, {"character", 14}}}}},
                                      {"text", "ab"}}}}});
  json hover = client.request("textDocument/hover",
                              position_params("file:///a.py", position_json(code, code.point(), PositionEncoding::Utf8)));
  ASSERT_TRUE(hover["result"].is_object()) << hover.dump();
  EXPECT_NE(hover["result"]["contents"]["value"].get<std::string>().find("List comprehension"), std::string::npos);
}

TEST_F(Session, ContentDirectoriesLayerOverTheBuiltInPack) {
  std::string team = testing::make_temp_directory();
  std::filesystem::create_directories(team + "/python");
  std::ofstream(team + "/python/lambda.md")
      << testing::tip_file("python/lambda", "Team lambda", "(lambda) @construct", "Our house rule: name your functions.\n");
  std::string options = testing::make_temp_directory();
  std::filesystem::create_directories(options + "/python");
  std::ofstream(options + "/python/note.md") << R"(---
id: python/print-note
title: Use the logger
kind: note
language: python
level: beginner
query: |
  (call function: (identifier) @_f (#eq? @_f "print")) @construct
---
In this codebase, log with `log.info` instead of `print`.
)";
  LspClient client({"lsp", "--content", team}, cache);
  client.initialize(LspClient::default_capabilities(), {{"contentPaths", {options}}});
  Annotations code("f = lambda x: ^x\np^rint(f(1))\n");
  client.notify("textDocument/didOpen",
                {{"textDocument", {{"uri", "file:///a.py"}, {"languageId", "python"}, {"version", 1}, {"text", code.code()}}}});
  auto points = code.points();
  json hover = client.request("textDocument/hover", position_params("file:///a.py", position_json(code, points[0])));
  EXPECT_NE(hover["result"]["contents"]["value"].get<std::string>().find("Team lambda"), std::string::npos) << hover.dump();
  json note = client.request("textDocument/hover", position_params("file:///a.py", position_json(code, points[1])));
  // No built-in tip explains a plain call, so the team note stands alone.
  std::string note_text = note["result"]["contents"]["value"];
  EXPECT_NE(note_text.find("**Team note: Use the logger**"), std::string::npos) << note.dump();
  std::filesystem::remove_all(team);
  std::filesystem::remove_all(options);
}

} // namespace
} // namespace gloss
