// `gloss coverage`: ranks the constructs of a codebase and the tips that
// cover them, respecting .gitignore.
#include "lsp_client.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

namespace gloss {
namespace {

std::string run(const std::string &arguments) {
  return testing::capture_output("'" + testing::gloss_binary() + "' " + arguments);
}

TEST(Coverage, CountsConstructsRanksThemAndRespectsGitignore) {
  std::filesystem::path root = testing::make_temp_directory();
  std::filesystem::create_directories(root / "src");
  std::filesystem::create_directories(root / "build");
  std::ofstream(root / ".gitignore") << "build/\n*_generated.py\n";
  std::ofstream(root / "src" / "a.py") << "xs = [x for x in y]\nys = [y for y in xs]\nwith open(p) as f:\n    pass\n";
  std::ofstream(root / "src" / "b.py") << "zs = [z for z in ys]\n";
  std::ofstream(root / "src" / "c_generated.py") << "[a for a in b]\n[a for a in b]\n[a for a in b]\n";
  std::ofstream(root / "build" / "d.py") << "[a for a in b]\n";
  std::ofstream(root / "src" / "notes.txt") << "not code\n";

  nlohmann::json report = nlohmann::json::parse(run("coverage --json " + root.string()));
  EXPECT_EQ(report["files"], 2);
  ASSERT_EQ(report["languages"].size(), 1u);
  const nlohmann::json &python = report["languages"][0];
  EXPECT_EQ(python["language"], "python");
  EXPECT_EQ(python["lines"], 5);
  auto find = [&](const std::string &type) {
    for (const nlohmann::json &construct : python["constructs"])
      if (construct["type"] == type) return construct;
    return nlohmann::json();
  };
  EXPECT_EQ(python["constructs"][0]["occurrences"], 3); // most frequent first
  nlohmann::json comprehension = find("list_comprehension");
  EXPECT_EQ(comprehension["occurrences"], 3); // the ignored files do not count
  EXPECT_EQ(comprehension["snippets"], nlohmann::json::array({"python/list-comprehension"}));
  nlohmann::json with = find("with_statement");
  EXPECT_EQ(with["occurrences"], 1);
  EXPECT_EQ(with["snippets"], nlohmann::json::array({"python/with-statement"}));
  EXPECT_EQ(find("assignment")["snippets"], nlohmann::json::array()); // used, but no tip explains it yet

  std::string table = run("coverage " + root.string());
  EXPECT_NE(table.find("gloss coverage: 2 files, 5 lines"), std::string::npos) << table;
  EXPECT_NE(table.find("list_comprehension"), std::string::npos) << table;
  EXPECT_NE(table.find("python/list-comprehension"), std::string::npos) << table;
  std::filesystem::remove_all(root);
}

TEST(Coverage, ShowsConstructsATipExplainsEvenWhenTheyOnlyGroupCodeAndCountsBareOnes) {
  std::filesystem::path root = testing::make_temp_directory();
  // `parameters` only groups code, so it is no row of its own, but the
  // keyword-only-parameters tip explains it; a bare `raise` has no children.
  std::ofstream(root / "a.py") << "def f(a, *, b):\n    raise\n\ndef g(c):\n    raise ValueError(c)\n";
  nlohmann::json report = nlohmann::json::parse(run("coverage --json --top 1000 " + root.string()));
  ASSERT_EQ(report["languages"].size(), 1u);
  auto find = [&](const std::string &type) {
    for (const nlohmann::json &construct : report["languages"][0]["constructs"])
      if (construct["type"] == type) return construct;
    return nlohmann::json();
  };
  nlohmann::json parameters = find("parameters");
  EXPECT_EQ(parameters["occurrences"], 2);
  EXPECT_EQ(parameters["snippets"], nlohmann::json::array({"python/keyword-only-parameters"}));
  EXPECT_EQ(find("raise_statement")["occurrences"], 2);
  EXPECT_EQ(find("block"), nlohmann::json()); // groups code, and no tip explains it
  EXPECT_EQ(find("identifier"), nlohmann::json()); // bare names are no construct
  std::filesystem::remove_all(root);
}

TEST(Coverage, CountsSyntaxErrorsAsTheirOwnKind) {
  std::filesystem::path root = testing::make_temp_directory();
  std::ofstream(root / "broken.py") << "def f(:\n    return [x for x in\n\nclass C(\n";
  std::ofstream(root / "broken.c") << "int main( { return 0 }\n";
  nlohmann::json report = nlohmann::json::parse(run("coverage --json --top 1000 " + root.string()));
  EXPECT_EQ(report["files"], 2);
  ASSERT_EQ(report["languages"].size(), 2u);
  for (const nlohmann::json &language : report["languages"]) {
    uint64_t errors = 0;
    for (const nlohmann::json &construct : language["constructs"])
      if (construct["type"] == "ERROR") errors += construct["occurrences"].get<uint64_t>();
    EXPECT_GE(errors, 1u) << language.dump();
  }
  std::filesystem::remove_all(root);
}

} // namespace
} // namespace gloss
