//===--- content_index.h - snippets merged, queries compiled --------------===//
//
// The index holds the merged snippets of every layer (a higher layer replaces
// a lower one's snippet with the same id) and, per document language, one
// combined tree-sitter query made of all applicable snippets' queries. The
// combined query is compiled lazily, once per language, the first time a
// document of that language needs it; a snippet whose query does not compile
// is reported and left out, and the rest still work.
//
// Thread-safety: all const methods may be called from any thread; the lazy
// compilation is guarded by a mutex. Publish as shared_ptr<const ContentIndex>
// and replace it whole on reload.
//
//===----------------------------------------------------------------------===//
#ifndef GLOSS_LSP_CONTENT_INDEX_H
#define GLOSS_LSP_CONTENT_INDEX_H

#include "language_registry.h"
#include "query_predicates.h"
#include "snippet.h"
#include "ts_handles.h"

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gloss {

/// What one pattern of the combined query means.
struct CompiledPattern {
  const Snippet *snippet = nullptr; ///< nullptr: the pattern is disabled.
  uint32_t construct_capture = 0;
  std::optional<uint32_t> focus_capture;
  PatternPredicates predicates;
  uint32_t specificity = 0; ///< larger is more specific (longer pattern, more predicates).
  uint32_t line = 0;        ///< 1-based line of the pattern in its snippet's file.
};

/// Where the matches of a query can start (the node its pattern's root
/// captures), by node symbol, with one more slot, last, for ERROR.
/// Unknown when some pattern can start at any node (a bare wildcard, a
/// supertype, a field, sibling roots): every match is then found only by
/// running the query over the whole tree.
struct MatchStarts {
  std::vector<bool> at;        ///< at nodes of these types
  std::vector<bool> parent_of; ///< at the parents of nodes of these types: `(_ "static")`
  bool known() const { return !at.empty(); }
};

struct CompiledLanguage {
  QueryHandle query; ///< nullptr when no snippet applies to the language.
  std::vector<CompiledPattern> patterns; ///< indexed by pattern index; empty without a query.
  MatchStarts match_starts;
  std::vector<ContentDiagnostic> diagnostics;
};

class ContentIndex {
public:
  /// `snippets` in layer order, lowest first; later ones override by id.
  /// Snippets whose id matches a `disabled` pattern ('*' wildcards) are left out.
  explicit ContentIndex(std::vector<Snippet> snippets, const std::vector<std::string> &disabled = {});

  const std::vector<Snippet> &snippets() const { return snippets_; }
  const Snippet *find(std::string_view id) const;

  /// The compiled query for documents in `language` (its own snippets and
  /// its ancestors'). Compiled on first use.
  const CompiledLanguage &compiled(const Language &language) const;

  /// Compiles every language that has snippets and returns the problems
  /// found in the snippets' own language (what `gloss lint` reports).
  std::vector<ContentDiagnostic> check_queries() const;

private:
  std::unique_ptr<CompiledLanguage> compile(const Language &language) const;

  std::vector<Snippet> snippets_;
  std::map<std::string, std::size_t, std::less<>> by_id_;
  mutable std::mutex mutex_;
  mutable std::map<const Language *, std::unique_ptr<CompiledLanguage>> compiled_;
};

} // namespace gloss

#endif
