// Content is data: what a cloned repository's tips may put in a hover.
#include "markdown_sanitizer.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace gloss {
namespace {

TEST(MarkdownSanitizer, EscapesRawHtml) {
  EXPECT_EQ(sanitize_markdown("Look <img src=x onerror=alert(1)> here"), "Look &lt;img src=x onerror=alert(1)> here");
  EXPECT_EQ(sanitize_markdown("<script>alert(1)</script>"), "&lt;script>alert(1)&lt;/script>");
  EXPECT_EQ(sanitize_markdown("if a < b and b > c"), "if a &lt; b and b > c");
}

TEST(MarkdownSanitizer, KeepsOnlyWebLinks) {
  EXPECT_EQ(sanitize_markdown("See [the docs](https://docs.python.org/3/ \"title\")."),
            "See [the docs](https://docs.python.org/3/ \"title\").");
  EXPECT_EQ(sanitize_markdown("[run](command:workbench.action.terminal.new)"), "run");
  EXPECT_EQ(sanitize_markdown("[x](javascript:alert(1))"), "x");
  EXPECT_EQ(sanitize_markdown("[x](<file:///etc/passwd>)"), "x");
  EXPECT_EQ(sanitize_markdown("[x](JavaScript:alert(1))"), "x");
  EXPECT_EQ(sanitize_markdown("[a [nested] label](vscode://x)"), "a [nested] label");
  EXPECT_EQ(sanitize_markdown("[ok](HTTP://example.com)"), "[ok](HTTP://example.com)");
  // A label may not smuggle HTML either.
  EXPECT_EQ(sanitize_markdown("[<b>x</b>](https://go.dev/)"), "[&lt;b>x&lt;/b>](https://go.dev/)");
}

TEST(MarkdownSanitizer, ImagesBecomeTheirAltText) {
  EXPECT_EQ(sanitize_markdown("![diagram](https://tracker.example/pixel.png)"), "diagram");
}

TEST(MarkdownSanitizer, ReferenceDefinitionsToOtherSchemesAreDropped) {
  EXPECT_EQ(sanitize_markdown("[go][1]\n\n[1]: command:evil\n"), "[go][1]\n\n\n");
  EXPECT_EQ(sanitize_markdown("[go][1]\n\n[1]: https://go.dev/\n"), "[go][1]\n\n[1]: https://go.dev/\n");
}

TEST(MarkdownSanitizer, CodeIsLeftExactlyAsWritten) {
  EXPECT_EQ(sanitize_markdown("Use `vector<int>` or ``a ` <b>``."), "Use `vector<int>` or ``a ` <b>``.");
  std::string fenced = "Text <i>\n\n```ts\nconst o = {\n  [key]: value,\n};\nlet x = a < b ? [y](z) : <div/>;\n```\nAfter <b>\n";
  EXPECT_EQ(sanitize_markdown(fenced),
            "Text &lt;i>\n\n```ts\nconst o = {\n  [key]: value,\n};\nlet x = a < b ? [y](z) : <div/>;\n```\nAfter &lt;b>\n");
  EXPECT_EQ(sanitize_markdown("~~~~\n<x>\n~~~\nstill code <y>\n~~~~\n<z>"), "~~~~\n<x>\n~~~\nstill code <y>\n~~~~\n&lt;z>");
  EXPECT_EQ(sanitize_markdown("```\nunclosed <x>\n"), "```\nunclosed <x>\n");
}

TEST(MarkdownSanitizer, KeepsLineBreaksAndEscapes) {
  std::string text = "one <a>\n[two](command:x)\n\\<three>\n";
  std::string safe = sanitize_markdown(text);
  EXPECT_EQ(std::count(safe.begin(), safe.end(), '\n'), std::count(text.begin(), text.end(), '\n'));
  EXPECT_EQ(safe, "one &lt;a>\ntwo\n\\<three>\n");
}

TEST(MarkdownSanitizer, ReportsWhatItRemoved) {
  SanitizeReport report;
  sanitize_markdown("<img src=x> [a](command:y) ![b](https://c/d.png)", &report);
  ASSERT_EQ(report.removed.size(), 3u);
  EXPECT_EQ(report.removed[0].rfind("raw HTML <img", 0), 0u) << report.removed[0];
  EXPECT_EQ(report.removed[1], "link to command:y");
  EXPECT_EQ(report.removed[2], "image https://c/d.png");
}

} // namespace
} // namespace gloss
