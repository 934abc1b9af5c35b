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

TEST(QueryPredicates, ReportsAnUnsupportedPredicate) {
  EXPECT_NE(compile_error(call_query_with("(#set! foo \"bar\")")).find("unsupported predicate #set!"), std::string::npos);
}

} // namespace
} // namespace gloss
