//===--- content_index.cpp - snippets merged, queries compiled ------------===//
#include "content_index.h"

#include "content_layers.h"
#include "query_patterns.h"
#include "syntax_tree.h"

#include <algorithm>
#include <functional>
#include <set>

namespace gloss {
namespace {

std::string_view query_error_kind(TSQueryError error) {
  switch (error) {
  case TSQueryErrorSyntax: return "syntax error";
  case TSQueryErrorNodeType: return "invalid node type";
  case TSQueryErrorField: return "invalid field";
  case TSQueryErrorCapture: return "invalid capture";
  case TSQueryErrorStructure: return "impossible pattern";
  case TSQueryErrorLanguage: return "incompatible language";
  default: return "error";
  }
}

/// The identifier-like word at `offset` in `text`, for error messages.
std::string word_at(std::string_view text, uint32_t offset) {
  std::size_t end = offset;
  while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) ||
                               text[end] == '_' || text[end] == '-' || text[end] == '.'))
    ++end;
  return std::string(text.substr(offset, end - offset));
}

/// One piece of the combined query: a snippet's whole query, or for an
/// inherited snippet one of its top-level patterns.
struct Piece {
  const Snippet *snippet = nullptr;
  std::string_view text;
  uint32_t line = 0; ///< 1-based line in the snippet's file where the text starts
};

struct Segment {
  uint32_t start = 0; ///< offset in the combined query
  const Snippet *snippet = nullptr;
  uint32_t line = 0;
};

const Segment &segment_at(const std::vector<Segment> &segments, uint32_t offset) {
  auto segment = std::upper_bound(segments.begin(), segments.end(), offset,
                                  [](uint32_t value, const Segment &s) { return value < s.start; });
  return segment == segments.begin() ? *segment : *std::prev(segment);
}

using Reporter = std::function<void(const Snippet &, uint32_t, std::string)>;

/// Fills result.patterns from a compiled query. Snippets with an unusable
/// pattern are reported and added to `excluded`; returns false if any was.
bool describe_patterns(const TSQuery *query, const std::vector<Segment> &segments, const std::string &source,
                       CompiledLanguage &result, const Reporter &report, std::set<const Snippet *> &excluded) {
  uint32_t capture_count = ts_query_capture_count(query);
  std::optional<uint32_t> construct_id;
  std::optional<uint32_t> focus_id;
  for (uint32_t id = 0; id < capture_count; ++id) {
    uint32_t length = 0;
    const char *chars = ts_query_capture_name_for_id(query, id, &length);
    std::string_view name(chars, length); // length is only set once the call returns
    if (name == "construct") construct_id = id;
    if (name == "focus") focus_id = id;
  }

  uint32_t pattern_count = ts_query_pattern_count(query);
  result.patterns.clear();
  result.patterns.resize(pattern_count);
  bool all_usable = true;
  for (uint32_t pattern = 0; pattern < pattern_count; ++pattern) {
    uint32_t start = ts_query_start_byte_for_pattern(query, pattern);
    const Segment &segment = segment_at(segments, start);
    const Snippet &snippet = *segment.snippet;
    CompiledPattern &compiled = result.patterns[pattern];
    uint32_t line = segment.line + static_cast<uint32_t>(std::count(
                                       source.begin() + segment.start, source.begin() + start, '\n'));
    std::string error;
    if (!construct_id || ts_query_capture_quantifier_for_id(query, pattern, *construct_id) == TSQuantifierZero) {
      error = "pattern does not capture @construct (a predicate belongs inside its pattern's parentheses)";
    } else if (!compiled.predicates.compile(query, pattern, error)) {
      // error is set
    }
    if (!error.empty()) {
      if (!excluded.count(&snippet)) report(snippet, line, error);
      excluded.insert(&snippet);
      all_usable = false;
      continue;
    }
    compiled.snippet = &snippet;
    compiled.line = line;
    compiled.construct_capture = *construct_id;
    if (focus_id && ts_query_capture_quantifier_for_id(query, pattern, *focus_id) != TSQuantifierZero)
      compiled.focus_capture = *focus_id;
    uint32_t end = ts_query_end_byte_for_pattern(query, pattern);
    compiled.specificity = (end - start) + 32 * static_cast<uint32_t>(compiled.predicates.size());
  }
  return all_usable;
}

