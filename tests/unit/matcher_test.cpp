#include "annotations.h"
#include "content_index.h"
#include "hover.h"
#include "matcher.h"
#include "test_content.h"

#include <gtest/gtest.h>

namespace gloss {
namespace {

using testing::Annotations;
using testing::make_snippet;

std::vector<Snippet> python_pack() {
  return {
      make_snippet("python/function", "python", "(function_definition name: (identifier) @focus) @construct"),
      make_snippet("python/list-comprehension", "python", "(list_comprehension) @construct"),
      make_snippet("python/call", "python", "(call) @construct"),
      make_snippet("python/print-call", "python",
                   "(call function: (identifier) @_f (#eq? @_f \"print\")) @construct"),
      make_snippet("python/binary", "python", "(binary_operator) @construct"),
  };
}

struct Probe {
  Annotations code;
  ContentIndex index;
  SyntaxTree tree;

  Probe(std::string_view annotated, std::vector<Snippet> snippets, const char *language = "python")
      : code(annotated), index(std::move(snippets)), tree(*language_by_id(language)) {
    EXPECT_TRUE(index.check_queries().empty());
    EXPECT_TRUE(tree.parse(code.code()));
  }

  MatchResult at(uint32_t offset) { return match_at(tree, code.code(), offset, index); }

