#include "gitignore.h"

#include <gtest/gtest.h>

namespace gloss {
namespace {

using Verdict = GitignoreRules::Verdict;

TEST(Gitignore, UnanchoredPatternsMatchAtAnyDepth) {
  GitignoreRules rules("# build output\n*.pyc\nnode_modules/\n");
  EXPECT_EQ(rules.check("a.pyc", false), Verdict::Ignored);
  EXPECT_EQ(rules.check("src/deep/a.pyc", false), Verdict::Ignored);
  EXPECT_EQ(rules.check("src/node_modules", true), Verdict::Ignored);
  EXPECT_EQ(rules.check("src/node_modules", false), Verdict::Unmatched); // directories only
  EXPECT_EQ(rules.check("a.py", false), Verdict::Unmatched);
}

TEST(Gitignore, SlashesAnchorToTheGitignoresFolder) {
  GitignoreRules rules("/build\ndocs/*.md\n");
  EXPECT_EQ(rules.check("build", true), Verdict::Ignored);
  EXPECT_EQ(rules.check("src/build", true), Verdict::Unmatched);
  EXPECT_EQ(rules.check("docs/a.md", false), Verdict::Ignored);
  EXPECT_EQ(rules.check("docs/sub/a.md", false), Verdict::Unmatched);
}

TEST(Gitignore, DoubleStarAndNegationWork) {
  GitignoreRules rules("**/generated/**\n*.js\n!keep.js\n");
  EXPECT_EQ(rules.check("a/generated/x.py", false), Verdict::Ignored);
  EXPECT_EQ(rules.check("generated/x.py", false), Verdict::Ignored);
  EXPECT_EQ(rules.check("src/app.js", false), Verdict::Ignored);
  EXPECT_EQ(rules.check("src/keep.js", false), Verdict::Included);
}

} // namespace
} // namespace gloss
