// End to end: the learner's state through the real binary — muting, brief
// hovers, feedback and `gloss stats`, concepts and learning mode, explain
// pages, and the state file under kill -9 and two servers at once.
#include "annotations.h"
#include "line_index.h"
#include "lsp_client.h"

#include <gtest/gtest.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

namespace gloss {
namespace {

using testing::Annotations;
using testing::json;
using testing::LspClient;

const char *fixture = R"(import functools


@functools.$decorator^cache
def evens(limit):
    return [n * n $first^for n in range(limit) if n % 2 == 0]


def odds(limit):
    return [n $second^for n in range(limit) if n % 2]


squares = lambda limit: [n * n $third^for n in range(limit)]
)";

const std::string uri = "file:///project/evens.py";

struct Learner : ::testing::Test {
  std::string cache = testing::make_temp_directory();
  std::filesystem::path state_file = std::filesystem::path(cache) / "state" / "gloss" / "learner.tsv";
  Annotations code{fixture};
  void TearDown() override { std::filesystem::remove_all(cache); }

  json at(const std::string &point) const {
    LineIndex lines(code.code());
    TextPosition position = lines.position_of(code.point(point), PositionEncoding::Utf16, code.code());
    return {{"line", position.line}, {"character", position.character}};
  }
  void open(LspClient &client) const {
    client.notify("textDocument/didOpen",
                  {{"textDocument", {{"uri", uri}, {"languageId", "python"}, {"version", 1}, {"text", code.code()}}}});
  }
  std::string hover(LspClient &client, const std::string &point) const {
    json response = client.request("textDocument/hover", {{"textDocument", {{"uri", uri}}}, {"position", at(point)}});
    return response["result"].is_null() ? std::string() : response["result"]["contents"]["value"].get<std::string>();
  }
  json actions(LspClient &client, const std::string &point) const {
    return client.request("textDocument/codeAction", {{"textDocument", {{"uri", uri}}},
                                                      {"range", {{"start", at(point)}, {"end", at(point)}}},
                                                      {"context", {{"diagnostics", json::array()}}}})["result"];
  }
  static json find_action(const json &actions, const std::string &title) {
    for (const json &action : actions)
      if (action["title"] == title) return action;
    return nullptr;
  }
  static json run(LspClient &client, const json &action) {
    return client.request("workspace/executeCommand",
                          {{"command", action["command"]["command"]}, {"arguments", action["command"]["arguments"]}});
  }
  static void finish(LspClient &client) {
    client.request("shutdown", nullptr);
    client.notify("exit", nullptr);
    EXPECT_EQ(client.wait_for_exit(), 0);
  }
  json stats() const {
    std::string output = testing::capture_output(testing::gloss_binary() + " stats --json --state " + state_file.string());
    json parsed = json::parse(output, nullptr, false);
    EXPECT_FALSE(parsed.is_discarded()) << output;
    json by_id = json::object();
    for (const json &tip : parsed["tips"]) by_id[tip["id"].get<std::string>()] = tip;
    return by_id;
  }
};

TEST_F(Learner, IKnowThisMutesATipUntilShowAgain) {
  LspClient client({"lsp"}, cache);
  client.initialize();
  open(client);
  EXPECT_NE(hover(client, "first").find("**List comprehension**"), std::string::npos);

  json mute = find_action(actions(client, "first"), "I know this — stop showing List comprehension");
  ASSERT_TRUE(mute.is_object()) << actions(client, "first").dump();
  EXPECT_EQ(run(client, mute)["result"]["muted"], true);
  // Everywhere, not only here; the enclosing construct's tip takes its place.
  std::string muted = hover(client, "third");
  EXPECT_EQ(muted.find("List comprehension"), std::string::npos) << muted;
  EXPECT_NE(muted.find("**Lambda"), std::string::npos) << muted;
  EXPECT_EQ(hover(client, "second"), ""); // nothing else explains this spot
  EXPECT_TRUE(find_action(actions(client, "third"), "Explain this: List comprehension").is_null());

  // The state is on disk at once, where `gloss learned` sees it.
  std::string listed = testing::capture_output(testing::gloss_binary() + " learned --state " + state_file.string());
  EXPECT_EQ(listed, "python/list-comprehension\n");

  json show_again = find_action(actions(client, "second"), "Show List comprehension again");
  ASSERT_TRUE(show_again.is_object());
  EXPECT_EQ(run(client, show_again)["result"]["muted"], false);
  EXPECT_NE(hover(client, "second").find("**List comprehension**"), std::string::npos);
  finish(client);
}

TEST_F(Learner, LearnedResetUnmutesFromTheCommandLineAndARunningServerNotices) {
  LspClient client({"lsp"}, cache);
  client.initialize();
  open(client);
  run(client, find_action(actions(client, "first"), "I know this — stop showing List comprehension"));
  EXPECT_EQ(hover(client, "first").find("List comprehension"), std::string::npos);

  std::string binary = testing::gloss_binary() + " learned --state " + state_file.string();
  EXPECT_NE(testing::capture_output(binary + " --reset python/nothing-muted").find("is not muted"), std::string::npos);
  EXPECT_EQ(testing::capture_output(binary + " --reset"), "showing again: python/list-comprehension\n");
  EXPECT_EQ(testing::capture_output(binary), "No muted tips.\n");
  // The server re-reads a state file another process changed (checked at most once a second).
  std::string after;
  for (int i = 0; i < 40 && after.find("**List comprehension**") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    after = hover(client, "first");
  }
  EXPECT_NE(after.find("**List comprehension**"), std::string::npos) << after;
  finish(client);
}

TEST_F(Learner, ATipSeenOftenBecomesBriefAndComesBackInFullAfterAPause) {
  LspClient client({"lsp"}, cache);
  client.initialize(LspClient::default_capabilities(), {{"briefAfterShown", 2}});
  open(client);
  std::string first = hover(client, "first");
  EXPECT_NE(first.find("Learn more:"), std::string::npos) << first;
  EXPECT_EQ(hover(client, "first"), first); // the same construct again is not a new showing
  std::string second = hover(client, "second");
  EXPECT_NE(second.find("Learn more:"), std::string::npos) << second;
  std::string third = hover(client, "third");
  EXPECT_EQ(third.find("Learn more:"), std::string::npos) << third;
  EXPECT_NE(third.find("Seen before"), std::string::npos) << third;
  EXPECT_LT(third.size(), second.size());
  EXPECT_EQ(hover(client, "second"), second); // keeps the form it was first shown in
  finish(client);
  EXPECT_EQ(stats()["python/list-comprehension"]["shown"], 3);

  // Forty days later: full once more, then brief again.
  std::ifstream in(state_file);
  std::string text((std::istreambuf_iterator<char>(in)), {});
  std::string long_ago = std::to_string(std::time(nullptr) - 40 * 24 * 60 * 60);
  std::size_t line = text.find("python/list-comprehension\t");
  ASSERT_NE(line, std::string::npos) << text;
  std::size_t last_tab = text.rfind('\t', text.find('\n', line));
  text.replace(last_tab + 1, text.find('\n', line) - last_tab - 1, long_ago);
  std::ofstream(state_file, std::ios::trunc) << text;

  LspClient later({"lsp"}, cache);
  later.initialize(LspClient::default_capabilities(), {{"briefAfterShown", 2}, {"fullAgainAfterDays", 30}});
  open(later);
  EXPECT_NE(hover(later, "third").find("Learn more:"), std::string::npos);
  EXPECT_NE(hover(later, "first").find("Seen before"), std::string::npos);
  finish(later);
}

TEST_F(Learner, StatsCountAScriptedSessionAndExportIsAnonymous) {
  LspClient client({"lsp"}, cache);
  client.initialize();
  open(client);
  hover(client, "first");
  hover(client, "second");
  hover(client, "decorator");
  json here = actions(client, "first");
  run(client, find_action(here, "Explain this: List comprehension"));
  run(client, find_action(here, "Helpful: List comprehension"));
  run(client, find_action(actions(client, "second"), "Helpful: List comprehension"));
  run(client, find_action(actions(client, "decorator"), "Not helpful: Decorator"));
  run(client, find_action(actions(client, "decorator"), "I know this — stop showing Decorator"));
  finish(client);

  json tips = stats();
  EXPECT_EQ(tips["python/list-comprehension"]["shown"], 2);
  EXPECT_EQ(tips["python/list-comprehension"]["explained"], 1);
  EXPECT_EQ(tips["python/list-comprehension"]["helpful"], 2);
  EXPECT_EQ(tips["python/list-comprehension"]["not_helpful"], 0);
  EXPECT_EQ(tips["python/list-comprehension"]["muted_now"], false);
  EXPECT_EQ(tips["python/decorator"]["shown"], 1);
  EXPECT_EQ(tips["python/decorator"]["not_helpful"], 1);
  EXPECT_EQ(tips["python/decorator"]["muted"], 1);
  EXPECT_EQ(tips["python/decorator"]["muted_now"], true);

  std::string table = testing::capture_output(testing::gloss_binary() + " stats --state " + state_file.string());
  EXPECT_NE(table.find("python/decorator (muted)"), std::string::npos) << table;
  EXPECT_NE(table.find("not helpful"), std::string::npos) << table;

  std::filesystem::path exported = std::filesystem::path(cache) / "team-stats.json";
  testing::capture_output(testing::gloss_binary() + " stats --state " + state_file.string() + " --export " +
                          exported.string());
  std::ifstream in(exported);
  json summary = json::parse(in);
  EXPECT_EQ(summary["format"], "gloss-stats");
  EXPECT_EQ(summary["tips"]["python/list-comprehension"],
            json({{"shown", 2}, {"explained", 1}, {"muted", 0}, {"helpful", 2}, {"not_helpful", 0}}));
  std::string dumped = summary.dump();
  EXPECT_EQ(dumped.find(cache), std::string::npos); // no paths
  EXPECT_EQ(dumped.find("last_shown"), std::string::npos); // no times
}

TEST_F(Learner, ACorruptStateFileIsSetAsideAndTheServerCarriesOn) {
  std::filesystem::create_directories(state_file.parent_path());
  std::ofstream(state_file) << "\x01\x02 not ours";
  LspClient client({"lsp"}, cache);
  client.initialize();
  open(client);
  EXPECT_NE(hover(client, "first").find("List comprehension"), std::string::npos);
  finish(client);
  bool set_aside = false;
  for (const auto &entry : std::filesystem::directory_iterator(state_file.parent_path()))
    set_aside |= entry.path().filename().string().rfind("learner.tsv.corrupt-", 0) == 0;
  EXPECT_TRUE(set_aside);
  EXPECT_EQ(stats()["python/list-comprehension"]["shown"], 1);
}

/// Stops `pid` and returns once it is stopped (SIGSTOP takes effect
/// asynchronously; /proc shows when it has).
void stop_process(pid_t pid) {
  ::kill(pid, SIGSTOP);
  for (int wait = 0; wait < 2000; ++wait) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    std::getline(stat, line);
    std::size_t after_name = line.rfind(')');
    if (after_name == std::string::npos || after_name + 2 >= line.size()) return; // gone
    char state = line[after_name + 2];
    if (state == 'T' || state == 't') return;
    std::this_thread::sleep_for(std::chrono::microseconds(50));
  }
}

