#include "query_patterns.h"

#include <gtest/gtest.h>

namespace gloss {
namespace {

std::vector<std::string> texts(std::string_view query) {
  std::vector<std::string> result;
  for (const QueryPattern &pattern : split_query_patterns(query)) result.emplace_back(pattern.text);
  return result;
}

TEST(QueryPatterns, SplitsTopLevelPatternsWithTheirCapturesAndPredicates) {
  EXPECT_EQ(texts("(a) @construct\n(b (c) @focus) @construct (#eq? @focus \"x\")\n[(d) (e)] @construct\n"),
            (std::vector<std::string>{"(a) @construct", "(b (c) @focus) @construct (#eq? @focus \"x\")",
                                      "[(d) (e)] @construct"}));
}

TEST(QueryPatterns, IgnoresParenthesesInStringsAndComments) {
  EXPECT_EQ(texts("; a comment (with parens\n(a \")(\" @x) @construct\n(b) @construct"),
            (std::vector<std::string>{"(a \")(\" @x) @construct", "(b) @construct"}));
}

TEST(QueryPatterns, ReportsTheLineWhereEachPatternStarts) {
  auto patterns = split_query_patterns("(a) @construct\n\n(b\n  (c)) @construct\n");
  ASSERT_EQ(patterns.size(), 2u);
  EXPECT_EQ(patterns[0].line, 0u);
  EXPECT_EQ(patterns[1].line, 2u);
}

TEST(QueryPatterns, ReturnsUnbalancedTextWhole) {
  EXPECT_EQ(texts("(a (b) @construct"), (std::vector<std::string>{"(a (b) @construct"}));
  EXPECT_EQ(texts("(a)) @construct"), (std::vector<std::string>{"(a)) @construct"}));
}

std::vector<std::pair<std::string, bool>> roots(std::string_view pattern) {
  std::vector<std::pair<std::string, bool>> found;
  for (const PatternRoot &root : pattern_roots(pattern)) found.emplace_back(root.type, root.matches_children);
  return found;
}

TEST(QueryPatterns, FindsTheNodeAPatternStartsAtAndWhetherItMatchesItsChildren) {
  using Roots = std::vector<std::pair<std::string, bool>>;
  EXPECT_EQ(roots("(lambda) @construct"), (Roots{{"lambda", false}}));
  EXPECT_EQ(roots("(call function: (identifier) @f) @construct"), (Roots{{"call", true}}));
  EXPECT_EQ(roots("((call) @construct (#eq? @construct \"x\"))"), (Roots{{"call", false}}));
  EXPECT_EQ(roots("(translation_unit (declaration) @construct)"), (Roots{{"translation_unit", true}}));
  EXPECT_EQ(roots("(program . (comment) @construct)"), (Roots{{"program", false}})); // anchored: first child only
  EXPECT_EQ(roots("(_ \"static\" @focus) @construct"), (Roots{{"_", true}}));
  EXPECT_EQ(roots("(\"&\" @construct)"), (Roots{{"&", false}}));
  EXPECT_EQ(roots("[(program \"&\" @construct) (subshell) @construct]"), (Roots{{"program", true}, {"subshell", false}}));
  EXPECT_TRUE(roots("").empty());
}

/// The child every match of a single wildcard-rooted pattern has, quoted
/// when it is a token; "" for none.
std::string required_child(std::string_view pattern) {
  std::vector<PatternRoot> found = pattern_roots(pattern);
  if (found.size() != 1) return "?";
  const PatternRoot &root = found.front();
  if (root.required_child.empty()) return "";
  return root.required_child_named ? std::string(root.required_child) : "\"" + std::string(root.required_child) + "\"";
}

TEST(QueryPatterns, FindsAChildEveryMatchOfAWildcardRootHas) {
  EXPECT_EQ(required_child("(_ \"static\" @focus) @construct"), "\"static\"");
  EXPECT_EQ(required_child("(_ result: (parameter_list (parameter_declaration)) @construct)"), "parameter_list");
  EXPECT_EQ(required_child("(_ . !name (comment) @a @b (identifier)) @construct"), "comment");
  EXPECT_EQ(required_child("(_ (comment)? @c (comment)* [(a) (b)] (_) (#eq? @c \"x\") (block)+)"), "block");
  EXPECT_EQ(required_child("(_ (expression/identifier) \"if\"?)"), "");
  EXPECT_EQ(required_child("(_) @construct"), "");
  EXPECT_EQ(required_child("(call (identifier))"), "") << "only wildcard roots";
}

} // namespace
} // namespace gloss
