#include "document_store.h"

#include "tree_string.h"

#include <gtest/gtest.h>

namespace gloss {
namespace {

using testing::tree_string;

void expect_tree_matches_text(const Document &document) {
  ASSERT_TRUE(document.tree);
  SyntaxTree full(*document.language);
  ASSERT_TRUE(full.parse(document.text));
  EXPECT_EQ(tree_string(*document.tree), tree_string(full));
}

TEST(DocumentStore, OpensWithTheLanguageFromTheLanguageIdOrTheExtension) {
  DocumentStore store;
  EXPECT_EQ(store.open("file:///a.txt", "python", 1, "x = 1\n").language->id, "python");
  EXPECT_EQ(store.open("file:///b.cpp", "unknown-id", 1, "int x;\n").language->id, "cpp");
  const Document &plain = store.open("file:///c.txt", "plaintext", 1, "hello");
  EXPECT_EQ(plain.language, nullptr);
  EXPECT_FALSE(plain.tree);
}

TEST(DocumentStore, AppliesUtf16RangesAfterAnEmoji) {
  DocumentStore store;
  store.open("file:///a.py", "python", 1, "s = '\xF0\x9F\x98\x80'; x = 1\n");
  // "s = '😀'; x" — the 'x' is at UTF-16 column 10 (the emoji counts 2).
  ASSERT_TRUE(store.change("file:///a.py", 2, {{TextRange{{0, 10}, {0, 11}}, "yy"}}, PositionEncoding::Utf16));
  const Document *document = store.use("file:///a.py");
  EXPECT_EQ(document->text, "s = '\xF0\x9F\x98\x80'; yy = 1\n");
  EXPECT_EQ(document->version, 2);
  expect_tree_matches_text(*document);
}

TEST(DocumentStore, AppliesUtf8RangesAfterCjkText) {
  DocumentStore store;
  store.open("file:///a.py", "python", 1, "s = '\xE6\x97\xA5'\nx = 1\n");
  ASSERT_TRUE(store.change("file:///a.py", 2, {{TextRange{{0, 5}, {0, 8}}, "ab"}}, PositionEncoding::Utf8));
  EXPECT_EQ(store.get("file:///a.py")->text, "s = 'ab'\nx = 1\n");
  expect_tree_matches_text(*store.use("file:///a.py"));
}

TEST(DocumentStore, AppliesSeveralChangesInOrderAcrossLines) {
  DocumentStore store;
  store.open("file:///a.py", "python", 1, "a = 1\nb = 2\n");
  std::vector<TextChange> changes = {
      {TextRange{{1, 0}, {1, 1}}, "bee"},
      {TextRange{{0, 5}, {1, 0}}, "\n\n"},
  };
  ASSERT_TRUE(store.change("file:///a.py", 2, changes, PositionEncoding::Utf16));
  EXPECT_EQ(store.get("file:///a.py")->text, "a = 1\n\nbee = 2\n");
  expect_tree_matches_text(*store.use("file:///a.py"));
}

TEST(DocumentStore, ReversedAndPastTheEndRangesAreClampedNotFatal) {
  DocumentStore store;
  store.open("file:///a.py", "python", 1, "abc\n");
  ASSERT_TRUE(store.change("file:///a.py", 2, {{TextRange{{0, 2}, {0, 1}}, "X"}}, PositionEncoding::Utf16));
  EXPECT_EQ(store.get("file:///a.py")->text, "aXc\n");
  ASSERT_TRUE(store.change("file:///a.py", 3, {{TextRange{{9, 9}, {12, 0}}, "tail"}}, PositionEncoding::Utf16));
  EXPECT_EQ(store.get("file:///a.py")->text, "aXc\ntail");
  expect_tree_matches_text(*store.use("file:///a.py"));
}

TEST(DocumentStore, FullTextChangeReplacesEverything) {
  DocumentStore store;
  store.open("file:///a.js", "javascript", 1, "let a = 1;");
  ASSERT_TRUE(store.change("file:///a.js", 2, {{std::nullopt, "const f = () => 2;"}}, PositionEncoding::Utf16));
  EXPECT_EQ(store.get("file:///a.js")->text, "const f = () => 2;");
  expect_tree_matches_text(*store.use("file:///a.js"));
}

TEST(DocumentStore, ChangeOfAnUnopenedDocumentIsRefused) {
  DocumentStore store;
  EXPECT_FALSE(store.change("file:///nope.py", 1, {{std::nullopt, "x"}}, PositionEncoding::Utf16));
  store.open("file:///a.py", "python", 1, "x");
  store.close("file:///a.py");
  EXPECT_EQ(store.get("file:///a.py"), nullptr);
}

TEST(DocumentStore, EditsAreParsedOnceWhenTheDocumentIsNextUsed) {
  DocumentStore store;
  store.open("file:///a.py", "python", 1, "def f(x):\n    return x\n");
  ASSERT_TRUE(store.change("file:///a.py", 2, {{TextRange{{1, 12}, {1, 12}}, " + 1"}}, PositionEncoding::Utf16));
  ASSERT_TRUE(store.change("file:///a.py", 3, {{TextRange{{0, 0}, {0, 0}}, "import os\n"}}, PositionEncoding::Utf16));
  const Document *pending = store.get("file:///a.py");
  EXPECT_TRUE(pending->edits_unparsed);
  EXPECT_EQ(ts_node_end_byte(pending->tree->root()), pending->text.size()); // edited: positions already shifted
  const Document *document = store.use("file:///a.py");
  EXPECT_FALSE(document->edits_unparsed);
  EXPECT_EQ(document->text, "import os\ndef f(x):\n    return x + 1\n");
  expect_tree_matches_text(*document);
}

TEST(DocumentStore, ASlowDocumentIsParsedByJobsWhileRequestsUseTheEditedTree) {
  DocumentStore store;
  store.parse_slow_documents_elsewhere(std::chrono::microseconds(-1)); // every document counts as slow
  const std::string uri = "file:///a.py";
  store.open(uri, "python", 1, "def f(x):\n    return x\n");
  auto insert = [&](int64_t version, TextPosition at, const std::string &text) {
    ASSERT_TRUE(store.change(uri, version, {{TextRange{at, at}, text}}, PositionEncoding::Utf16));
  };
  insert(2, {1, 12}, " + 1");
  insert(3, {0, 0}, "import os\n");
  const Document *pending = store.use(uri);
  EXPECT_TRUE(pending->edits_unparsed); // slow: answered from the edited tree
  EXPECT_EQ(ts_node_end_byte(pending->tree->root()), pending->text.size());
  std::optional<ParseJob> job = store.take_parse_job(uri);
  ASSERT_TRUE(job);
  EXPECT_FALSE(store.take_parse_job(uri)); // one job at a time

  insert(4, {0, 0}, "import re\n"); // typed while the job runs
  ParseResult result = run_parse_job(std::move(*job));
  EXPECT_TRUE(store.adopt(std::move(result))); // the later edit is still to parse
  std::optional<ParseJob> second = store.take_parse_job(uri);
  ASSERT_TRUE(second);
  EXPECT_FALSE(store.adopt(run_parse_job(std::move(*second))));
  const Document *document = store.get(uri);
  EXPECT_FALSE(document->edits_unparsed);
  EXPECT_EQ(document->text, "import re\nimport os\ndef f(x):\n    return x + 1\n");
  expect_tree_matches_text(*document);
}

TEST(DocumentStore, AJobStartedBeforeTheTreeWasReplacedIsDropped) {
  DocumentStore store;
  store.parse_slow_documents_elsewhere(std::chrono::microseconds(-1));
  const std::string uri = "file:///a.py";
  store.open(uri, "python", 1, "x = 1\n");
  ASSERT_TRUE(store.change(uri, 2, {{TextRange{{0, 5}, {0, 5}}, "0"}}, PositionEncoding::Utf16));
  store.use(uri);
  ASSERT_TRUE(store.change(uri, 3, {{TextRange{{0, 6}, {0, 6}}, "0"}}, PositionEncoding::Utf16));
  std::optional<ParseJob> job = store.take_parse_job(uri);
  ASSERT_TRUE(job);
  ASSERT_TRUE(store.change(uri, 4, {{std::nullopt, "y = [n for n in range(3)]\n"}}, PositionEncoding::Utf16));
  EXPECT_FALSE(store.adopt(run_parse_job(std::move(*job))));
  expect_tree_matches_text(*store.use(uri)); // the full-text change's own parse stands
  ASSERT_TRUE(store.change(uri, 5, {{TextRange{{0, 0}, {0, 0}}, "#"}}, PositionEncoding::Utf16));
  std::optional<ParseJob> before_close = store.take_parse_job(uri);
  ASSERT_TRUE(before_close);
  store.close(uri);
  store.open(uri, "python", 1, "z = 1\n"); // reopened under the same URI while the job ran
  ParseResult old = run_parse_job(std::move(*before_close));
  EXPECT_FALSE(store.adopt(std::move(old)));
  expect_tree_matches_text(*store.get(uri));
  store.close(uri);
  EXPECT_FALSE(store.adopt(ParseResult{uri, 0, std::nullopt, {}})); // closed meanwhile: nothing to do
}

std::string python_lines(std::size_t bytes) {
  std::string text;
  for (int i = 0; text.size() < bytes; ++i) text += "value_" + std::to_string(i) + " = [x for x in range(3)]\n";
  return text;
}

const std::string broken_first_line = "def broken(:\n"; // MISSING ")" at byte 11

void insert_text(DocumentStore &store, const std::string &uri, TextPosition at, const std::string &text) {
  const Document *document = store.get(uri);
  ASSERT_TRUE(store.change(uri, document->version + 1, {{TextRange{at, at}, text}}, PositionEncoding::Utf16));
}

TextPosition end_of(const Document &document) {
  return document.position_of(static_cast<uint32_t>(document.text.size()), PositionEncoding::Utf16);
}

TEST(DocumentStore, KnowsWhereAFreshParseFailsUntilAnEditReachesIt) {
  DocumentStore store;
  const std::string uri = "file:///a.py";
  const Document &opened = store.open(uri, "python", 1, broken_first_line + "    pass\n" + python_lines(4096));
  ASSERT_TRUE(opened.reparsing.fresh_parse_fails_before);
  const uint32_t fails_before = *opened.reparsing.fresh_parse_fails_before;
  EXPECT_GT(fails_before, 11u);
  EXPECT_LT(fails_before, 2048u); // the error plus the lexer's lookahead, not the file

  insert_text(store, uri, end_of(opened), "tail = 1\n"); // far below: a fresh parse still fails
  const Document *edited = store.use(uri);
  EXPECT_EQ(edited->reparsing.fresh_parse_fails_before, fails_before);
  EXPECT_TRUE(edited->tree->has_error());
  expect_tree_matches_text(*edited);

  insert_text(store, uri, {0, 11}, ")"); // the fix: an edit before the error
  EXPECT_FALSE(store.get(uri)->reparsing.fresh_parse_fails_before);
  const Document *fixed = store.use(uri);
  EXPECT_FALSE(fixed->tree->has_error());
  EXPECT_FALSE(fixed->reparsing.fresh_parse_fails_before);
  expect_tree_matches_text(*fixed);

  insert_text(store, uri, {0, 11}, "("); // broken again: the reparse's check finds where
  const Document *rebroken = store.use(uri);
  EXPECT_TRUE(rebroken->tree->has_error());
  ASSERT_TRUE(rebroken->reparsing.fresh_parse_fails_before);
  EXPECT_LT(*rebroken->reparsing.fresh_parse_fails_before, 2048u);
}

TEST(DocumentStore, AParseJobChecksItsErrorsOnlyWhenAFreshParseMightNotFail) {
  DocumentStore store;
  store.parse_slow_documents_elsewhere(std::chrono::microseconds(-1));
  const std::string uri = "file:///a.py";
  store.open(uri, "python", 1, python_lines(4096));
  insert_text(store, uri, {0, 0}, broken_first_line);
  std::optional<ParseJob> job = store.take_parse_job(uri);
  ASSERT_TRUE(job);
  EXPECT_FALSE(job->fresh_parse_fails); // not known yet: the job checks
  insert_text(store, uri, end_of(*store.get(uri)), "tail = 1\n"); // below the error, while it runs
  ParseResult result = run_parse_job(std::move(*job));
  ASSERT_TRUE(result.fresh_parse_fails_before);
  const uint32_t fails_before = *result.fresh_parse_fails_before;
  EXPECT_TRUE(store.adopt(std::move(result)));
  EXPECT_EQ(store.get(uri)->reparsing.fresh_parse_fails_before, fails_before);

  std::optional<ParseJob> known = store.take_parse_job(uri);
  ASSERT_TRUE(known);
  EXPECT_TRUE(known->fresh_parse_fails); // no check needed
  ParseResult unchecked = run_parse_job(std::move(*known));
  EXPECT_FALSE(unchecked.fresh_parse_fails_before);
  EXPECT_FALSE(store.adopt(std::move(unchecked)));
  EXPECT_EQ(store.get(uri)->reparsing.fresh_parse_fails_before, fails_before);
  expect_tree_matches_text(*store.get(uri));

  // Found for the job's text, but an edit made meanwhile reached it.
  insert_text(store, uri, {0, 0}, "#");
  insert_text(store, uri, {0, 0}, "x = (1,\n"); // broken before the commented line
  std::optional<ParseJob> third = store.take_parse_job(uri);
  ASSERT_TRUE(third);
  EXPECT_FALSE(third->fresh_parse_fails);
  insert_text(store, uri, {0, 0}, "import os\n");
  ParseResult outdated = run_parse_job(std::move(*third));
  EXPECT_TRUE(outdated.fresh_parse_fails_before);
  EXPECT_TRUE(store.adopt(std::move(outdated)));
  EXPECT_FALSE(store.get(uri)->reparsing.fresh_parse_fails_before);
}

TEST(DocumentStore, QuickReparsesDoNotBringALongDocumentBackInPlace) {
  DocumentStore store;
  const std::string uri = "file:///long.py";
  std::string functions;
  for (int i = 0; functions.size() < (300u << 10); ++i)
    functions += "def f_" + std::to_string(i) + "(a):\n    total = [x * a for x in range(3)]\n    return total\n\n";
  const Document &opened = store.open(uri, "python", 1, functions);
  ASSERT_GT(opened.reparsing.full_parse_time.count(), 4);
  // Slow by its length alone, however quick its reparses turn out to be: an
  // edit mid-line reparses a sliver of the module, one at a line end much of it.
  store.parse_slow_documents_elsewhere(opened.reparsing.full_parse_time / 4 - std::chrono::microseconds(1));
  for (uint32_t line = 401; line < 2400; line += 400) {
    insert_text(store, uri, {line, 6}, "x"); // mid-line, in a name in a function
    EXPECT_TRUE(store.use(uri)->edits_unparsed) << "line " << line; // not parsed in place
    std::optional<ParseJob> job = store.take_parse_job(uri);
    ASSERT_TRUE(job);
    EXPECT_FALSE(store.adopt(run_parse_job(std::move(*job))));
  }
  expect_tree_matches_text(*store.get(uri));
}

TEST(DocumentStore, KeepsTreesOnlyForTheMostRecentlyUsedDocumentsWithinTheBudget) {
  DocumentStore store;
  const std::size_t each = resident_tree_bytes / 3 + 1; // three of these exceed the budget
  store.open("file:///a.py", "python", 1, python_lines(each));
  store.open("file:///b.py", "python", 1, python_lines(each));
  store.open("file:///c.py", "python", 1, python_lines(each));
  const Document *a = store.get("file:///a.py");
  EXPECT_FALSE(a->tree);
  EXPECT_TRUE(a->evicted);
  EXPECT_TRUE(store.get("file:///b.py")->tree);
  EXPECT_TRUE(store.get("file:///c.py")->tree);

  // Using the oldest parses it again and drops the least recently used other.
  a = store.use("file:///a.py");
  expect_tree_matches_text(*a);
  EXPECT_FALSE(a->evicted);
  EXPECT_FALSE(store.get("file:///b.py")->tree);
  EXPECT_TRUE(store.get("file:///c.py")->tree);
}

TEST(DocumentStore, AnEditToAnEvictedDocumentParsesItAgain) {
  DocumentStore store;
  const std::size_t each = resident_tree_bytes / 2 + 1;
  store.open("file:///a.py", "python", 1, python_lines(each));
  store.open("file:///b.py", "python", 1, python_lines(each));
  ASSERT_FALSE(store.get("file:///a.py")->tree);
  ASSERT_TRUE(store.change("file:///a.py", 2, {{TextRange{{0, 0}, {0, 0}}, "import os\n"}}, PositionEncoding::Utf16));
  expect_tree_matches_text(*store.use("file:///a.py"));
  EXPECT_FALSE(store.get("file:///b.py")->tree);
}

TEST(DocumentStore, ADocumentLargerThanTheBudgetKeepsItsTreeWhileInUse) {
  DocumentStore store;
  store.open("file:///big.py", "python", 1, python_lines(resident_tree_bytes * 2));
  EXPECT_TRUE(store.use("file:///big.py")->tree);
  store.open("file:///small.py", "python", 1, "x = 1\n");
  EXPECT_FALSE(store.get("file:///big.py")->tree);
  EXPECT_TRUE(store.use("file:///big.py")->tree);
  EXPECT_FALSE(store.get("file:///small.py")->tree); // the budget is spent on the one in use
}

TEST(DocumentStore, ALongDocumentIsParsedAtOpenByAJob) {
  DocumentStore store;
  store.parse_long_documents_elsewhere(16);
  const Document &short_one = store.open("file:///short.py", "python", 1, "x = 1\n");
  EXPECT_FALSE(short_one.awaits_first_parse());
  expect_tree_matches_text(short_one);

  const std::string uri = "file:///long.py";
  const Document &opened = store.open(uri, "python", 1, "def f(x):\n    return x\n");
  EXPECT_TRUE(opened.awaits_first_parse());
  EXPECT_FALSE(opened.tree);
  EXPECT_FALSE(store.use(uri)->tree) << "use() does not parse it in place";
  std::optional<ParseJob> job = store.take_parse_job(uri);
  ASSERT_TRUE(job);
  EXPECT_FALSE(job->edited_tree);
  EXPECT_FALSE(store.take_parse_job(uri)); // one job at a time
  EXPECT_TRUE(store.get(uri)->awaits_first_parse());

  // Typed while the job runs: applied to its tree when it comes back.
  ASSERT_TRUE(store.change(uri, 2, {{TextRange{{0, 0}, {0, 0}}, "import os\n"}}, PositionEncoding::Utf16));
  EXPECT_TRUE(store.adopt(run_parse_job(std::move(*job))));
  const Document *document = store.get(uri);
  EXPECT_FALSE(document->awaits_first_parse());
  EXPECT_GT(document->reparsing.full_parse_time.count(), 0);
  expect_tree_matches_text(*store.use(uri));
  EXPECT_EQ(document->text, "import os\ndef f(x):\n    return x\n");
}

TEST(DocumentStore, AFirstParseOfAnEarlierDocumentUnderTheSameUriIsIgnored) {
  DocumentStore store;
  store.parse_long_documents_elsewhere(0);
  const std::string uri = "file:///a.py";
  store.open(uri, "python", 1, "x = 1\n");
  std::optional<ParseJob> first = store.take_parse_job(uri);
  ASSERT_TRUE(first);
  store.open(uri, "python", 1, "y = [n for n in range(3)]\n"); // closed and opened again meanwhile
  std::optional<ParseJob> second = store.take_parse_job(uri);
  ASSERT_TRUE(second);
  store.adopt(run_parse_job(std::move(*first)));
  EXPECT_TRUE(store.get(uri)->awaits_first_parse()) << "still waiting for its own parse";
  store.adopt(run_parse_job(std::move(*second)));
  EXPECT_FALSE(store.get(uri)->awaits_first_parse());
  expect_tree_matches_text(*store.get(uri));
}

TEST(DocumentStore, ALongDocumentOverTheSizeLimitDoesNotWaitForAParse) {
  DocumentStore store;
  store.parse_long_documents_elsewhere(0);
  const Document &document = store.open("file:///big.py", "python", 1, std::string(max_parsed_document_bytes + 1, '#'));
  EXPECT_FALSE(document.awaits_first_parse());
  EXPECT_FALSE(store.take_parse_job("file:///big.py"));
  EXPECT_NE(document.parse_problem.find("MB limit"), std::string::npos);
  const Document &text_only = store.open("file:///notes.txt", "plaintext", 1, "no grammar");
  EXPECT_FALSE(text_only.awaits_first_parse());
}

TEST(DocumentStore, ALongDocumentWhoseWholeTextIsReplacedIsParsedByAJob) {
  DocumentStore store;
  store.parse_long_documents_elsewhere(16);
  const std::string uri = "file:///a.py";
  store.open(uri, "python", 1, "x = 1\n");
  ASSERT_TRUE(store.get(uri)->tree);
  ASSERT_TRUE(store.change(uri, 2, {{std::nullopt, "y = [n for n in range(3)]\n"}}, PositionEncoding::Utf16));
  EXPECT_TRUE(store.get(uri)->awaits_first_parse());
  EXPECT_FALSE(store.get(uri)->tree);
  std::optional<ParseJob> job = store.take_parse_job(uri);
  ASSERT_TRUE(job);
  store.adopt(run_parse_job(std::move(*job)));
  expect_tree_matches_text(*store.get(uri));
  ASSERT_TRUE(store.change(uri, 3, {{std::nullopt, "z = 1\n"}}, PositionEncoding::Utf16));
  EXPECT_FALSE(store.get(uri)->awaits_first_parse()) << "short again: parsed in place";
  expect_tree_matches_text(*store.get(uri));
}

TEST(DocumentStore, ALongDocumentWhoseTreeWasDroppedIsParsedAgainByAJob) {
  DocumentStore store;
  store.parse_slow_documents_elsewhere(std::chrono::microseconds(-1));
  store.parse_long_documents_elsewhere(resident_tree_bytes / 2);
  const std::string uri = "file:///long.py";
  std::string text;
  while (text.size() <= resident_tree_bytes / 2) text += "def f(x):\n    return [n for n in x]\n";
  store.open(uri, "python", 1, text);
  EXPECT_FALSE(store.parse_again_elsewhere(uri)) << "not dropped";
  store.adopt(run_parse_job(std::move(*store.take_parse_job(uri))));
  ASSERT_TRUE(store.get(uri)->tree);

  // An edit, its reparse job out, and then the tree is dropped for another long document.
  ASSERT_TRUE(store.change(uri, 2, {{TextRange{{0, 0}, {0, 0}}, "import os\n"}}, PositionEncoding::Utf16));
  std::optional<ParseJob> reparse = store.take_parse_job(uri);
  ASSERT_TRUE(reparse);
  store.open("file:///other.py", "python", 1, text);
  store.adopt(run_parse_job(std::move(*store.take_parse_job("file:///other.py"))));
  store.use("file:///other.py");
  ASSERT_TRUE(store.get(uri)->evicted);
  EXPECT_FALSE(store.parse_again_elsewhere("file:///missing.py"));

  EXPECT_TRUE(store.parse_again_elsewhere(uri));
  EXPECT_TRUE(store.get(uri)->awaits_first_parse());
  EXPECT_FALSE(store.use(uri)->tree) << "use() does not parse it in place";
  EXPECT_FALSE(store.take_parse_job(uri)) << "the reparse job is still out";
  store.adopt(run_parse_job(std::move(*reparse))); // dropped: the tree it edited is gone
  std::optional<ParseJob> fresh = store.take_parse_job(uri);
  ASSERT_TRUE(fresh);
  EXPECT_FALSE(fresh->edited_tree);
  store.adopt(run_parse_job(std::move(*fresh)));
  EXPECT_FALSE(store.get(uri)->awaits_first_parse());
  expect_tree_matches_text(*store.get(uri));

  DocumentStore in_place; // without a threshold, use() parses a dropped tree again itself
  in_place.open(uri, "python", 1, text);
  EXPECT_FALSE(in_place.parse_again_elsewhere(uri));
}

TEST(Uri, DecodesAndEncodesFileUris) {
  EXPECT_EQ(path_from_uri("file:///home/a%20b/c.py"), "/home/a b/c.py");
  EXPECT_EQ(path_from_uri("file://localhost/x.py"), "/x.py");
  EXPECT_EQ(uri_from_path("/tmp/a b#.md"), "file:///tmp/a%20b%23.md");
  EXPECT_EQ(path_from_uri(uri_from_path("/tmp/é x.md")), "/tmp/é x.md");
}

} // namespace
} // namespace gloss