TEST_F(Learner, TheStateFileSurvivesKillNineInTheMiddleOfAWrite) {
  // Flood a server with feedback (batches of locked read-merge-write with
  // fsync), then stop it again and again at random moments until it is
  // stopped inside a write (its temporary file exists), and kill it there.
  // The file must parse and hold every event the server confirmed.
  std::mt19937 random(20261123);
  int killed_mid_write = 0;
  for (int attempt = 0; attempt < 60 && killed_mid_write < 3; ++attempt) {
    LspClient client({"lsp", "--state", state_file.string()}, cache);
    client.initialize();
    uint64_t before = stats().value("python/lambda", json::object()).value("helpful", 0);
    std::vector<int64_t> ids;
    for (int i = 0; i < 400; ++i)
      ids.push_back(client.send_request("workspace/executeCommand",
                                        {{"command", "gloss.helpful"}, {"arguments", {{{"id", "python/lambda"}}}}}));
    uint64_t confirmed = 0;
    for (std::size_t i = 0; i < std::uniform_int_distribution<std::size_t>(5, 300)(random); ++i)
      if (client.wait_for_response(ids[i]).contains("result")) ++confirmed;
    bool mid_write = false;
    for (int probe = 0; probe < 200 && !mid_write; ++probe) {
      stop_process(client.pid());
      for (const auto &entry : std::filesystem::directory_iterator(state_file.parent_path()))
        mid_write |= entry.path().filename().string().rfind("learner.tsv.tmp.", 0) == 0;
      if (mid_write) break;
      ::kill(client.pid(), SIGCONT);
      std::this_thread::sleep_for(std::chrono::microseconds(std::uniform_int_distribution<int>(20, 400)(random)));
    }
    ::kill(client.pid(), SIGKILL);
    ::kill(client.pid(), SIGCONT);
    client.wait_for_exit();
    killed_mid_write += mid_write;

    json tips = stats(); // fails the test if the file does not parse
    uint64_t after = tips["python/lambda"]["helpful"].get<uint64_t>();
    EXPECT_GE(after, before + confirmed) << "attempt " << attempt;
    EXPECT_LE(after, before + 400);
    for (const auto &entry : std::filesystem::directory_iterator(state_file.parent_path()))
      EXPECT_EQ(entry.path().filename().string().find(".corrupt-"), std::string::npos) << entry.path();
  }
  EXPECT_GE(killed_mid_write, 1) << "never caught a write in progress";
}

