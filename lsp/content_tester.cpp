//===--- content_tester.cpp - run each snippet's examples as tests --------===//
#include "content_tester.h"

#include "matcher.h"

#include <set>

namespace gloss {

std::string TestFailure::message() const {
  std::string text = source + ":" + std::to_string(line) + ": ";
  if (kind == FailureKind::Missing) {
    text += "missing: expected '" + expected_id + "' to rank first here, got " +
            (actual_id.empty() ? std::string("no tip") : "'" + actual_id + "'");
  } else {
    text += "noisy: '" + expected_id + "' ranks first here, but the example says it must not";
  }
  return text;
}

TestReport test_examples(const ContentIndex &index,
                         const std::function<bool(const Snippet &)> &selected) {
  TestReport report;
  for (const Snippet &snippet : index.snippets()) {
    if (!selected(snippet)) continue;
    ++report.snippets;
    const Language *language = language_by_id(snippet.language);
    if (!language) continue;
    bool has_positive = false;
    const CompiledLanguage &compiled = index.compiled(*language);
    std::set<uint32_t> unmatched; // this snippet's patterns not yet seen matching an example
    for (uint32_t pattern = 0; pattern < compiled.patterns.size(); ++pattern)
      if (compiled.patterns[pattern].snippet == &snippet) unmatched.insert(pattern);
    for (const CodeExample &example : snippet.examples) {
      ++report.examples;
      SyntaxTree tree(*language);
      if (!tree.parse(example.code)) continue; // the loader already reported it
      if (!unmatched.empty() && compiled.query) {
        QueryCursorHandle cursor(ts_query_cursor_new());
        ts_query_cursor_exec(cursor.get(), compiled.query.get(), tree.root());
        TSQueryMatch match;
        while (ts_query_cursor_next_match(cursor.get(), &match))
          if (unmatched.count(match.pattern_index) &&
              compiled.patterns[match.pattern_index].predicates.holds(match, example.code))
            unmatched.erase(match.pattern_index);
      }
      for (const ExampleAssertion &assertion : example.assertions) {
        ++report.assertions;
        std::string expected = assertion.expected_id.empty() ? snippet.id : assertion.expected_id;
        if (!assertion.negated && expected == snippet.id) has_positive = true;
        for (uint32_t byte = assertion.start_byte; byte < assertion.end_byte; ++byte) {
          MatchResult matches = match_at(tree, example.code, byte, index);
          // A team note does not compete with tips: it must be the first note shown there.
          const Snippet *expected_snippet = index.find(expected);
          bool note = expected_snippet && expected_snippet->kind == SnippetKind::Note;
          const std::vector<Match> &ranked = note ? matches.notes : matches.tips;
          std::string actual = ranked.empty() ? "" : ranked.front().snippet->id;
          bool failed = assertion.negated ? actual == expected : actual != expected;
          if (!failed) continue;
          report.failures.push_back({assertion.negated ? FailureKind::Noisy : FailureKind::Missing,
                                     snippet.source, assertion.source_line, expected, actual});
          break; // one failure per marker is enough to act on
        }
      }
    }
    if (!has_positive) report.untested.push_back(snippet.id);
    for (uint32_t pattern : unmatched)
      report.unexercised.push_back({snippet.source, compiled.patterns[pattern].line, snippet.id});
  }
  return report;
}

} // namespace gloss
