#include "content_index.h"
#include "matcher.h"
#include "test_content.h"

#include <gtest/gtest.h>

namespace gloss {
namespace {

using testing::make_snippet;

/// Ids of the tips that match at byte `offset` of `code`.
std::vector<std::string> ids_at(const std::string &query, const std::string &code, uint32_t offset) {
  ContentIndex index({make_snippet("python/probe", "python", query)});
  EXPECT_TRUE(index.check_queries().empty()) << index.check_queries()[0].message;
  SyntaxTree tree(*language_by_id("python"));
  EXPECT_TRUE(tree.parse(code));
  std::vector<std::string> ids;
  for (const Match &match : match_at(tree, code, offset, index).tips) ids.push_back(match.snippet->id);
  return ids;
}

std::string compile_error(const std::string &query) {
  ContentIndex index({make_snippet("python/probe", "python", query)});
  auto diagnostics = index.check_queries();
  return diagnostics.empty() ? "" : diagnostics[0].message;
}

/// The call pattern with `predicate` inside its outer parentheses.
std::string call_query_with(const std::string &predicate) {
  return "((call function: (attribute attribute: (identifier) @_name)) @construct " + predicate + ")";
}

TEST(QueryPredicates, EqComparesCaptureTextWithAString) {
  EXPECT_EQ(ids_at(call_query_with("(#eq? @_name \"commit\")"), "s.commit()\n", 2).size(), 1u);
  EXPECT_TRUE(ids_at(call_query_with("(#eq? @_name \"commit\")"), "s.rollback()\n", 2).empty());
}

TEST(QueryPredicates, NotEqNegates) {
  EXPECT_TRUE(ids_at(call_query_with("(#not-eq? @_name \"commit\")"), "s.commit()\n", 2).empty());
  EXPECT_EQ(ids_at(call_query_with("(#not-eq? @_name \"commit\")"), "s.rollback()\n", 2).size(), 1u);
}

TEST(QueryPredicates, EqComparesTwoCaptures) {
  std::string query = "(assignment left: (identifier) @a right: (identifier) @b (#eq? @a @b)) @construct";
  EXPECT_EQ(ids_at(query, "x = x\n", 0).size(), 1u);
  EXPECT_TRUE(ids_at(query, "x = y\n", 0).empty());
}

TEST(QueryPredicates, MatchUsesRe2AndFindsASubstring) {
  EXPECT_EQ(ids_at(call_query_with("(#match? @_name \"^comm\")"), "s.commit()\n", 2).size(), 1u);
  EXPECT_TRUE(ids_at(call_query_with("(#match? @_name \"^mit\")"), "s.commit()\n", 2).empty());
  EXPECT_EQ(ids_at(call_query_with("(#not-match? @_name \"^roll\")"), "s.commit()\n", 2).size(), 1u);
}

TEST(QueryPredicates, AnyOfAcceptsAnyListedString) {
  std::string query = call_query_with("(#any-of? @_name \"add\" \"commit\" \"flush\")");
  EXPECT_EQ(ids_at(query, "s.flush()\n", 2).size(), 1u);
  EXPECT_TRUE(ids_at(query, "s.close()\n", 2).empty());
}

TEST(QueryPredicates, ReportsWrongArguments) {
  EXPECT_NE(compile_error(call_query_with("(#eq? @_name)")).find("#eq? needs"), std::string::npos);
  EXPECT_NE(compile_error(call_query_with("(#match? @_name @_name)")).find("regular expression"), std::string::npos);
  EXPECT_NE(compile_error(call_query_with("(#any-of? @_name)")).find("#any-of?"), std::string::npos);
}

TEST(QueryPredicates, ReportsAnInvalidRegex) {
  EXPECT_NE(compile_error(call_query_with("(#match? @_name \"(unclosed\")")).find("invalid regular expression"),
            std::string::npos);
}

TEST(QueryPredicates, APredicateOutsideItsPatternIsReported) {
  std::string query = "(call function: (attribute attribute: (identifier) @_name)) @construct (#eq? @_name \"x\")";
  EXPECT_NE(compile_error(query).find("does not capture @construct"), std::string::npos);
}

TEST(QueryPredicates, HasParentChecksTheCapturedNodesParentType) {
  std::string query = "((function_definition name: (identifier) @focus) @construct "
                      "(#has-parent? @construct module decorated_definition))";
  const std::string code = "def top():\n    def inner():\n        pass\n";
  const auto inner = static_cast<uint32_t>(code.find("inner"));
  EXPECT_EQ(ids_at(query, code, 4).size(), 1u);     // `def top` sits in the module
  EXPECT_TRUE(ids_at(query, code, inner).empty());  // `def inner` sits in a block
  std::string negated = "((function_definition name: (identifier) @focus) @construct "
                        "(#not-has-parent? @construct module))";
  EXPECT_TRUE(ids_at(negated, code, 4).empty());
  EXPECT_EQ(ids_at(negated, code, inner).size(), 1u);
  EXPECT_NE(compile_error("((function_definition) @construct (#has-parent? @construct))").find("#has-parent? needs"),
            std::string::npos);
  EXPECT_NE(compile_error("((function_definition) @construct (#has-parent? @construct @construct))").find("node types"),
            std::string::npos);
}

TEST(QueryPredicates, HasAncestorLooksAtEveryNodeAbove) {
  std::string query = "((return_statement) @construct (#has-ancestor? @construct class_definition))";
  const std::string code = "class A:\n    def f(self):\n        return 1\ndef g():\n    return 2\n";
  EXPECT_EQ(ids_at(query, code, code.find("return 1")).size(), 1u);
  EXPECT_TRUE(ids_at(query, code, code.find("return 2")).empty());
  std::string negated = "((return_statement) @construct (#not-has-ancestor? @construct class_definition))";
  EXPECT_TRUE(ids_at(negated, code, code.find("return 1")).empty());
  EXPECT_EQ(ids_at(negated, code, code.find("return 2")).size(), 1u);
}

TEST(QueryPredicates, HasPreviousSiblingLooksAtTheNamedNodeJustBefore) {
  std::string query = "((return_statement) @construct (#has-previous-sibling? @construct expression_statement))";
  const std::string code = "def f():\n    x = 1\n    # then\n    return x\ndef g():\n    pass\n    return 2\n";
  EXPECT_EQ(ids_at(query, code, code.find("return x")).size(), 1u);
  EXPECT_TRUE(ids_at(query, code, code.find("return 2")).empty());
}

TEST(QueryPredicates, LintWarnsAboutAPatternStartingAtTheWholeFile) {
  ContentIndex index({make_snippet("python/probe", "python", "(module (function_definition) @construct)")});
  auto diagnostics = index.check_queries();
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].severity, Severity::Warning);
  EXPECT_NE(diagnostics[0].message.find("(#has-parent? @construct module"), std::string::npos) << diagnostics[0].message;
  ContentIndex anchored({make_snippet("python/probe", "python", "(module . (expression_statement) @construct)")});
  EXPECT_TRUE(anchored.check_queries().empty());
}

TEST(QueryPredicates, ReportsAnUnsupportedPredicate) {
  EXPECT_NE(compile_error(call_query_with("(#set! foo \"bar\")")).find("unsupported predicate #set!"), std::string::npos);
}

} // namespace
} // namespace gloss