TEST_F(Learner, TwoServersWritingAtOnceLoseNothing) {
  constexpr int per_server = 150;
  auto flood = [&](LspClient &client) {
    std::vector<int64_t> ids;
    for (int i = 0; i < per_server; ++i)
      ids.push_back(client.send_request("workspace/executeCommand",
                                        {{"command", "gloss.notHelpful"}, {"arguments", {"go/select"}}}));
    for (int64_t id : ids) EXPECT_TRUE(client.wait_for_response(id).contains("result"));
  };
  LspClient a({"lsp"}, cache);
  LspClient b({"lsp"}, cache);
  a.initialize();
  b.initialize();
  std::thread first([&] { flood(a); });
  flood(b);
  first.join();
  finish(a);
  finish(b);
  EXPECT_EQ(stats()["go/select"]["not_helpful"], 2 * per_server);
}

TEST_F(Learner, ConceptsListEveryConstructWithATipAndFlagTheUnseen) {
  LspClient client({"lsp"}, cache);
  client.initialize();
  open(client);
  auto concepts = [&] {
    json response = client.request("gloss/concepts", {{"textDocument", {{"uri", uri}}}});
    json by_id = json::object();
    for (const json &entry : response["result"]["concepts"]) by_id[entry["id"].get<std::string>()] = entry;
    return by_id;
  };
  json found = concepts();
  ASSERT_TRUE(found.contains("python/list-comprehension")) << found.dump();
  EXPECT_EQ(found["python/list-comprehension"]["ranges"].size(), 3u);
  EXPECT_EQ(found["python/list-comprehension"]["seen"], false);
  EXPECT_TRUE(found.contains("python/decorator"));
  EXPECT_TRUE(found.contains("python/function-definition"));
  hover(client, "first");
  EXPECT_EQ(concepts()["python/list-comprehension"]["seen"], true);

  json unknown = client.request("gloss/concepts", {{"textDocument", {{"uri", "file:///not/open.py"}}}});
  EXPECT_EQ(unknown["error"]["code"], -32602);

  std::filesystem::path file = std::filesystem::path(cache) / "evens.py";
  std::ofstream(file) << code.code();
  finish(client);
  std::string listed = testing::capture_output(testing::gloss_binary() + " concepts " + file.string() + " --state " +
                                               state_file.string());
  EXPECT_NE(listed.find("List comprehension (python/list-comprehension)  ×3\n"), std::string::npos) << listed;
  EXPECT_NE(listed.find("Decorator (python/decorator)  new"), std::string::npos) << listed;
}

