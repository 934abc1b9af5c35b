//===--- matcher.cpp - which snippets explain the code at a position ------===//
#include "matcher.h"

#include <algorithm>
#include <chrono>
#include <set>

namespace gloss {
namespace {

/// A pathological query must not stall a hover.
constexpr std::chrono::milliseconds query_budget{50};

bool stop_when_over_budget(TSQueryCursorState *state) {
  const auto *deadline = static_cast<const QueryDeadline *>(state->payload);
  return std::chrono::steady_clock::now() > deadline->at;
}

TSQueryCursor *cursor_for_this_thread() {
  thread_local QueryCursorHandle cursor(ts_query_cursor_new());
  return cursor.get();
}

} // namespace

bool ranks_before(const Match &a, const Match &b) {
  uint32_t size_a = a.construct_end - a.construct_start;
  uint32_t size_b = b.construct_end - b.construct_start;
  if (size_a != size_b) return size_a < size_b;
  if (a.inherited != b.inherited) return !a.inherited; // the document's own language is more specific
  if (a.has_focus != b.has_focus) return a.has_focus;
  if (a.specificity != b.specificity) return a.specificity > b.specificity;
  if (a.snippet->layer != b.snippet->layer) return a.snippet->layer > b.snippet->layer;
  return a.snippet->id < b.snippet->id;
}

namespace {

void rank_and_deduplicate(std::vector<Match> &matches) {
  std::stable_sort(matches.begin(), matches.end(), ranks_before);
  std::set<const Snippet *> seen;
  std::erase_if(matches, [&](const Match &m) { return !seen.insert(m.snippet).second; });
}

} // namespace

void exec_until(TSQueryCursor *cursor, const TSQuery *query, TSNode node, QueryDeadline &deadline) {
  deadline.options.payload = &deadline;
  deadline.options.progress_callback = stop_when_over_budget;
  ts_query_cursor_exec_with_options(cursor, query, node, &deadline.options);
}

std::optional<Match> to_match(const TSQueryMatch &query_match, const CompiledPattern &pattern, std::string_view text,
                              const Language &document_language, std::optional<uint32_t> byte_offset) {
  // tree-sitter returns matches that merely intersect a byte range; keep containment only.
  auto contains = [&](TSNode node) {
    return !byte_offset || (ts_node_start_byte(node) <= *byte_offset && *byte_offset < ts_node_end_byte(node));
  };
  std::optional<TSNode> construct;
  std::optional<TSNode> focus;
  bool focus_contains = false;
  for (uint16_t i = 0; i < query_match.capture_count; ++i) {
    const TSQueryCapture &capture = query_match.captures[i];
    if (capture.index == pattern.construct_capture && contains(capture.node)) construct = capture.node;
    if (pattern.focus_capture && capture.index == *pattern.focus_capture && !focus_contains) {
      focus = capture.node; // with several focus nodes, keep the one under the cursor
      focus_contains = contains(capture.node);
    }
  }
  if (!construct) return std::nullopt;
  if (pattern.focus_capture && !focus_contains) return std::nullopt;
  if (!pattern.predicates.holds(query_match, text)) return std::nullopt;

  Match match;
  match.snippet = pattern.snippet;
  match.construct_start = ts_node_start_byte(*construct);
  match.construct_end = ts_node_end_byte(*construct);
  match.has_focus = pattern.focus_capture.has_value();
  TSNode target = match.has_focus ? *focus : *construct;
  match.target_start = ts_node_start_byte(target);
  match.target_end = ts_node_end_byte(target);
  match.specificity = pattern.specificity;
  match.inherited = pattern.snippet->language != document_language.id;
  return match;
}

MatchResult match_at(const SyntaxTree &tree, std::string_view text, uint32_t byte_offset,
                     const ContentIndex &index, const LearnerFilter &filter) {
  MatchResult result;
  if (tree.empty()) return result;
  const CompiledLanguage &compiled = index.compiled(tree.language());
  if (!compiled.query) return result;
  if (!text.empty() && byte_offset >= text.size()) byte_offset = static_cast<uint32_t>(text.size()) - 1;

  TSQueryCursor *cursor = cursor_for_this_thread();
  ts_query_cursor_set_match_limit(cursor, match_limit);
  ts_query_cursor_set_byte_range(cursor, byte_offset, byte_offset + 1);
  QueryDeadline deadline{std::chrono::steady_clock::now() + query_budget};
  exec_until(cursor, compiled.query.get(), tree.root(), deadline);

  std::vector<Match> tips;
  std::vector<Match> notes;
  TSQueryMatch query_match;
  while (ts_query_cursor_next_match(cursor, &query_match)) {
    const CompiledPattern &pattern = compiled.patterns[query_match.pattern_index];
    if (!pattern.snippet || !filter.shows(*pattern.snippet)) continue;
    std::optional<Match> match = to_match(query_match, pattern, text, tree.language(), byte_offset);
    if (match) (pattern.snippet->kind == SnippetKind::Note ? notes : tips).push_back(*match);
  }
  result.exceeded_match_limit = ts_query_cursor_did_exceed_match_limit(cursor);
  rank_and_deduplicate(tips);
  rank_and_deduplicate(notes);
  result.tips = std::move(tips);
  result.notes = std::move(notes);
  return result;
}

} // namespace gloss
