// The built-in pack is product: every snippet loads cleanly, compiles, passes
// its own examples, links only to official references and keeps its hover short.
#include "builtin_content.h"
#include "content_index.h"
#include "content_loader.h"
#include "content_tester.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace gloss {
namespace {

const std::vector<std::string> official_hosts = {
    "https://docs.python.org/",   "https://en.cppreference.com/", "https://developer.mozilla.org/",
    "https://go.dev/",            "https://pkg.go.dev/",          "https://doc.rust-lang.org/",
    "https://docs.oracle.com/",
    "https://www.gnu.org/",       "https://gnu.org/",             "https://www.typescriptlang.org/",
};

struct BuiltinPack : ::testing::Test {
  static void SetUpTestSuite() {
    loaded = new LoadedContent(load_builtin_content());
    index = new ContentIndex(loaded->snippets);
  }
  static void TearDownTestSuite() {
    delete index;
    delete loaded;
  }
  static LoadedContent *loaded;
  static ContentIndex *index;
};
LoadedContent *BuiltinPack::loaded = nullptr;
ContentIndex *BuiltinPack::index = nullptr;

TEST_F(BuiltinPack, LoadsAndCompilesWithoutAnyDiagnostic) {
  for (const auto &diagnostic : loaded->diagnostics) ADD_FAILURE() << format_diagnostic(diagnostic);
  for (const auto &diagnostic : index->check_queries()) ADD_FAILURE() << format_diagnostic(diagnostic);
}

TEST_F(BuiltinPack, ThePackParsedAtBuildTimeIsWhatTheLoaderMakesOfTheFiles) {
  // The server starts from the table gloss_pack_compiler generated; it must
  // hold exactly what parsing the embedded files with deferred examples gives.
  std::vector<Snippet> packed = load_builtin_content(ExampleCheck::Deferred).snippets;
  LoadedContent parsed = load_embedded_files(builtin_content_files(), ExampleCheck::Deferred);
  ASSERT_EQ(packed.size(), parsed.snippets.size());
  for (std::size_t i = 0; i < packed.size(); ++i) {
    const Snippet &a = packed[i];
    const Snippet &b = parsed.snippets[i];
    SCOPED_TRACE(b.id);
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.title, b.title);
    EXPECT_EQ(a.language, b.language);
    EXPECT_EQ(a.level, b.level);
    EXPECT_EQ(a.kind, b.kind);
    EXPECT_EQ(a.tags, b.tags);
    EXPECT_EQ(a.query, b.query);
    EXPECT_EQ(a.query_line, b.query_line);
    ASSERT_EQ(a.links.size(), b.links.size());
    for (std::size_t j = 0; j < a.links.size(); ++j) {
      EXPECT_EQ(a.links[j].title, b.links[j].title);
      EXPECT_EQ(a.links[j].url, b.links[j].url);
    }
    EXPECT_EQ(a.summary, b.summary);
    EXPECT_EQ(a.details, b.details);
    EXPECT_EQ(a.details_line, b.details_line);
    EXPECT_EQ(a.examples_checked, b.examples_checked);
    ASSERT_EQ(a.examples.size(), b.examples.size());
    for (std::size_t j = 0; j < a.examples.size(); ++j) {
      EXPECT_EQ(a.examples[j].code, b.examples[j].code);
      EXPECT_EQ(a.examples[j].source_line, b.examples[j].source_line);
    }
    EXPECT_EQ(a.source, b.source);
    EXPECT_EQ(a.layer, b.layer);
    EXPECT_EQ(displayed_details(a), displayed_details(b));
  }
}

TEST_F(BuiltinPack, HasAtLeastThirtySnippetsForEachLanguage) {
  for (const char *language : {"python", "javascript", "typescript", "c", "cpp", "go", "rust", "java", "bash"}) {
    auto count = std::count_if(index->snippets().begin(), index->snippets().end(),
                               [&](const Snippet &s) { return s.language == language; });
    EXPECT_GE(count, 30) << language;
  }
}

TEST_F(BuiltinPack, EveryExampleAssertionHolds) {
  TestReport report = test_examples(*index, [](const Snippet &) { return true; });
  EXPECT_GT(report.assertions, 50u);
  for (const TestFailure &failure : report.failures) ADD_FAILURE() << failure.message();
  for (const std::string &id : report.untested) ADD_FAILURE() << id << " has no positive assertion";
  for (const UnexercisedPattern &pattern : report.unexercised)
    ADD_FAILURE() << pattern.source << ":" << pattern.line << ": pattern matches nowhere in the examples";
}

TEST_F(BuiltinPack, LinksGoOnlyToOfficialReferences) {
  for (const Snippet &snippet : index->snippets()) {
    EXPECT_FALSE(snippet.links.empty()) << snippet.id;
    for (const Link &link : snippet.links) {
      bool official = std::any_of(official_hosts.begin(), official_hosts.end(),
                                  [&](const std::string &host) { return link.url.rfind(host, 0) == 0; });
      EXPECT_TRUE(official) << snippet.id << ": " << link.url;
    }
  }
}

TEST_F(BuiltinPack, HoverSummariesAreShort) {
  for (const Snippet &snippet : index->snippets()) {
    EXPECT_LE(snippet.summary.size(), 300u) << snippet.id;
    EXPECT_LE(std::count(snippet.summary.begin(), snippet.summary.end(), '\n'), 2) << snippet.id;
    EXPECT_NE(snippet.details.find("## "), std::string::npos) << snippet.id << " has no explanation section";
  }
}

} // namespace
} // namespace gloss
