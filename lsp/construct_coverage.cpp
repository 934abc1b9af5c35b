//===--- construct_coverage.cpp - which constructs a codebase uses, and tips for them ===//
#include "construct_coverage.h"

#include "gitignore.h"
#include "language_registry.h"
#include "syntax_tree.h"
#include "text_file.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <set>
#include <unordered_map>
#include <thread>

namespace gloss {
namespace {

/// Node types that only group other code (bodies, argument lists, statement
/// wrappers): frequent everywhere and nothing a learner asks about.
bool is_structural(std::string_view type) {
  static const std::set<std::string_view> structural = {
      "block", "expression_statement", "argument_list", "arguments", "parameters", "formal_parameters",
      "parameter_list", "compound_statement", "statement_block", "string_content", "declaration_list",
      "field_declaration_list", "class_body", "interface_body", "enum_body", "parenthesized_expression",
      "template_argument_list", "type_arguments", "statement_list", "literal_value", "source_file", "program",
      "module", "translation_unit", "comment", "line_comment", "block_comment", "string_fragment", "token_tree",
      "do_group"};
  return structural.count(type) > 0;
}

/// One worker's counts for one language, indexed by the grammar's symbol:
/// no string is built, hashed or compared per node. Merged by name at the
/// end (several symbols can share a name).
struct Tally {
  uint64_t files = 0;
  uint64_t lines = 0;
  std::vector<uint64_t> occurrences;    ///< named nodes, by symbol
  std::vector<bool> has_named_children; ///< seen with named children at least once, by symbol
  std::unordered_map<const char *, std::set<std::string>> snippets; ///< by construct type name
};

struct MergedTally {
  uint64_t files = 0;
  uint64_t lines = 0;
  std::map<std::string, ConstructCount> constructs;
  std::set<std::string> composite; ///< types seen with named children
};

struct WorkerResult {
  std::map<const Language *, Tally> tallies;
  uint64_t skipped = 0;
};

std::optional<std::string> read_small_file(const std::filesystem::path &path) {
  std::string ignored;
  return read_text_file(path, max_coverage_file_bytes, ignored);
}

/// Adds the tips that the matches `cursor` goes on to find explain, by the
/// type of the construct each one captures.
void record_matches(TSQueryCursor *cursor, const CompiledLanguage &compiled, const std::string &text, Tally &tally) {
  TSQueryMatch match;
  while (ts_query_cursor_next_match(cursor, &match)) {
    const CompiledPattern &pattern = compiled.patterns[match.pattern_index];
    if (!pattern.snippet || !pattern.predicates.holds(match, text)) continue;
    for (uint16_t i = 0; i < match.capture_count; ++i)
      if (match.captures[i].index == pattern.construct_capture)
        tally.snippets[ts_node_type(match.captures[i].node)].insert(pattern.snippet->id);
  }
}

/// False when the file could not be parsed in time (it counts as skipped).
bool count_file(const Language &language, const std::string &text, const ContentIndex &index, Tally &tally) {
  SyntaxTree tree(language);
  if (!tree.parse(text)) return false;
  ++tally.files;
  tally.lines += static_cast<uint64_t>(std::count(text.begin(), text.end(), '\n'));

  const uint32_t symbols = ts_language_symbol_count(language.grammar());
  if (tally.occurrences.empty()) { // one more slot, for ERROR
    tally.occurrences.resize(symbols + 1);
    tally.has_named_children.resize(symbols + 1);
  }
  const CompiledLanguage &compiled = index.compiled(language);
  QueryCursorHandle query_cursor(ts_query_cursor_new());
  // When it is known where matches start, the query runs from the walk
  // below, at those nodes only and only as deep as its patterns reach,
  // instead of walking the whole tree again: its cursor spends several
  // times longer on a node than the walk does.
  const MatchStarts &starts = compiled.match_starts;
  const bool from_walk = compiled.query && starts.known();
  auto match_from = [&](TSNode node, uint32_t max_start_depth) {
    ts_query_cursor_set_max_start_depth(query_cursor.get(), max_start_depth);
    ts_query_cursor_exec(query_cursor.get(), compiled.query.get(), node);
    record_matches(query_cursor.get(), compiled, text, tally);
  };

  TreeCursor cursor(tree.root());
  TreeCursor parent(tree.root());
  const void *last_parent = nullptr; // siblings share it: a Go function's parameters and results
  if (from_walk && starts.at[std::min<uint32_t>(ts_node_symbol(tree.root()), symbols)]) match_from(tree.root(), 0);
  // Every node but the root, in document order.
  bool descending = ts_tree_cursor_goto_first_child(cursor.get());
  while (descending || ts_tree_cursor_goto_parent(cursor.get())) {
    if (descending) {
      TSNode node = ts_tree_cursor_current_node(cursor.get());
      uint32_t symbol = std::min<uint32_t>(ts_node_symbol(node), symbols);
      if (ts_node_is_named(node)) {
        ++tally.occurrences[symbol];
        if (ts_node_named_child_count(node) > 0) tally.has_named_children[symbol] = true;
      }
      if (from_walk && starts.at[symbol]) match_from(node, 0);
      if (from_walk && starts.parent_of[symbol]) {
        // tree-sitter starts `(_ "static")` at the child, one level below
        // the node it captures. Matches found twice count once.
        ts_tree_cursor_reset_to(parent.get(), cursor.get());
        if (ts_tree_cursor_goto_parent(parent.get())) {
          TSNode parent_node = ts_tree_cursor_current_node(parent.get());
          if (parent_node.id != last_parent) match_from(parent_node, 1);
          last_parent = parent_node.id;
        }
      }
      if (ts_tree_cursor_goto_first_child(cursor.get())) continue;
    }
    descending = ts_tree_cursor_goto_next_sibling(cursor.get());
  }

  if (compiled.query && !from_walk) {
    ts_query_cursor_set_max_start_depth(query_cursor.get(), UINT32_MAX);
    ts_query_cursor_exec(query_cursor.get(), compiled.query.get(), tree.root());
    record_matches(query_cursor.get(), compiled, text, tally);
  }
  return true;
}

/// The workers' tallies, merged by language and construct name, ranked.
CoverageReport merge_results(std::vector<WorkerResult> &results) {
  std::map<const Language *, MergedTally> merged;
  CoverageReport report;
  for (WorkerResult &result : results) {
    report.skipped += result.skipped;
    for (auto &[language, tally] : result.tallies) {
      MergedTally &total = merged[language];
      total.files += tally.files;
      total.lines += tally.lines;
      const uint32_t error_slot = static_cast<uint32_t>(tally.occurrences.size()) - 1;
      for (uint32_t symbol = 0; symbol < tally.occurrences.size(); ++symbol) {
        if (!tally.occurrences[symbol]) continue;
        std::string type = ts_language_symbol_name(
            language->grammar(), symbol == error_slot ? error_symbol : static_cast<TSSymbol>(symbol));
        ConstructCount &into = total.constructs[type];
        into.type = type;
        into.occurrences += tally.occurrences[symbol];
        if (tally.has_named_children[symbol]) total.composite.insert(type);
      }
      for (auto &[type, snippets] : tally.snippets) {
        ConstructCount &into = total.constructs[type];
        into.type = type;
        into.snippets.insert(snippets.begin(), snippets.end());
      }
    }
  }
  for (auto &[language, tally] : merged) {
    LanguageCoverage coverage{std::string(language->id), tally.files, tally.lines, {}};
    // Bare names, literals and code that only groups other code are left
    // out, unless a tip explains them.
    for (auto &[type, count] : tally.constructs)
      if (count.occurrences > 0 && (!count.snippets.empty() || (tally.composite.count(type) && !is_structural(type))))
        coverage.constructs.push_back(std::move(count));
    std::sort(coverage.constructs.begin(), coverage.constructs.end(), [](const ConstructCount &a, const ConstructCount &b) {
      return a.occurrences != b.occurrences ? a.occurrences > b.occurrences : a.type < b.type;
    });
    report.languages.push_back(std::move(coverage));
  }
  std::sort(report.languages.begin(), report.languages.end(),
            [](const LanguageCoverage &a, const LanguageCoverage &b) { return a.lines > b.lines; });
  return report;
}

} // namespace

std::vector<std::filesystem::path> list_source_files(const std::vector<std::filesystem::path> &roots) {
  std::vector<std::filesystem::path> files;
  struct PendingDirectory {
    std::filesystem::path directory;
    std::vector<std::pair<std::filesystem::path, std::shared_ptr<GitignoreRules>>> rules;
  };
  for (const auto &root : roots) {
    std::error_code error;
    if (std::filesystem::is_regular_file(root, error)) {
      if (language_for_path(root.string())) files.push_back(root);
      continue;
    }
    std::vector<PendingDirectory> stack{{root, {}}};
    while (!stack.empty()) {
      PendingDirectory level = std::move(stack.back());
      stack.pop_back();
      std::filesystem::path ignore_file = level.directory / ".gitignore";
      if (auto text = read_small_file(ignore_file))
        level.rules.emplace_back(level.directory, std::make_shared<GitignoreRules>(*text));
      std::filesystem::directory_iterator it(level.directory, std::filesystem::directory_options::skip_permission_denied, error);
      if (error) continue;
      for (const auto &entry : it) {
        if (entry.is_symlink(error)) continue;
        bool directory = entry.is_directory(error);
        std::string name = entry.path().filename().string();
        if (directory && name == ".git") continue;
        bool ignored = false;
        for (const auto &[base, rules] : level.rules) {
          std::string relative = std::filesystem::relative(entry.path(), base, error).generic_string();
          GitignoreRules::Verdict verdict = rules->check(relative, directory);
          if (verdict != GitignoreRules::Verdict::Unmatched) ignored = verdict == GitignoreRules::Verdict::Ignored;
        }
        if (ignored) continue;
        if (directory) stack.push_back({entry.path(), level.rules});
        else if (entry.is_regular_file(error) && language_for_path(name)) files.push_back(entry.path());
      }
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

CoverageReport measure_coverage(const std::vector<std::filesystem::path> &files, const ContentIndex &index,
                                unsigned threads) {
  threads = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(files.size())));
  // Largest files first: a big file taken last would leave the other
  // threads idle while one finishes it.
  struct SourceFile {
    std::uintmax_t size;
    const std::filesystem::path *path;
    const Language *language;
  };
  std::vector<SourceFile> by_size;
  for (const auto &file : files) {
    std::error_code error;
    std::uintmax_t size = std::filesystem::file_size(file, error);
    by_size.push_back({error ? 0 : size, &file, language_for_path(file.string())});
  }
  std::stable_sort(by_size.begin(), by_size.end(), [](const auto &a, const auto &b) { return a.size > b.size; });

  // The first tasks compile each language's query (tens of ms for a large
  // pack), so that no worker waits for another one compiling it.
  std::vector<const Language *> languages;
  for (const SourceFile &file : by_size)
    if (file.language && std::find(languages.begin(), languages.end(), file.language) == languages.end())
      languages.push_back(file.language);

  std::vector<WorkerResult> results(threads);
  std::atomic<std::size_t> next{0};
  auto work = [&](WorkerResult &result) {
    for (std::size_t task = next++; task < languages.size() + by_size.size(); task = next++) {
      if (task < languages.size()) {
        index.compiled(*languages[task]);
        continue;
      }
      const SourceFile &file = by_size[task - languages.size()];
      std::optional<std::string> text = file.language ? read_small_file(*file.path) : std::nullopt;
      if (!text) {
        ++result.skipped;
        continue;
      }
      if (!count_file(*file.language, *text, index, result.tallies[file.language])) ++result.skipped;
    }
  };
  std::vector<std::thread> workers;
  for (unsigned t = 1; t < threads; ++t) workers.emplace_back(work, std::ref(results[t]));
  work(results[0]);
  for (std::thread &worker : workers) worker.join();
  return merge_results(results);
}

CoverageReport measure_text_coverage(const Language &language, const std::string &text, const ContentIndex &index) {
  std::vector<WorkerResult> results(1);
  if (!count_file(language, text, index, results[0].tallies[&language])) ++results[0].skipped;
  return merge_results(results);
}

} // namespace gloss
