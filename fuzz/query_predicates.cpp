//===--- query_predicates.cpp - fuzz predicate compilation and evaluation -===//
//
// Input: [language:1][query length:2][query][source]. The query is compiled
// for the language; each pattern's predicates are compiled (or rejected with
// a message) and evaluated on every match in the parsed source, under the
// same match limit and time budget the matcher uses.
//
//===----------------------------------------------------------------------===//
#include "fuzz_targets.h"

#include "language_registry.h"
#include "matcher.h"
#include "query_predicates.h"
#include "syntax_tree.h"
#include "ts_handles.h"

#include <chrono>
#include <string>

namespace gloss::fuzz {
namespace {

constexpr const char *languages[] = {"python", "javascript", "cpp", "rust", "go", "bash"};

} // namespace

void query_predicates(const uint8_t *data, std::size_t size) {
  if (size < 3) return;
  const Language &language = *language_by_id(languages[data[0] % std::size(languages)]);
  std::size_t query_length = std::min<std::size_t>(size - 3, std::size_t{data[1]} << 8 | data[2]);
  std::string query_text(reinterpret_cast<const char *>(data + 3), query_length);
  std::string source(reinterpret_cast<const char *>(data + 3 + query_length), size - 3 - query_length);

  uint32_t error_offset = 0;
  TSQueryError error_type = TSQueryErrorNone;
  QueryHandle query(ts_query_new(language.grammar(), query_text.data(), static_cast<uint32_t>(query_text.size()),
                                 &error_offset, &error_type));
  if (!query) {
    fuzz_check(error_offset <= query_text.size(), "query error offset past the query");
    return;
  }
  std::vector<PatternPredicates> predicates(ts_query_pattern_count(query.get()));
  std::vector<bool> usable(predicates.size());
  for (uint32_t pattern = 0; pattern < predicates.size(); ++pattern) {
    std::string problem;
    usable[pattern] = predicates[pattern].compile(query.get(), pattern, problem);
    fuzz_check(usable[pattern] || !problem.empty(), "a rejected predicate must say why");
  }

  SyntaxTree tree(language, std::chrono::milliseconds(500));
  if (!tree.parse(source)) return;
  QueryCursorHandle cursor(ts_query_cursor_new());
  ts_query_cursor_set_match_limit(cursor.get(), match_limit);
  QueryDeadline deadline{std::chrono::steady_clock::now() + std::chrono::milliseconds(200)};
  exec_until(cursor.get(), query.get(), tree.root(), deadline);
  TSQueryMatch match;
  while (ts_query_cursor_next_match(cursor.get(), &match))
    if (usable[match.pattern_index]) (void)predicates[match.pattern_index].holds(match, source);
}

} // namespace gloss::fuzz