TEST_F(Learner, LearningModeHintsAtTipsNotSeenYet) {
  LspClient client({"lsp"}, cache);
  client.initialize(LspClient::default_capabilities(), {{"learningMode", true}});
  open(client);
  auto latest_hints = [&](const std::function<bool(const json &)> &done) {
    for (int i = 0; i < 100; ++i) {
      for (auto it = client.notifications.rbegin(); it != client.notifications.rend(); ++it)
        if ((*it)["method"] == "textDocument/publishDiagnostics" && (*it)["params"]["uri"] == uri) {
          if (done((*it)["params"]["diagnostics"])) return (*it)["params"]["diagnostics"];
          break;
        }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      client.request("gloss/concepts", {{"textDocument", {{"uri", uri}}}}); // reads what arrived meanwhile
    }
    return json(nullptr);
  };
  auto mentions = [](const json &diagnostics, const std::string &id) {
    for (const json &diagnostic : diagnostics)
      if (diagnostic["code"] == id) return true;
    return false;
  };
  json hints = latest_hints([&](const json &d) { return mentions(d, "python/list-comprehension"); });
  ASSERT_TRUE(hints.is_array());
  for (const json &hint : hints) {
    EXPECT_EQ(hint["severity"], 4);
    EXPECT_EQ(hint["source"], "gloss");
  }
  hover(client, "first");
  json after = latest_hints([&](const json &d) { return !mentions(d, "python/list-comprehension"); });
  ASSERT_TRUE(after.is_array());
  EXPECT_TRUE(mentions(after, "python/decorator"));

  client.notify("workspace/didChangeConfiguration", {{"settings", {{"gloss", {{"learningMode", false}}}}}});
  EXPECT_TRUE(latest_hints([](const json &d) { return d.empty(); }).is_array());
  finish(client);
}