/// The type of the node a whole file parses to (module, translation_unit…).
std::string file_root_type(const Language &language) {
  SyntaxTree empty(language);
  return empty.parse("") ? ts_node_type(empty.root()) : "";
}

/// Warns (for the language's own snippets) about patterns that start at the
/// file's root node and then match its children: tree-sitter then visits
/// every top-level declaration on each hover, so a hover's cost grows with
/// the file (about 1 ms on 10k lines of C). Wildcard roots can cost the same
/// but often do not; bench/ measures those.
void warn_about_wide_patterns(const Language &language, const TSQuery *query, std::string_view source,
                              CompiledLanguage &result) {
  std::string root_type = file_root_type(language);
  for (uint32_t pattern = 0; pattern < result.patterns.size(); ++pattern) {
    const CompiledPattern &compiled = result.patterns[pattern];
    if (!compiled.snippet || compiled.snippet->language != language.id) continue;
    uint32_t start = ts_query_start_byte_for_pattern(query, pattern);
    uint32_t end = ts_query_end_byte_for_pattern(query, pattern);
    for (const PatternRoot &root : pattern_roots(source.substr(start, end - start))) {
      if (!root.matches_children || root.type != root_type) continue;
      result.diagnostics.push_back(
          {compiled.snippet->source, compiled.line, Severity::Warning,
           "pattern starts at `" + root_type + "`, the whole file, and matches its children: every hover then "
               "visits all of them. Start the pattern at the construct and check its parent with "
               "(#has-parent? @construct " + root_type + " …)"});
      break;
    }
  }
}

/// Where the matches of each pattern can start, or unknown when one pattern
/// can start anywhere. tree-sitter resolves a name to its public symbol, as
/// ts_node_symbol does, so the two compare equal.
MatchStarts find_match_starts(const Language &language, const TSQuery *query, std::string_view source) {
  const TSLanguage *grammar = language.grammar();
  const uint32_t symbols = ts_language_symbol_count(grammar);
  MatchStarts starts{std::vector<bool>(symbols + 1), std::vector<bool>(symbols + 1)};
  // The slot of a named type or quoted token, if it is one node type.
  auto slot = [&](std::string_view name, bool named) -> std::optional<uint32_t> {
    if (name.empty() || name == "_") return std::nullopt;
    TSSymbol symbol = ts_language_symbol_for_name(grammar, name.data(), static_cast<uint32_t>(name.size()), named);
    if (symbol == error_symbol) return symbols;
    if (symbol == 0 || symbol >= symbols || ts_language_symbol_type(grammar, symbol) == TSSymbolTypeSupertype)
      return std::nullopt;
    return symbol;
  };
  for (uint32_t pattern = 0; pattern < ts_query_pattern_count(query); ++pattern) {
    if (ts_query_is_pattern_non_local(query, pattern)) return {};
    uint32_t start = ts_query_start_byte_for_pattern(query, pattern);
    uint32_t end = ts_query_end_byte_for_pattern(query, pattern);
    std::vector<PatternRoot> roots = pattern_roots(source.substr(start, end - start));
    if (roots.empty()) return {};
    for (const PatternRoot &root : roots) {
      if (root.type == "_" && root.named) { // tree-sitter starts these at the child; not "rooted"
        std::optional<uint32_t> child = slot(root.required_child, root.required_child_named);
        if (!child) return {};
        starts.parent_of[*child] = true;
        continue;
      }
      std::optional<uint32_t> at = slot(root.type, root.named);
      if (!at || !ts_query_is_pattern_rooted(query, pattern)) return {};
      starts.at[*at] = true;
    }
  }
  return starts;
}

} // namespace

ContentIndex::ContentIndex(std::vector<Snippet> snippets, const std::vector<std::string> &disabled) {
  for (Snippet &snippet : snippets) {
    if (std::any_of(disabled.begin(), disabled.end(),
                    [&](const std::string &pattern) { return id_matches(pattern, snippet.id); }))
      continue;
    auto it = by_id_.find(snippet.id);
    if (it != by_id_.end()) {
      snippets_[it->second] = std::move(snippet);
    } else {
      by_id_.emplace(snippet.id, snippets_.size());
      snippets_.push_back(std::move(snippet));
    }
  }
}