  std::vector<std::string> ids(uint32_t offset) {
    std::vector<std::string> ids;
    for (const Match &match : at(offset).tips) ids.push_back(match.snippet->id);
    return ids;
  }
};

TEST(Matcher, RanksInnermostFirst) {
  Probe probe("def f():\n    return [len(x) for x in ^xs]\n", python_pack());
  EXPECT_EQ(probe.ids(probe.code.point()), (std::vector<std::string>{"python/list-comprehension"}));
  Probe inner("def f():\n    return [l^en(x) for x in xs]\n", python_pack());
  EXPECT_EQ(inner.ids(inner.code.point()),
            (std::vector<std::string>{"python/call", "python/list-comprehension"}));
}

TEST(Matcher, FocusLimitsWhereALargeConstructApplies) {
  Probe on_name("def ^f():\n    return 1\n", python_pack());
  EXPECT_EQ(on_name.ids(on_name.code.point()), (std::vector<std::string>{"python/function"}));
  Probe in_body("def f():\n    ret^urn 1\n", python_pack());
  EXPECT_TRUE(in_body.ids(in_body.code.point()).empty());
}

TEST(Matcher, AMorespecificPatternWinsOnTheSameNode) {
  Probe probe("pr^int(1)\n", python_pack());
  EXPECT_EQ(probe.ids(probe.code.point()), (std::vector<std::string>{"python/print-call", "python/call"}));
}

TEST(Matcher, OnlyContainingConstructsMatchNotIntersectingOnes) {
  // The range [offset, offset+1) intersects the call's last byte's neighbour; containment is what counts.
  Probe probe("x = f(1)^\ny = 2\n", python_pack());
  EXPECT_TRUE(probe.ids(probe.code.point()).empty());
}

TEST(Matcher, OffsetsPastTheEndAreClamped) {
  Probe probe("[x for x in y]", python_pack());
  EXPECT_EQ(probe.ids(10000), (std::vector<std::string>{"python/list-comprehension"}));
}

TEST(Matcher, ReturnsEachSnippetOnceEvenWhenNested) {
  Probe probe("[ [a for a in ^b] for b in c]\n", python_pack());
  EXPECT_EQ(probe.ids(probe.code.point()), (std::vector<std::string>{"python/list-comprehension"}));
}

TEST(Matcher, NotesAreReturnedApartFromTips) {
  auto pack = python_pack();
  pack.push_back(make_snippet("python/team-print", "python", "(call function: (identifier) @_f (#eq? @_f \"print\")) @construct",
                              SnippetKind::Note, 1));
  Probe probe("pr^int(1)\n", pack);
  MatchResult result = probe.at(probe.code.point());
  ASSERT_EQ(result.notes.size(), 1u);
  EXPECT_EQ(result.notes[0].snippet->id, "python/team-print");
  EXPECT_EQ(result.best()->snippet->id, "python/print-call");
  std::optional<HoverInfo> hover = make_hover(result);
  ASSERT_TRUE(hover);
  ASSERT_EQ(hover->notes.size(), 1u);
  EXPECT_NE(render_markdown(*hover).find("Team note: python/team-print"), std::string::npos);
}

TEST(Matcher, AHigherLayerOverridesBySnippetId) {
  auto pack = python_pack();
  Snippet override_snippet = make_snippet("python/call", "python", "(call) @construct", SnippetKind::Tip, 1);
  override_snippet.title = "Team call";
  pack.push_back(override_snippet);
  Probe probe("f^(1)\n", pack);
  MatchResult result = probe.at(probe.code.point());
  const Match *best = result.best();
  ASSERT_TRUE(best);
  EXPECT_EQ(best->snippet->title, "Team call");
  EXPECT_EQ(probe.index.snippets().size(), python_pack().size());
}

TEST(Matcher, HoverListsEnclosingConstructsAsInside) {
  Probe probe("def f():\n    return [l^en(x) for x in xs]\n", python_pack());
  std::optional<HoverInfo> hover = make_hover(probe.at(probe.code.point()));
  ASSERT_TRUE(hover);
  EXPECT_EQ(hover->tip->id, "python/call");
  ASSERT_EQ(hover->inside.size(), 1u);
  EXPECT_EQ(hover->inside[0]->id, "python/list-comprehension");
  uint32_t start = static_cast<uint32_t>(probe.code.code().find("len(x)"));
  EXPECT_EQ(hover->start_byte, start);
  EXPECT_EQ(hover->end_byte, start + 6);
  EXPECT_NE(render_markdown(*hover).find("Inside: python/list-comprehension"), std::string::npos);
  EXPECT_NE(render_plaintext(*hover).find("Inside: python/list-comprehension"), std::string::npos);
}

TEST(Matcher, ABrokenQueryIsReportedAndTheOthersStillMatch) {
  auto pack = python_pack();
  pack.push_back(make_snippet("python/broken", "python", "(no_such_node) @construct"));
  ContentIndex index(pack);
  auto diagnostics = index.check_queries();
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_NE(diagnostics[0].message.find("invalid node type 'no_such_node'"), std::string::npos);
  SyntaxTree tree(*language_by_id("python"));
  ASSERT_TRUE(tree.parse("f(1)\n"));
  EXPECT_TRUE(match_at(tree, "f(1)\n", 0, index).best());
}

TEST(Matcher, ChildLanguagesInheritTheirParentsSnippets) {
  Probe probe("const f = (a) =^> a;\n",
              {make_snippet("javascript/arrow", "javascript", "(arrow_function) @construct")}, "typescript");
  EXPECT_EQ(probe.ids(probe.code.point()), (std::vector<std::string>{"javascript/arrow"}));
}

TEST(Matcher, AnInheritedSnippetKeepsThePatternsThatCompileForTheChild) {
  // TypeScript has no "field_definition" (it says "public_field_definition"); the arrow pattern still applies.
  Snippet snippet = make_snippet("javascript/mixed", "javascript", "(field_definition) @construct\n(arrow_function) @construct");
  Probe probe("const f = (a) =^> a;\n", {snippet}, "typescript");
  EXPECT_EQ(probe.ids(probe.code.point()), (std::vector<std::string>{"javascript/mixed"}));
  EXPECT_TRUE(probe.index.compiled(*language_by_id("typescript")).diagnostics.empty());
}

TEST(Matcher, ParentLanguagesDoNotSeeTheirChildrensSnippets) {
  ContentIndex index({make_snippet("javascript/arrow", "javascript", "(arrow_function) @construct"),
                      make_snippet("typescript/enum", "typescript", "(enum_declaration) @construct")});
  // "enum_declaration" does not exist in JavaScript; only TypeScript and TSX documents use it.
  const CompiledLanguage &javascript = index.compiled(*language_by_id("javascript"));
  EXPECT_TRUE(javascript.diagnostics.empty());
  EXPECT_EQ(ts_query_pattern_count(javascript.query.get()), 1u);
  EXPECT_EQ(ts_query_pattern_count(index.compiled(*language_by_id("tsx")).query.get()), 2u);
}

} // namespace
} // namespace gloss
