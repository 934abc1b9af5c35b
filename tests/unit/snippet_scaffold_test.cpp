#include "content_index.h"
#include "content_loader.h"
#include "content_tester.h"
#include "snippet_scaffold.h"

#include <gtest/gtest.h>

namespace gloss {
namespace {

TEST(SnippetScaffold, EveryLanguagesScaffoldLintsCleanAndPassesItsOwnExample) {
  for (const Language &language : all_languages()) {
    std::string id = std::string(language.id) + "/new-topic";
    std::vector<ContentDiagnostic> diagnostics;
    std::optional<Snippet> snippet =
        parse_snippet(scaffold_snippet(language, id), "new.md", id + ".md", 1, diagnostics);
    ASSERT_TRUE(snippet) << language.id << ": " << (diagnostics.empty() ? "" : format_diagnostic(diagnostics[0]));
    EXPECT_TRUE(diagnostics.empty()) << language.id << ": " << format_diagnostic(diagnostics[0]);
    EXPECT_EQ(snippet->title, "New topic");
    ContentIndex index({*snippet});
    EXPECT_TRUE(index.check_queries().empty()) << language.id;
    TestReport report = test_examples(index, [](const Snippet &) { return true; });
    EXPECT_EQ(report.assertions, 1u) << language.id;
    EXPECT_TRUE(report.failures.empty()) << language.id << ": " << report.failures[0].message();
  }
}

} // namespace
} // namespace gloss