const Snippet *ContentIndex::find(std::string_view id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &snippets_[it->second];
}

const CompiledLanguage &ContentIndex::compiled(const Language &language) const {
  std::lock_guard lock(mutex_);
  auto &slot = compiled_[&language];
  if (!slot) slot = compile(language);
  return *slot;
}

std::vector<ContentDiagnostic> ContentIndex::check_queries() const {
  std::vector<ContentDiagnostic> diagnostics;
  for (const Language &language : all_languages()) {
    bool has_own = std::any_of(snippets_.begin(), snippets_.end(),
                               [&](const Snippet &s) { return s.language == language.id; });
    if (!has_own) continue;
    const CompiledLanguage &result = compiled(language);
    diagnostics.insert(diagnostics.end(), result.diagnostics.begin(), result.diagnostics.end());
  }
  return diagnostics;
}

std::unique_ptr<CompiledLanguage> ContentIndex::compile(const Language &language) const {
  auto result = std::make_unique<CompiledLanguage>();
  std::vector<const Language *> lineage = language_lineage(language);
  std::vector<Piece> pieces;
  for (const Language *member : lineage) {
    for (const Snippet &snippet : snippets_) {
      if (snippet.language != member->id) continue;
      if (member == &language) {
        pieces.push_back({&snippet, snippet.query, snippet.query_line});
      } else {
        for (const QueryPattern &pattern : split_query_patterns(snippet.query))
          pieces.push_back({&snippet, pattern.text, snippet.query_line + pattern.line});
      }
    }
  }

  auto report = [&](const Snippet &snippet, uint32_t line, std::string message) {
    // Inherited snippets may use node types the child grammar lacks; that is
    // expected and not the author's error.
    if (snippet.language == language.id)
      result->diagnostics.push_back({snippet.source, line, Severity::Error, std::move(message)});
  };

  // Compile the combined query. A piece that does not compile is left out
  // (with the rest of its snippet, when the snippet is the language's own
  // and so reported), a snippet with unusable patterns likewise, and the
  // rest compiled again: the query then holds only good patterns (no
  // ts_query_disable_pattern, which crashes the cursor once every pattern
  // is disabled in tree-sitter 0.25).
  std::set<const Snippet *> excluded;
  std::set<std::size_t> excluded_pieces;
  std::vector<Segment> segments;
  std::vector<std::size_t> segment_piece;
  std::string source;
  QueryHandle query;
  while (true) {
    segments.clear();
    segment_piece.clear();
    source.clear();
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      if (excluded.count(pieces[i].snippet) || excluded_pieces.count(i)) continue;
      segments.push_back({static_cast<uint32_t>(source.size()), pieces[i].snippet, pieces[i].line});
      segment_piece.push_back(i);
      source += pieces[i].text;
      source += "\n";
    }
    if (segments.empty()) {
      result->patterns.clear(); // an earlier attempt's patterns describe no query now
      return result;
    }
    uint32_t error_offset = 0;
    TSQueryError error = TSQueryErrorNone;
    query.reset(ts_query_new(language.grammar(), source.data(), static_cast<uint32_t>(source.size()),
                             &error_offset, &error));
    if (!query) {
      const Segment &segment = segment_at(segments, error_offset);
      std::size_t piece = segment_piece[static_cast<std::size_t>(&segment - segments.data())];
      const Snippet &bad = *segment.snippet;
      uint32_t line = segment.line + static_cast<uint32_t>(std::count(
                                         source.begin() + segment.start, source.begin() + error_offset, '\n'));
      std::string message = "query does not compile for " + std::string(language.display_name) + ": " +
                            std::string(query_error_kind(error));
      std::string word = word_at(source, error_offset);
      if (!word.empty()) message += " '" + word + "'";
      report(bad, line, message);
      if (bad.language == language.id) excluded.insert(&bad);
      else excluded_pieces.insert(piece);
      continue;
    }
    if (describe_patterns(query.get(), segments, source, *result, report, excluded)) break;
  }
  warn_about_wide_patterns(language, query.get(), source, *result);
  result->match_starts = find_match_starts(language, query.get(), source);
  result->query = std::move(query);
  return result;
}

} // namespace gloss
