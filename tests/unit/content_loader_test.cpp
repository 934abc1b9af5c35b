#include "content_loader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

namespace gloss {
namespace {

const char *valid_snippet = R"(---
id: python/lambda
title: Lambda
language: python
level: beginner
tags: [functions]
query: |
  (lambda) @construct
links:
  - title: "Reference: lambdas"
    url: https://docs.python.org/3/reference/expressions.html#lambda
---
Makes a small anonymous function.

## Example
```python
key = lambda item: item[1]
#     ^
```
)";

struct Parsed {
  std::optional<Snippet> snippet;
  std::vector<ContentDiagnostic> diagnostics;
};

Parsed parse(const std::string &text) {
  Parsed parsed;
  parsed.snippet = parse_snippet(text, "test.md", "", 1, parsed.diagnostics);
  return parsed;
}

std::string replace(std::string text, const std::string &from, const std::string &to) {
  std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

/// Expects the snippet to be rejected with an error at `line` mentioning `words`.
void expect_error(const std::string &text, uint32_t line, const std::string &words) {
  Parsed parsed = parse(text);
  EXPECT_FALSE(parsed.snippet);
  auto found = std::find_if(parsed.diagnostics.begin(), parsed.diagnostics.end(), [&](const ContentDiagnostic &d) {
    return d.severity == Severity::Error && d.line == line && d.message.find(words) != std::string::npos;
  });
  EXPECT_NE(found, parsed.diagnostics.end()) << "no error at line " << line << " with '" << words << "'; got:\n"
                                             << [&] {
                                                  std::string all;
                                                  for (auto &d : parsed.diagnostics) all += format_diagnostic(d) + "\n";
                                                  return all;
                                                }();
}

TEST(ContentLoader, ParsesEveryField) {
  Parsed parsed = parse(valid_snippet);
  ASSERT_TRUE(parsed.snippet) << (parsed.diagnostics.empty() ? "" : parsed.diagnostics[0].message);
  EXPECT_TRUE(parsed.diagnostics.empty());
  const Snippet &snippet = *parsed.snippet;
  EXPECT_EQ(snippet.id, "python/lambda");
  EXPECT_EQ(snippet.title, "Lambda");
  EXPECT_EQ(snippet.language, "python");
  EXPECT_EQ(snippet.level, Level::Beginner);
  EXPECT_EQ(snippet.tags, std::vector<std::string>{"functions"});
  EXPECT_EQ(snippet.query, "(lambda) @construct\n");
  EXPECT_EQ(snippet.query_line, 8u);
  ASSERT_EQ(snippet.links.size(), 1u);
  EXPECT_EQ(snippet.summary, "Makes a small anonymous function.");
  ASSERT_EQ(snippet.examples.size(), 1u);
  EXPECT_EQ(snippet.examples[0].source_line, 17u);
  ASSERT_EQ(snippet.examples[0].assertions.size(), 1u);
  EXPECT_EQ(snippet.examples[0].assertions[0].start_byte, 6u);
  EXPECT_EQ(snippet.examples[0].assertions[0].source_line, 18u);
  // Assertion lines are for tests, not for readers.
  EXPECT_EQ(snippet.details.find("#     ^"), std::string::npos);
  EXPECT_NE(snippet.details.find("key = lambda"), std::string::npos);
}

TEST(ContentLoader, AcceptsCrlfLineEndingsAndABom) {
  std::string text = "\xEF\xBB\xBF" + std::string(valid_snippet);
  std::string crlf;
  for (char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  EXPECT_TRUE(parse(crlf).snippet);
}

TEST(ContentLoader, RejectsAMissingFrontMatter) { expect_error("Just text\n", 1, "missing front matter"); }

TEST(ContentLoader, RejectsAnUnclosedFrontMatter) { expect_error("---\nid: python/x\n", 1, "not closed"); }

TEST(ContentLoader, ReportsInvalidYamlAtItsLine) {
  expect_error(replace(valid_snippet, "title: Lambda", "title: [unclosed"), 4, "invalid YAML");
}

TEST(ContentLoader, ReportsAMissingRequiredField) {
  expect_error(replace(valid_snippet, "title: Lambda\n", ""), 2, "'title'");
}

TEST(ContentLoader, ReportsAnUnknownLanguage) {
  expect_error(replace(valid_snippet, "language: python", "language: cobol"), 4, "unknown language 'cobol'");
}

TEST(ContentLoader, ReportsABadLevel) {
  expect_error(replace(valid_snippet, "level: beginner", "level: expert"), 5, "level 'expert'");
}

TEST(ContentLoader, ReportsAMalformedId) {
  expect_error(replace(valid_snippet, "id: python/lambda", "id: Python Lambda"), 2, "must look like");
}

TEST(ContentLoader, ReportsAnIdOutsideItsLanguage) {
  expect_error(replace(valid_snippet, "id: python/lambda", "id: cpp/lambda"), 2, "must start with its language");
}

TEST(ContentLoader, ReportsAQueryWithoutConstruct) {
  expect_error(replace(valid_snippet, "(lambda) @construct", "(lambda) @thing"), 7, "@construct");
}

TEST(ContentLoader, ReportsANonHttpLink) {
  expect_error(replace(valid_snippet, "https://docs.python.org", "javascript:alert(1)//docs.python.org"), 10, "https://");
}

TEST(ContentLoader, ReportsATipWithoutLinks) {
  std::string text = valid_snippet;
  std::size_t links = text.find("links:");
  std::size_t end = text.find("---\n", links);
  text.erase(links, end - links);
  expect_error(text, 2, "'links'");
}

TEST(ContentLoader, ReportsAnExampleWithASyntaxError) {
  expect_error(replace(valid_snippet, "key = lambda item: item[1]", "key = lambda item: item[1"), 17, "syntax error");
}

TEST(ContentLoader, ReportsAMarkerPastTheEndOfTheLine) {
  expect_error(replace(valid_snippet, "#     ^", "#                                   ^"), 18, "past the end");
}

TEST(ContentLoader, ReportsAnEmptySummary) {
  expect_error(replace(valid_snippet, "Makes a small anonymous function.\n", ""), 13, "missing summary");
}

TEST(ContentLoader, WarnsButLoadsOnUnknownFieldsAndLongSummaries) {
  std::string text = replace(valid_snippet, "tags:", "colour: blue\ntags:");
  text = replace(text, "Makes a small anonymous function.", std::string(400, 'x'));
  Parsed parsed = parse(text);
  ASSERT_TRUE(parsed.snippet);
  ASSERT_EQ(parsed.diagnostics.size(), 2u);
  EXPECT_EQ(parsed.diagnostics[0].severity, Severity::Warning);
  EXPECT_EQ(parsed.diagnostics[0].line, 6u);
  EXPECT_EQ(parsed.diagnostics[1].severity, Severity::Warning);
}

TEST(ContentLoader, ABrokenFileIsSkippedAndTheRestLoad) {
  std::filesystem::path directory = std::filesystem::temp_directory_path() / "gloss-loader-test";
  std::filesystem::remove_all(directory);
  std::filesystem::create_directories(directory / "python");
  std::ofstream(directory / "python" / "lambda.md") << valid_snippet;
  std::ofstream(directory / "python" / "broken.md") << "---\nid: [\n---\n";
  std::ofstream(directory / "README.md") << "# not a snippet\n";
  LoadedContent content = load_content_directory(directory, 1);
  ASSERT_EQ(content.snippets.size(), 1u);
  EXPECT_EQ(content.snippets[0].id, "python/lambda");
  EXPECT_EQ(content.snippets[0].layer, 1);
  ASSERT_EQ(content.diagnostics.size(), 1u);
  EXPECT_NE(content.diagnostics[0].source.find("broken.md"), std::string::npos);
  std::filesystem::remove_all(directory);
}

TEST(ContentLoader, SymlinksCannotReadOutsideTheContentDirectory) {
  std::filesystem::path root = std::filesystem::temp_directory_path() / "gloss-loader-symlinks";
  std::filesystem::remove_all(root);
  std::filesystem::create_directories(root / "content" / "python");
  std::filesystem::create_directories(root / "secret" / "python");
  std::ofstream(root / "secret" / "python" / "lambda.md") << valid_snippet;
  std::ofstream(root / "content" / "python" / "kept.md") << valid_snippet;
  std::filesystem::create_symlink(root / "secret" / "python" / "lambda.md", root / "content" / "python" / "stolen.md");
  std::filesystem::create_directory_symlink(root / "secret", root / "content" / "linked-dir");
  std::filesystem::create_symlink(root / "content" / "python" / "kept.md", root / "content" / "python" / "inside.md");
  LoadedContent content = load_content_directory(root / "content", 1);
  std::vector<std::string> sources;
  for (const ContentDiagnostic &diagnostic : content.diagnostics)
    if (diagnostic.message.find("outside the content directory") != std::string::npos) sources.push_back(diagnostic.source);
  ASSERT_EQ(sources.size(), 1u);
  EXPECT_NE(sources[0].find("stolen.md"), std::string::npos);
  for (const ContentDiagnostic &diagnostic : content.diagnostics) // the linked directory is not even listed
    EXPECT_EQ(diagnostic.source.find("linked-dir"), std::string::npos) << diagnostic.message;
  // kept.md and inside.md (a link within the directory) are read; both have the same id.
  EXPECT_EQ(content.snippets.size(), 1u);
  std::filesystem::remove_all(root);
}

TEST(ContentLoader, AMissingDirectoryIsOneDiagnostic) {
  LoadedContent content = load_content_directory("/nonexistent/gloss/content", 1);
  EXPECT_TRUE(content.snippets.empty());
  ASSERT_EQ(content.diagnostics.size(), 1u);
}

TEST(ContentLoader, TheBuiltInPackLoadsCleanly) {
  LoadedContent content = load_builtin_content();
  EXPECT_GE(content.snippets.size(), 24u);
  for (const ContentDiagnostic &diagnostic : content.diagnostics) ADD_FAILURE() << format_diagnostic(diagnostic);
}

} // namespace
} // namespace gloss
