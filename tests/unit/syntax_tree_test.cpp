#include "syntax_tree.h"

#include "tree_string.h"

#include <gtest/gtest.h>

#include <random>

namespace gloss {
namespace {

using testing::tree_string;

TEST(SyntaxTree, ParsesAndFindsTheNodeAtAnOffset) {
  SyntaxTree tree(*language_by_id("python"));
  ASSERT_TRUE(tree.parse("xs = [n for n in ys]\n"));
  EXPECT_FALSE(tree.has_error());
  TSNode node = tree.node_at(6);
  EXPECT_STREQ(ts_node_type(node), "identifier");
  EXPECT_STREQ(ts_node_type(ts_node_parent(node)), "list_comprehension");
}

TEST(SyntaxTree, NodeAtPastTheEndIsClamped) {
  SyntaxTree tree(*language_by_id("python"));
  ASSERT_TRUE(tree.parse("x = 1\n"));
  EXPECT_FALSE(ts_node_is_null(tree.node_at(1000)));
}

TEST(SyntaxTree, AnEmptyTreeAnswersNullNodes) {
  SyntaxTree tree(*language_by_id("python"));
  EXPECT_TRUE(tree.empty());
  EXPECT_TRUE(ts_node_is_null(tree.node_at(0)));
  EXPECT_FALSE(tree.has_error());
}

TEST(SyntaxTree, AParseOverBudgetGivesUpInsteadOfStalling) {
  SyntaxTree tree(*language_by_id("cpp"), std::chrono::milliseconds(0));
  std::string huge;
  for (int i = 0; i < 20000; ++i) huge += "int f" + std::to_string(i) + "() { return " + std::to_string(i) + "; }\n";
  EXPECT_FALSE(tree.parse(huge));
  EXPECT_TRUE(tree.empty());
  // The parser must be usable again afterwards.
  SyntaxTree fresh(*language_by_id("cpp"));
  EXPECT_TRUE(fresh.parse("int x = 1;\n"));
  EXPECT_FALSE(fresh.has_error());
}

/// Random edits applied incrementally must give the same tree as a full
/// parse of the same text (tree-sitter's corpus_test does the same).
void check_random_edits(const char *language_id, std::string text, unsigned seed) {
  const Language &language = *language_by_id(language_id);
  const std::vector<std::string> insertions = {"x", "(", ")", "\n", " ", "[a for a in b]", "{", "}", ";",
                                               "\"s\"", "=> 1", "lambda: 0", "// c\n", "\xF0\x9F\x98\x80", ""};
  std::mt19937 random(seed);
  SyntaxTree incremental(language);
  ASSERT_TRUE(incremental.parse(text));
  for (int step = 0; step < 200; ++step) {
    uint32_t start = text.empty() ? 0 : static_cast<uint32_t>(random() % (text.size() + 1));
    uint32_t length = static_cast<uint32_t>(random() % 6);
    uint32_t old_end = std::min<uint32_t>(start + length, static_cast<uint32_t>(text.size()));
    const std::string &inserted = insertions[random() % insertions.size()];
    ByteEdit edit = ByteEdit::replacing(text, start, old_end, inserted);
    text.replace(start, old_end - start, inserted);
    ASSERT_TRUE(incremental.apply_edit(edit, text));
    SyntaxTree full(language);
    ASSERT_TRUE(full.parse(text));
    ASSERT_EQ(tree_string(incremental), tree_string(full))
        << language_id << " seed " << seed << " step " << step << "\ntext:\n" << text;
  }
}

TEST(SyntaxTree, RandomIncrementalEditsMatchAFullReparsePython) {
  for (unsigned seed : {1u, 2u, 3u})
    check_random_edits("python", "def f(xs):\n    return [x * 2 for x in xs if x]\n\nclass A:\n    y = 1\n", seed);
}

TEST(SyntaxTree, RandomIncrementalEditsMatchAFullReparseCpp) {
  for (unsigned seed : {4u, 5u})
    check_random_edits("cpp", "int main() {\n  auto f = [](int a) { return a + 1; };\n  for (int i : v) f(i);\n}\n", seed);
}

TEST(SyntaxTree, RandomIncrementalEditsMatchAFullReparseJavaScript) {
  for (unsigned seed : {6u, 7u})
    check_random_edits("javascript", "const f = (a) => a?.b ?? 1;\nclass C { #x = 1; get x() { return this.#x; } }\n", seed);
}

TEST(SyntaxTree, FindsWhereTheFirstErrorWasFoundAtTheLatest) {
  auto first_error_end = [](const char *language, std::string_view text) {
    SyntaxTree tree(*language_by_id(language));
    EXPECT_TRUE(tree.parse(text));
    return tree.first_error_end();
  };
  EXPECT_EQ(first_error_end("python", "x = 1\n"), std::nullopt);
  // MISSING ")" before the ":" (bytes 11-12), which the parser could not take.
  EXPECT_EQ(first_error_end("python", "def broken(:\n    pass\nz = (1,\ny\n"), 12u);
  // MISSING ";" after "1": the error showed at the next token, "int" (10-13).
  EXPECT_EQ(first_error_end("c", "int x = 1\nint y;\n"), 13u);
  // ERROR over "1,\ny" (5-9), then "=" (10-11).
  EXPECT_EQ(first_error_end("python", "x = (1,\ny = 2\n"), 11u);
}

} // namespace
} // namespace gloss
