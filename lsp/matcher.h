//===--- matcher.h - which snippets explain the code at a position --------===//
//
// A pure function over bytes: given a document's tree and a byte offset, find
// the snippets whose @construct contains the offset (and whose @focus, when
// the pattern has one, contains it too), ranked innermost first. The query
// cursor is restricted to the offset, so tree-sitter walks only the path from
// the root to it: the cost grows with tree depth, not file size.
//
//===----------------------------------------------------------------------===//
#ifndef GLOSS_LSP_MATCHER_H
#define GLOSS_LSP_MATCHER_H

#include "content_index.h"
#include "syntax_tree.h"

#include <chrono>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace gloss {

struct Match {
  const Snippet *snippet = nullptr;
  uint32_t construct_start = 0;
  uint32_t construct_end = 0;
  uint32_t target_start = 0; ///< the focus range when the pattern has one, else the construct.
  uint32_t target_end = 0;
  bool has_focus = false;
  bool inherited = false; ///< the snippet is a parent language's (javascript in a .ts file)
  uint32_t specificity = 0;
};

struct MatchResult {
  std::vector<Match> tips;  ///< best first: innermost, then most specific. One per snippet.
  std::vector<Match> notes; ///< team notes (kind: note) at the position, innermost first.
  bool exceeded_match_limit = false;

  const Match *best() const { return tips.empty() ? nullptr : &tips.front(); }
};

/// Matches at most this many in-progress patterns at once (as editors do).
inline constexpr uint32_t match_limit = 256;

/// What the learner wants to see; the default shows every tip.
struct LearnerFilter {
  Level level = Level::Intermediate;
  std::set<std::string, std::less<>> muted; ///< tip ids the learner said they know

  bool shows(const Snippet &snippet) const {
    return snippet.kind == SnippetKind::Note || (level_shows(level, snippet.level) && !muted.count(snippet.id));
  }
};

/// The order of tips competing at one position: innermost construct first,
/// then the document's own language, @focus, specificity, higher layer, id.
bool ranks_before(const Match &a, const Match &b);

/// When a query run must give up. tree-sitter keeps a pointer to `options`,
/// so the deadline must outlive the run.
struct QueryDeadline {
  std::chrono::steady_clock::time_point at;
  TSQueryCursorOptions options{};
};
void exec_until(TSQueryCursor *cursor, const TSQuery *query, TSNode node, QueryDeadline &deadline);

/// The Match a query match stands for, or nothing when its predicates fail or,
/// given `byte_offset`, its @construct (or @focus) does not contain it.
std::optional<Match> to_match(const TSQueryMatch &query_match, const CompiledPattern &pattern, std::string_view text,
                              const Language &document_language, std::optional<uint32_t> byte_offset);

MatchResult match_at(const SyntaxTree &tree, std::string_view text, uint32_t byte_offset,
                     const ContentIndex &index, const LearnerFilter &filter = {});

} // namespace gloss

#endif