TEST_F(Learner, ExplainShowsTheLearnersCodeFirstAndLinksTheEnclosingConstructs) {
  LspClient client({"lsp"}, cache);
  client.initialize();
  open(client);
  json result = run(client, find_action(actions(client, "third"), "Explain this: List comprehension"))["result"];
  std::string markdown = result["markdown"];
  std::size_t code_at = markdown.find("squares = lambda limit: [n * n for n in range(limit)]");
  std::size_t summary_at = markdown.find("## Reference");
  ASSERT_NE(code_at, std::string::npos) << markdown;
  EXPECT_LT(code_at, summary_at);
  EXPECT_LT(markdown.find("## In your code"), code_at);
  std::size_t inside = markdown.find("## Inside");
  ASSERT_NE(inside, std::string::npos) << markdown;
  EXPECT_NE(markdown.find("- [Lambda", inside), std::string::npos) << markdown;
  EXPECT_NE(markdown.find("](python.lambda.md)", inside), std::string::npos) << markdown;

  // The linked page exists beside it and quotes the enclosing code.
  std::filesystem::path page = std::filesystem::path(result["uri"].get<std::string>().substr(7)).parent_path() /
                               "python.lambda.md";
  std::ifstream in(page);
  std::string linked((std::istreambuf_iterator<char>(in)), {});
  EXPECT_NE(linked.find("# Lambda"), std::string::npos) << page;
  EXPECT_NE(linked.find("## In your code"), std::string::npos) << linked;
  EXPECT_EQ(linked.find("## Inside"), std::string::npos) << linked; // nothing encloses the lambda

  // An editor's "Explain this" key sends only where the cursor is.
  json here = client.request("workspace/executeCommand",
                             {{"command", "gloss.explain"}, {"arguments", {{{"uri", uri}, {"position", at("decorator")}}}}});
  EXPECT_EQ(here["result"]["id"], "python/decorator") << here.dump();
  json blank_line = {{"line", 1}, {"character", 0}};
  json nothing = client.request("workspace/executeCommand",
                                {{"command", "gloss.explain"}, {"arguments", {{{"uri", uri}, {"position", blank_line}}}}});
  EXPECT_EQ(nothing["error"]["message"], "no tip here to explain") << nothing.dump();
  finish(client);
  EXPECT_EQ(stats()["python/list-comprehension"]["explained"], 1);
  EXPECT_EQ(stats()["python/decorator"]["explained"], 1);
}

} // namespace
} // namespace gloss
