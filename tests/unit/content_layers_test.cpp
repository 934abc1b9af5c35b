#include "content_layers.h"

#include <gtest/gtest.h>

#include <fstream>

namespace gloss {
namespace {

TEST(ContentLayers, IdPatternsUseStarAsAWildcard) {
  EXPECT_TRUE(id_matches("python/lambda", "python/lambda"));
  EXPECT_FALSE(id_matches("python/lambda", "python/lambda-x"));
  EXPECT_TRUE(id_matches("python/*", "python/lambda"));
  EXPECT_TRUE(id_matches("*/lambda", "cpp/lambda"));
  EXPECT_TRUE(id_matches("*", "go/defer"));
  EXPECT_TRUE(id_matches("cpp/*-cast", "cpp/static-cast"));
  EXPECT_FALSE(id_matches("cpp/*-cast", "cpp/cast-expression"));
  EXPECT_FALSE(id_matches("python/*", "cpp/lambda"));
}

TEST(ContentLayers, OrderIsTomlThenSettingsThenFlagsThenWorkspaceThenUser) {
  std::filesystem::path root = std::filesystem::temp_directory_path() / "gloss-layers-unit";
  std::filesystem::remove_all(root);
  std::filesystem::create_directories(root / ".gloss");
  std::filesystem::create_directories(root / "user");
  std::ofstream(root / "gloss.toml") << "content = [\"team\", \"" << (root / "org").string()
                                     << "\"]\ndisable = [\"python/*\"]\ncolour = 1\n";
  ContentSources sources{root, {"/from/settings"}, {"/from/flag"}, root / "user"};
  LayerPlan plan = plan_layers(sources);
  std::vector<std::filesystem::path> expected = {root / "team", root / "org", "/from/settings", "/from/flag",
                                                 root / ".gloss", root / "user"};
  EXPECT_EQ(plan.directories, expected);
  EXPECT_EQ(plan.disabled, std::vector<std::string>{"python/*"});
  ASSERT_EQ(plan.diagnostics.size(), 1u);
  EXPECT_EQ(plan.diagnostics[0].severity, Severity::Warning);
  EXPECT_EQ(plan.diagnostics[0].line, 3u);
  std::filesystem::remove_all(root);
}

TEST(ContentLayers, AWorkspaceCannotPointContentOutsideItself) {
  std::filesystem::path root = std::filesystem::temp_directory_path() / "gloss-layers-unit3";
  std::filesystem::remove_all(root);
  std::filesystem::create_directories(root / "outside");
  std::filesystem::create_directories(root / "work" / "tips");
  std::filesystem::create_symlink(root / "outside", root / "work" / "escape");
  std::ofstream(root / "work" / "gloss.toml")
      << "content = [\"tips\", \"../outside\", \"/etc\", \"escape\", \"tips/../../outside\"]\n";
  LayerPlan plan = plan_layers(ContentSources{root / "work", {}, {}, std::nullopt});
  EXPECT_EQ(plan.directories, std::vector<std::filesystem::path>{root / "work" / "tips"});
  ASSERT_EQ(plan.diagnostics.size(), 4u);
  for (const ContentDiagnostic &diagnostic : plan.diagnostics)
    EXPECT_NE(diagnostic.message.find("is outside the workspace"), std::string::npos) << diagnostic.message;
  std::filesystem::remove_all(root);
}

TEST(ContentLayers, MissingOptionalFoldersAreSkippedAndBadTypesReported) {
  std::filesystem::path root = std::filesystem::temp_directory_path() / "gloss-layers-unit2";
  std::filesystem::remove_all(root);
  std::filesystem::create_directories(root);
  std::ofstream(root / "gloss.toml") << "content = \"team\"\ndisable = [1]\n";
  LayerPlan plan = plan_layers({root, {}, {}, root / "no-such-user-dir"});
  EXPECT_TRUE(plan.directories.empty());
  ASSERT_EQ(plan.diagnostics.size(), 2u);
  EXPECT_EQ(plan.diagnostics[0].line, 1u);
  EXPECT_NE(plan.diagnostics[0].message.find("array"), std::string::npos);
  std::filesystem::remove_all(root);
}

TEST(ContentLayers, FindsTheWorkspaceRootAboveAFile) {
  std::filesystem::path root = std::filesystem::temp_directory_path() / "gloss-layers-unit3";
  std::filesystem::remove_all(root);
  std::filesystem::create_directories(root / "a" / "b");
  std::ofstream(root / "gloss.toml") << "";
  EXPECT_EQ(find_workspace_root(root / "a" / "b"), root);
  std::filesystem::remove_all(root);
}

} // namespace
} // namespace gloss
