// The command line: what `gloss explain` prints is what a hover shows.
#include "annotations.h"
#include "line_index.h"
#include "lsp_client.h"
#include "snippet_text.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sys/wait.h>

namespace gloss {
namespace {

using testing::Annotations;

struct Result {
  int status = -1;
  std::string output; // stdout and stderr together
};

Result run(const std::string &arguments) {
  Result result;
  std::string command = "'" + testing::gloss_binary() + "' " + arguments + " 2>&1";
  FILE *pipe = ::popen(command.c_str(), "r");
  std::array<char, 4096> buffer;
  while (std::size_t count = std::fread(buffer.data(), 1, buffer.size(), pipe)) result.output.append(buffer.data(), count);
  int status = ::pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

struct Cli : ::testing::Test {
  std::string directory = testing::make_temp_directory();
  void TearDown() override { std::filesystem::remove_all(directory); }

  /// Writes the annotated code to `name` and returns "FILE:LINE:COL" of its point (1-based, characters).
  std::string write_fixture(const std::string &name, const std::string &annotated) {
    Annotations code(annotated);
    std::string path = directory + "/" + name;
    std::ofstream(path) << code.code();
    LineIndex lines(code.code());
    TextPosition position = lines.position_of(code.point(), PositionEncoding::Utf32, code.code());
    return path + ":" + std::to_string(position.line + 1) + ":" + std::to_string(position.character + 1);
  }
};

TEST_F(Cli, ExplainShowsTheListComprehensionTipInPython) {
  Result result = run("explain " + write_fixture("a.py", "def f(xs):\n    return [x * 2 ^for x in xs]\n"));
  EXPECT_EQ(result.status, 0) << result.output;
  EXPECT_NE(result.output.find("**List comprehension** · Python"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("https://docs.python.org/"), std::string::npos);
}

TEST_F(Cli, ExplainShowsTheLambdaTipInCpp) {
  Result result = run("explain " + write_fixture("a.cpp", "int main() {\n  auto add = [^](int a, int b) { return a + b; };\n  return add(1, 2);\n}\n"));
  EXPECT_EQ(result.status, 0) << result.output;
  EXPECT_NE(result.output.find("**Lambda expression** · C++"), std::string::npos) << result.output;
}

TEST_F(Cli, ExplainShowsTheArrowFunctionTipInJavaScript) {
  Result result = run("explain " + write_fixture("a.js", "const names = users.map((user) ^=> user.name);\n"));
  EXPECT_EQ(result.status, 0) << result.output;
  EXPECT_NE(result.output.find("**Arrow function** · JavaScript"), std::string::npos) << result.output;
}

TEST_F(Cli, ColumnsCountCharactersNotBytes) {
  Result result = run("explain " + write_fixture("a.js", "const s = '日本語'; const f = (a) ^=> a;\n"));
  EXPECT_EQ(result.status, 0) << result.output;
  EXPECT_NE(result.output.find("Arrow function"), std::string::npos) << result.output;
}

TEST_F(Cli, ExplainFullQuotesTheCodeDedented) {
  Result result = run("explain --full " +
                      write_fixture("a.py", "class A:\n    def f(self, xs):\n        return [x ^for x in xs\n                if x]\n"));
  EXPECT_EQ(result.status, 0) << result.output;
  EXPECT_NE(result.output.find("## In your code\n\n```python\nreturn [x for x in xs\n        if x]\n```"), std::string::npos)
      << result.output;
  EXPECT_NE(result.output.find("## Explanation"), std::string::npos);
}

TEST_F(Cli, ExplainWhereThereIsNoTipSaysSo) {
  Result result = run("explain " + write_fixture("a.py", "^x = 1\n"));
  EXPECT_EQ(result.status, 1);
  EXPECT_NE(result.output.find("no tip at"), std::string::npos) << result.output;
}

TEST_F(Cli, ExplainRejectsBadLocationsAndFiles) {
  EXPECT_EQ(run("explain nowhere").status, 2);
  EXPECT_EQ(run("explain " + directory + "/missing.py:1:1").status, 2);
  std::ofstream(directory + "/notes.txt") << "hello\n";
  Result unsupported = run("explain " + directory + "/notes.txt:1:1");
  EXPECT_EQ(unsupported.status, 2);
  EXPECT_NE(unsupported.output.find("no supported language"), std::string::npos);
  std::ofstream(directory + "/short.py") << "x = 1\n";
  EXPECT_EQ(run("explain " + directory + "/short.py:40:1").status, 2);
}

TEST_F(Cli, VersionAndHelp) {
  Result version = run("--version");
  EXPECT_EQ(version.status, 0);
  EXPECT_EQ(version.output.rfind("gloss ", 0), 0u) << version.output;
  Result help = run("--help");
  EXPECT_EQ(help.status, 0);
  for (const char *command : {"lsp", "explain", "lint", "test"}) EXPECT_NE(help.output.find(command), std::string::npos) << command;
}

TEST_F(Cli, LintReportsABrokenFileWithItsLineAndFails) {
  std::filesystem::create_directories(directory + "/python");
  std::ofstream(directory + "/python/bad.md") << "---\nid: python/bad\ntitle: Bad\nlanguage: python\nlevel: guru\n"
                                                 "query: (lambda) @construct\nlinks: []\n---\nSummary.\n";
  Result result = run("lint " + directory);
  EXPECT_EQ(result.status, 1);
  EXPECT_NE(result.output.find("bad.md:5: error: level 'guru'"), std::string::npos) << result.output;
}

TEST_F(Cli, TestReportsAMissingAndANoisyAssertion) {
  std::filesystem::create_directories(directory + "/python");
  std::ofstream(directory + "/python/lambda-only.md") << testing::tip_file("python/lambda-only", "Lambda", "(lambda) @construct", R"(Makes a function.

## Example
```python
f = lambda x: x
#   ^
y = 1
# <- python/lambda-only
g = lambda: 0
#   ^ !
```
)");
  Result result = run("test " + directory);
  EXPECT_EQ(result.status, 1) << result.output;
  EXPECT_NE(result.output.find("lambda-only.md:19: missing: expected 'python/lambda-only'"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("lambda-only.md:21: noisy: 'python/lambda-only'"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("3 assertions, 2 failures"), std::string::npos) << result.output;
}

TEST_F(Cli, ExplainTreePrintsTheNodePathWithFieldsAndRanges) {
  Result result = run("explain --tree " + write_fixture("a.py", "def f(xs):\n    return [x ^for x in xs]\n"));
  EXPECT_EQ(result.status, 0) << result.output;
  for (const char *expected : {"module", "function_definition", "body: block", "list_comprehension", "for_in_clause",
                               "\"for\"", "2:15-2:18"})
    EXPECT_NE(result.output.find(expected), std::string::npos) << expected << "\n" << result.output;
  EXPECT_EQ(result.output.find("identifier"), result.output.find("identifier")); // present or not, never crashes
}

TEST_F(Cli, NewScaffoldsASnippetThatPassesLintAndTest) {
  Result created = run("new go channel-send --dir " + directory);
  EXPECT_EQ(created.status, 0) << created.output;
  EXPECT_TRUE(std::filesystem::exists(directory + "/go/channel-send.md")) << created.output;
  Result lint = run("lint " + directory);
  EXPECT_EQ(lint.status, 0) << lint.output;
  EXPECT_NE(lint.output.find("1 snippets, 0 errors, 0 warnings"), std::string::npos) << lint.output;
  Result test = run("test " + directory);
  EXPECT_EQ(test.status, 0) << test.output;
  // It never overwrites, and it refuses ids that would not lint.
  EXPECT_EQ(run("new go go/channel-send --dir " + directory).status, 2);
  EXPECT_EQ(run("new go 'Not An Id' --dir " + directory).status, 2);
  EXPECT_FALSE(std::filesystem::exists(directory + "/go/Not An Id.md"));
  EXPECT_EQ(run("new cobol x --dir " + directory).status, 2);
}

TEST_F(Cli, LintFailsOnDuplicateIdsAndLongSummaries) {
  std::filesystem::create_directories(directory + "/python");
  std::ofstream(directory + "/python/twice.md") << testing::tip_file("python/twice", "Twice", "(lambda) @construct", "Short.\n");
  std::ofstream(directory + "/python/again.md")
      << testing::tip_file("python/twice", "Twice", "(lambda) @construct", std::string(320, 'x') + "\n");
  Result result = run("lint " + directory);
  EXPECT_EQ(result.status, 1);
  EXPECT_NE(result.output.find("twice.md:2: error: duplicate id 'python/twice' (first in "), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("again.md:12: warning: summary is 320 characters"), std::string::npos) << result.output;
}

TEST_F(Cli, TheBuiltInPackPassesItsOwnTests) {
  Result result = run("test");
  EXPECT_EQ(result.status, 0) << result.output;
  EXPECT_NE(result.output.find(" 0 failures"), std::string::npos) << result.output;
}

} // namespace
} // namespace gloss
