//===--- document_concepts.cpp - every construct in a file that has a tip -===//
#include "document_concepts.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

namespace gloss {

DocumentConcepts concepts_in(const SyntaxTree &tree, std::string_view text, const ContentIndex &index,
                             const LearnerFilter &filter, std::chrono::milliseconds budget) {
  DocumentConcepts result;
  if (tree.empty()) return result;
  const CompiledLanguage &compiled = index.compiled(tree.language());
  if (!compiled.query) return result;

  QueryCursorHandle cursor(ts_query_cursor_new());
  ts_query_cursor_set_match_limit(cursor.get(), match_limit);
  QueryDeadline deadline{std::chrono::steady_clock::now() + budget};
  exec_until(cursor.get(), compiled.query.get(), tree.root(), deadline);

  // Tips compete per construct node, as they do under a cursor; notes never compete.
  std::map<std::pair<uint32_t, uint32_t>, Match> best_per_construct;
  std::vector<Match> notes;
  TSQueryMatch query_match;
  while (ts_query_cursor_next_match(cursor.get(), &query_match)) {
    const CompiledPattern &pattern = compiled.patterns[query_match.pattern_index];
    if (!pattern.snippet || !filter.shows(*pattern.snippet)) continue;
    std::optional<Match> match = to_match(query_match, pattern, text, tree.language(), std::nullopt);
    if (!match) continue;
    if (match->snippet->kind == SnippetKind::Note) {
      notes.push_back(*match);
      continue;
    }
    auto [it, inserted] = best_per_construct.try_emplace({match->construct_start, match->construct_end}, *match);
    if (!inserted && ranks_before(*match, it->second)) it->second = *match;
  }
  result.incomplete = ts_query_cursor_did_exceed_match_limit(cursor.get()) ||
                      std::chrono::steady_clock::now() > deadline.at;

  std::vector<Match> shown = std::move(notes);
  for (auto &[range, match] : best_per_construct) shown.push_back(match);
  std::sort(shown.begin(), shown.end(), [](const Match &a, const Match &b) {
    return std::tie(a.target_start, a.target_end) < std::tie(b.target_start, b.target_end);
  });
  std::map<const Snippet *, std::size_t> position;
  for (const Match &match : shown) {
    auto [it, inserted] = position.try_emplace(match.snippet, result.concepts.size());
    if (inserted) result.concepts.push_back({match.snippet, {}});
    std::vector<ByteRange> &ranges = result.concepts[it->second].ranges;
    if (ranges.empty() || ranges.back().start != match.target_start || ranges.back().end != match.target_end)
      ranges.push_back({match.target_start, match.target_end});
  }
  return result;
}

} // namespace gloss
