#include "content_loader.h"
#include "content_tester.h"
#include "snippet_text.h"

#include <gtest/gtest.h>

namespace gloss {
namespace {

Snippet parse(const std::string &text) {
  std::vector<ContentDiagnostic> diagnostics;
  std::optional<Snippet> snippet = parse_snippet(text, "t.md", "", 1, diagnostics);
  EXPECT_TRUE(snippet) << (diagnostics.empty() ? "" : format_diagnostic(diagnostics[0]));
  return snippet ? *snippet : Snippet{};
}

const std::string two_patterns = testing::tip_file("python/probe", "Probe", "(lambda) @construct\n(set_comprehension) @construct", R"(Summary.

## Example
```python
f = lambda: 0
#   ^
g = lambda: 1
#   ^ !
```
)");

TEST(ContentTester, ReportsMissingAndNoisyMarkers) {
  ContentIndex index({parse(two_patterns)});
  TestReport report = test_examples(index, [](const Snippet &) { return true; });
  EXPECT_EQ(report.assertions, 2u);
  ASSERT_EQ(report.failures.size(), 1u);
  EXPECT_EQ(report.failures[0].kind, FailureKind::Noisy);
  EXPECT_EQ(report.failures[0].line, 20u);
  EXPECT_TRUE(report.untested.empty());
}

TEST(ContentTester, ReportsAPatternThatNoExampleExercises) {
  ContentIndex index({parse(two_patterns)});
  TestReport report = test_examples(index, [](const Snippet &) { return true; });
  ASSERT_EQ(report.unexercised.size(), 1u);
  EXPECT_EQ(report.unexercised[0].line, 8u); // the set_comprehension pattern
  EXPECT_EQ(report.unexercised[0].id, "python/probe");
}

TEST(ContentTester, ATipWithoutAPositiveMarkerIsUntested) {
  std::string text = two_patterns;
  text.replace(text.find("#   ^\n"), 6, "");
  ContentIndex index({parse(text)});
  TestReport report = test_examples(index, [](const Snippet &) { return true; });
  ASSERT_EQ(report.untested.size(), 1u);
  EXPECT_EQ(report.untested[0], "python/probe");
}

} // namespace
} // namespace gloss
