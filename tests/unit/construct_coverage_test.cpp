// Coverage runs each language's query from its own walk, at the node types
// its patterns start at. That must find exactly what running the query over
// the whole tree finds, and fall back to the whole tree whenever a pattern
// can start at any node.
#include "construct_coverage.h"
#include "content_loader.h"
#include "test_content.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <unistd.h>

namespace gloss {
namespace {

using testing::make_snippet;

TSSymbol symbol(const char *language, std::string_view name, bool named = true) {
  return ts_language_symbol_for_name(language_by_id(language)->grammar(), name.data(),
                                     static_cast<uint32_t>(name.size()), named);
}

MatchStarts starts_of(std::vector<Snippet> snippets, const char *language = "python") {
  ContentIndex index(std::move(snippets));
  EXPECT_TRUE(index.check_queries().empty());
  return index.compiled(*language_by_id(language)).match_starts;
}

TEST(MatchStarts, AreTheTypesEachPatternStartsAt) {
  MatchStarts starts = starts_of({
      make_snippet("python/call", "python", "(call function: (identifier)) @construct"),
      make_snippet("python/comprehensions", "python", "[(list_comprehension) (set_comprehension)] @construct"),
      make_snippet("python/await-keyword", "python", "\"await\" @construct"),
      make_snippet("python/syntax-error", "python", "(ERROR) @construct"),
  });
  ASSERT_TRUE(starts.known());
  for (auto [name, named] : std::vector<std::pair<std::string_view, bool>>{
           {"call", true}, {"list_comprehension", true}, {"set_comprehension", true}, {"await", false}})
    EXPECT_TRUE(starts.at[symbol("python", name, named)]) << name;
  EXPECT_TRUE(starts.at.back()) << "ERROR has the last slot";
  for (std::string_view name : {"identifier", "module", "dictionary_comprehension"})
    EXPECT_FALSE(starts.at[symbol("python", name)]) << name;
  EXPECT_FALSE(starts.at[symbol("python", "await", true)]) << "the named `await` expression is not the keyword";
  EXPECT_EQ(std::count(starts.parent_of.begin(), starts.parent_of.end(), true), 0);
}

TEST(MatchStarts, OfAWildcardAreTheParentsOfAChildEveryMatchHas) {
  MatchStarts starts = starts_of({
      make_snippet("python/async", "python", "(_ \"async\" @focus) @construct"),
      make_snippet("python/return-type", "python", "(_ return_type: (type) @construct)"),
      make_snippet("python/anchored", "python", "(_ . (comment) (keyword_argument)) @construct"),
  });
  ASSERT_TRUE(starts.known());
  EXPECT_TRUE(starts.parent_of[symbol("python", "async", false)]);
  EXPECT_TRUE(starts.parent_of[symbol("python", "type")]);
  EXPECT_TRUE(starts.parent_of[symbol("python", "comment")]);
  EXPECT_FALSE(starts.parent_of[symbol("python", "keyword_argument")]) << "one child is enough";
  EXPECT_EQ(std::count(starts.at.begin(), starts.at.end(), true), 0);
}

TEST(MatchStarts, AreUnknownWhenAPatternCanStartAnywhere) {
  const char *anywhere[] = {
      "(_) @construct",
      "(_ (comment)?) @construct",                                // no child every match has
      "(_ (comment)? (keyword_argument)) @construct",              // tree-sitter calls it non-local
      "(_ (_) @construct)",
      "(expression) @construct",                                  // a supertype
      "(_ (expression) @construct)",
      "((comment) @construct . (function_definition))",           // two sibling roots
      "[(call) (_)] @construct",
  };
  for (const char *query : anywhere) {
    SCOPED_TRACE(query);
    EXPECT_FALSE(starts_of({make_snippet("python/call", "python", "(call) @construct"),
                            make_snippet("python/anywhere", "python", query)})
                     .known());
  }
}

void expect_same_reports(const CoverageReport &a, const CoverageReport &b) {
  EXPECT_EQ(a.skipped, b.skipped);
  ASSERT_EQ(a.languages.size(), b.languages.size());
  for (std::size_t l = 0; l < a.languages.size(); ++l) {
    const LanguageCoverage &x = a.languages[l];
    const LanguageCoverage &y = b.languages[l];
    SCOPED_TRACE(x.language);
    EXPECT_EQ(x.language, y.language);
    EXPECT_EQ(x.files, y.files);
    EXPECT_EQ(x.lines, y.lines);
    ASSERT_EQ(x.constructs.size(), y.constructs.size());
    for (std::size_t c = 0; c < x.constructs.size(); ++c) {
      SCOPED_TRACE(x.constructs[c].type);
      EXPECT_EQ(x.constructs[c].type, y.constructs[c].type);
      EXPECT_EQ(x.constructs[c].occurrences, y.constructs[c].occurrences);
      EXPECT_EQ(x.constructs[c].snippets, y.constructs[c].snippets);
    }
  }
}

TEST(MatchStarts, LetCoverageFindWhatTheWholeTreeQueryFindsForTheBuiltInPack) {
  // The corpus: the precision fixtures and every example of the pack, in
  // every language.
  std::vector<Snippet> pack = load_builtin_content().snippets;
  std::filesystem::path corpus =
      std::filesystem::temp_directory_path() / ("gloss-coverage-roots-" + std::to_string(getpid()));
  std::filesystem::remove_all(corpus);
  std::filesystem::create_directories(corpus);
  std::vector<std::filesystem::path> files;
  for (const auto &entry : std::filesystem::directory_iterator(GLOSS_SOURCE_DIR "/tests/precision"))
    if (language_for_path(entry.path().string())) files.push_back(entry.path());
  for (const Snippet &snippet : pack) {
    const Language *language = language_by_id(snippet.language);
    ASSERT_NE(language, nullptr);
    for (const CodeExample &example : snippet.examples) {
      std::filesystem::path file = corpus / (std::to_string(files.size()) + std::string(language->extensions.front()));
      std::ofstream(file) << example.code;
      files.push_back(file);
    }
  }
  ASSERT_GT(files.size(), 400u);

  // Patterns that start at a wildcard, each way tree-sitter handles one.
  pack.push_back(make_snippet("python/gloss-test-anchored-wildcard", "python", "(_ . (comment)) @construct"));
  pack.push_back(make_snippet("javascript/gloss-test-token-wildcard", "javascript", "(_ \"=>\") @construct"));
  pack.push_back(make_snippet("c/gloss-test-field-wildcard", "c", "(_ condition: (parenthesized_expression) @construct)"));

  // The same pack plus, in each language, a pattern that starts at any node
  // and never matches: the query then runs over the whole tree.
  std::vector<Snippet> with_wildcards = pack;
  for (const Language &language : all_languages())
    with_wildcards.push_back(make_snippet(std::string(language.id) + "/gloss-test-wildcard-never-matching", std::string(language.id),
                                          "((_) @construct (#eq? @construct \"gloss: no code reads this\"))"));
  ContentIndex at_roots(pack);
  ContentIndex whole_tree(with_wildcards);
  for (const Language &language : all_languages()) {
    SCOPED_TRACE(language.id);
    EXPECT_TRUE(at_roots.compiled(language).match_starts.known()) << "every built-in pattern starts at a known type";
    EXPECT_FALSE(whole_tree.compiled(language).match_starts.known());
  }

  CoverageReport fast = measure_coverage(files, at_roots, 2);
  CoverageReport reference = measure_coverage(files, whole_tree, 2);
  std::filesystem::remove_all(corpus);
  ASSERT_FALSE(fast.languages.empty());
  expect_same_reports(fast, reference);
  std::set<std::string> tips_found;
  for (const LanguageCoverage &language : fast.languages)
    for (const ConstructCount &construct : language.constructs)
      tips_found.insert(construct.snippets.begin(), construct.snippets.end());
  EXPECT_GT(tips_found.size(), 350u) << "the examples show most tips";
  for (const char *id : {"python/gloss-test-anchored-wildcard", "javascript/gloss-test-token-wildcard",
                         "c/gloss-test-field-wildcard", "javascript/static-member", "go/named-results"})
    EXPECT_TRUE(tips_found.count(id)) << id;
}

} // namespace
} // namespace gloss
