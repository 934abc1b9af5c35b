//===--- document_store.cpp - the documents the editor has open -----------===//
#include "document_store.h"

#include <algorithm>
#include <atomic>

namespace gloss {
namespace {

/// Tree generations are unique across documents and stores: a job's result
/// can never be mistaken for one of a document reopened under the same URI.
std::atomic<uint64_t> last_generation{0};

void new_tree_generation(Document &document) { document.reparsing.tree_generation = ++last_generation; }

void give_up_parsing(Document &document) {
  document.tree.reset(); // no retry on every keystroke: edits do not bring it back
  document.edits_unparsed = false;
  document.parse_problem = "not parsed: parsing needed more than " +
                           std::to_string(SyntaxTree::default_parse_budget.count()) + " ms of CPU time";
}

/// How far past a token a lexer may read to decide it. Generous: tokens end
/// within a character or two, and Python's scanner reads ahead over blank
/// and comment lines.
constexpr uint32_t lexer_lookahead_bytes = 1024;

/// Where a fresh parse of the text that `fresh` was parsed from fails, or
/// nullopt when it does not.
std::optional<uint32_t> where_fresh_parse_fails(const SyntaxTree &fresh) {
  std::optional<uint32_t> error_end = fresh.first_error_end();
  if (!error_end) return std::nullopt;
  // A fresh parse reads left to right: text before a syntax error that
  // edits leave untouched fails the same way, whatever follows.
  return *error_end + lexer_lookahead_bytes;
}

/// Forgets the document's tree and what was known about parsing it. False
/// when it is not to be parsed (no grammar, or too large: then says why).
bool start_over(Document &document) {
  document.tree.reset();
  document.evicted = false;
  document.edits_unparsed = false;
  document.reparsing.fresh_parse_wanted = false;
  document.reparsing.fresh_parse_out = false;
  document.reparsing.last_time = {};
  document.reparsing.full_parse_time = {};
  document.reparsing.edits_since_job.clear();
  document.reparsing.fresh_parse_fails_before.reset();
  new_tree_generation(document);
  document.parse_problem.clear();
  if (!document.language) return false;
  if (document.text.size() > max_parsed_document_bytes) {
    document.parse_problem = "not parsed: " + std::to_string(document.text.size() >> 20) + " MB is over the " +
                             std::to_string(max_parsed_document_bytes >> 20) + " MB limit";
    return false;
  }
  return true;
}

/// Parses the document from scratch, or records why it is not parsed.
void parse_fresh(Document &document) {
  if (!start_over(document)) return;
  document.tree.emplace(*document.language);
  auto start = std::chrono::steady_clock::now();
  if (!document.tree->parse(document.text)) {
    give_up_parsing(document);
  } else {
    document.reparsing.fresh_parse_fails_before = where_fresh_parse_fails(*document.tree);
  }
  document.reparsing.full_parse_time =
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start);
}

/// Parses the document from scratch, or, when it is longer than
/// `long_bytes`, leaves that to a ParseJob: it then awaits its first parse.
void parse_fresh_or_by_job(Document &document, std::optional<std::size_t> long_bytes) {
  if (long_bytes && document.text.size() > *long_bytes) {
    document.reparsing.fresh_parse_wanted = start_over(document);
  } else {
    parse_fresh(document);
  }
}

/// An edit before where a fresh parse failed may have removed the failure.
void forget_failure_before(std::optional<uint32_t> &fails_before, const ByteEdit &edit) {
  if (fails_before && edit.start_byte < *fails_before) fails_before.reset();
}

void apply_change(Document &document, const TextChange &change, PositionEncoding encoding,
                  std::optional<std::size_t> long_bytes) {
  if (!change.range) {
    document.text = change.text;
    document.lines = LineIndex(document.text);
    parse_fresh_or_by_job(document, long_bytes);
    return;
  }
  uint32_t start = document.offset_of(change.range->start, encoding);
  uint32_t old_end = document.offset_of(change.range->end, encoding);
  if (start > old_end) std::swap(start, old_end);

  ByteEdit edit;
  edit.start_byte = start;
  edit.old_end_byte = old_end;
  edit.new_end_byte = start + static_cast<uint32_t>(change.text.size());
  edit.start_point = document.lines.point_of(start, document.text);
  edit.old_end_point = document.lines.point_of(old_end, document.text);
  edit.new_end_point = point_after(edit.start_point, change.text);

  document.text.replace(start, old_end - start, change.text);
  document.lines = LineIndex(document.text);
  bool too_large = document.text.size() > max_parsed_document_bytes;
  if (document.awaits_first_parse() && !too_large) {
    document.reparsing.edits_since_job.push_back(edit); // for the tree the job brings, if out
  } else if (document.tree && !too_large) {
    document.tree->edit(edit);
    document.edits_unparsed = true;
    forget_failure_before(document.reparsing.fresh_parse_fails_before, edit);
    if (document.reparsing.job_out) document.reparsing.edits_since_job.push_back(edit);
  } else if (document.tree || document.awaits_first_parse() ||
             (!too_large && document.parse_problem.find(" MB ") != std::string::npos)) {
    parse_fresh_or_by_job(document, long_bytes); // crossed the size limit one way or the other
  }
}

/// Documents up to this size get the check below on the I/O thread (a fresh
/// parse of 64 KB takes a few ms); larger ones only when parsed by a job.
constexpr std::size_t recheck_in_place_bytes = 64u << 10;

/// tree-sitter can leave an ERROR in an incremental parse that a fresh parse
/// of the same text does not have (found by fuzzing, with bash heredocs; cf.
/// tree-sitter#4001), whether or not the tree had errors before the edit (a
/// fix of a typo must not keep its error). So a reparse that has errors is
/// checked by a fresh parse, which wins if it has none. Returns where the
/// fresh parse fails, so that later edits after it can skip the check.
std::optional<uint32_t> recheck_errors(SyntaxTree &tree, std::string_view text) {
  if (!tree.has_error()) return std::nullopt;
  SyntaxTree fresh(tree.language());
  if (!fresh.parse(text)) return std::nullopt;
  if (!fresh.has_error()) {
    tree = std::move(fresh);
    return std::nullopt;
  }
  return where_fresh_parse_fails(fresh);
}

void reparse_now(Document &document) {
  auto start = std::chrono::steady_clock::now();
  bool parsed = document.tree->reparse_edited(document.text);
  std::optional<uint32_t> &fails_before = document.reparsing.fresh_parse_fails_before;
  if (parsed && !fails_before && document.text.size() <= recheck_in_place_bytes)
    fails_before = recheck_errors(*document.tree, document.text);
  // The check counts: a broken document it makes slow moves to parse jobs.
  document.reparsing.last_time = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start);
  document.edits_unparsed = false;
  document.reparsing.edits_since_job.clear();
  new_tree_generation(document); // a job out now would bring an older parse
  if (!parsed) give_up_parsing(document);
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

} // namespace

const Document &DocumentStore::open(const std::string &uri, std::string_view language_id,
                                    int64_t version, std::string text) {
  Document document;
  document.uri = uri;
  document.language = language_by_lsp_id(language_id);
  if (!document.language) document.language = language_for_path(path_from_uri(uri));
  document.version = version;
  document.text = std::move(text);
  document.lines = LineIndex(document.text);
  parse_fresh_or_by_job(document, long_document_bytes_);
  auto [it, inserted] = documents_.insert_or_assign(uri, std::move(document));
  keep_within_budget(it->second);
  return it->second;
}

bool DocumentStore::change(const std::string &uri, int64_t version,
                           const std::vector<TextChange> &changes, PositionEncoding encoding) {
  auto it = documents_.find(uri);
  if (it == documents_.end()) return false;
  for (const TextChange &change : changes) apply_change(it->second, change, encoding, long_document_bytes_);
  it->second.version = version;
  keep_within_budget(it->second);
  return true;
}

const Document *DocumentStore::use(const std::string &uri) {
  auto it = documents_.find(uri);
  if (it == documents_.end()) return nullptr;
  Document &document = it->second;
  if (document.evicted) {
    parse_fresh(document);
  } else if (document.edits_unparsed) {
    if (!parses_elsewhere(document)) reparse_now(document); // else a job brings the tree; meanwhile the edited one serves
  }
  keep_within_budget(document);
  return &document;
}

bool DocumentStore::parse_again_elsewhere(const std::string &uri) {
  auto it = documents_.find(uri);
  if (it == documents_.end()) return false;
  Document &document = it->second;
  if (!document.evicted || !long_document_bytes_ || document.text.size() <= *long_document_bytes_) return false;
  parse_fresh_or_by_job(document, long_document_bytes_);
  return document.awaits_first_parse();
}

bool DocumentStore::parses_elsewhere(const Document &document) const {
  const Document::Reparsing &reparsing = document.reparsing;
  return slow_reparse_ && std::max(reparsing.last_time, reparsing.full_parse_time / 4) > *slow_reparse_;
}

std::optional<ParseJob> DocumentStore::take_parse_job(const std::string &uri) {
  auto it = documents_.find(uri);
  if (it == documents_.end()) return std::nullopt;
  Document &document = it->second;
  if (document.reparsing.fresh_parse_wanted && !document.reparsing.job_out) {
    document.reparsing.fresh_parse_wanted = false;
    document.reparsing.fresh_parse_out = true;
    document.reparsing.job_out = true;
    document.reparsing.job_generation = document.reparsing.tree_generation;
    document.reparsing.edits_since_job.clear();
    return ParseJob{uri, document.reparsing.tree_generation, document.language, nullptr, document.text, false};
  }
  if (!parses_elsewhere(document) || !document.edits_unparsed || !document.tree || document.reparsing.job_out) return std::nullopt;
  document.reparsing.job_out = true;
  document.reparsing.job_generation = document.reparsing.tree_generation;
  document.reparsing.edits_since_job.clear();
  return ParseJob{uri, document.reparsing.tree_generation, document.language, document.tree->snapshot(), document.text,
                  document.reparsing.fresh_parse_fails_before.has_value()};
}

bool DocumentStore::adopt(ParseResult result) {
  auto it = documents_.find(result.uri);
  if (it == documents_.end()) return false;
  Document &document = it->second;
  if (!document.reparsing.job_out || result.tree_generation != document.reparsing.job_generation)
    return document.edits_unparsed; // not the job this document waits for
  document.reparsing.job_out = false;
  document.reparsing.fresh_parse_out = false;
  if (result.tree_generation != document.reparsing.tree_generation || document.evicted ||
      (!document.tree && !result.fresh)) {
    document.reparsing.edits_since_job.clear();
    return document.edits_unparsed;
  }
  if (result.fresh) {
    document.reparsing.full_parse_time = result.took;
  } else {
    // Back to parsing in place only after a few quick parses in a row: one
    // quick parse says little about the next edit.
    document.reparsing.last_time = std::max(result.took, document.reparsing.last_time / 2);
  }
  if (!result.tree) {
    give_up_parsing(document);
    return false;
  }
  // Where the job found a fresh parse fails holds for the job's text; the
  // edits made since may have reached it.
  std::optional<uint32_t> &fails_before = document.reparsing.fresh_parse_fails_before;
  if (!fails_before) fails_before = result.fresh_parse_fails_before;
  for (const ByteEdit &edit : document.reparsing.edits_since_job) {
    result.tree->edit(edit);
    forget_failure_before(fails_before, edit);
  }
  document.tree = std::move(result.tree);
  document.edits_unparsed = !document.reparsing.edits_since_job.empty();
  document.reparsing.edits_since_job.clear();
  return document.edits_unparsed;
}

ParseResult run_parse_job(ParseJob job) {
  ParseResult result{std::move(job.uri), job.tree_generation, std::nullopt, {}, std::nullopt, !job.edited_tree};
  auto start = std::chrono::steady_clock::now();
  if (result.fresh) {
    SyntaxTree tree(*job.language);
    if (tree.parse(job.text)) {
      result.fresh_parse_fails_before = where_fresh_parse_fails(tree);
      result.tree.emplace(std::move(tree));
    }
  } else if (SyntaxTree tree(*job.language, std::move(job.edited_tree)); tree.reparse_edited(job.text)) {
    if (!job.fresh_parse_fails) result.fresh_parse_fails_before = recheck_errors(tree, job.text);
    result.tree.emplace(std::move(tree));
  }
  result.took = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start);
  return result;
}

void DocumentStore::keep_within_budget(Document &document) {
  document.last_used = ++clock_;
  // Called on every request and change: the common case, everything within
  // budget, costs one pass and no allocation.
  std::size_t resident = document.text.size();
  for (const auto &[uri, other] : documents_)
    if (other.tree && &other != &document) resident += other.text.size();
  if (resident <= resident_tree_bytes) return;

  std::vector<Document *> with_trees;
  for (auto &[uri, other] : documents_)
    if (other.tree && &other != &document) with_trees.push_back(&other);
  std::sort(with_trees.begin(), with_trees.end(),
            [](const Document *a, const Document *b) { return a->last_used > b->last_used; });
  resident = document.text.size();
  for (Document *other : with_trees) {
    resident += other->text.size();
    if (resident <= resident_tree_bytes) continue;
    other->tree.reset();
    other->evicted = true;
    new_tree_generation(*other);
  }
}

void DocumentStore::close(const std::string &uri) { documents_.erase(uri); }

const Document *DocumentStore::get(const std::string &uri) const {
  auto it = documents_.find(uri);
  return it == documents_.end() ? nullptr : &it->second;
}

std::vector<std::string> DocumentStore::uris() const {
  std::vector<std::string> result;
  for (const auto &[uri, document] : documents_) result.push_back(uri);
  return result;
}

std::string path_from_uri(std::string_view uri) {
  constexpr std::string_view scheme = "file://";
  if (uri.substr(0, scheme.size()) != scheme) return std::string(uri);
  std::string_view rest = uri.substr(scheme.size());
  std::size_t slash = rest.find('/'); // skip an authority such as "localhost"
  if (slash == std::string_view::npos) return std::string(rest);
  rest = rest.substr(slash);
  std::string path;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '%' && i + 2 < rest.size() && hex_value(rest[i + 1]) >= 0 &&
        hex_value(rest[i + 2]) >= 0) {
      path.push_back(static_cast<char>(hex_value(rest[i + 1]) * 16 + hex_value(rest[i + 2])));
      i += 2;
    } else {
      path.push_back(rest[i]);
    }
  }
  return path;
}

std::string uri_from_path(std::string_view path) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string uri = "file://";
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      uri.push_back(static_cast<char>(c));
    } else {
      uri.push_back('%');
      uri.push_back(hex[c >> 4]);
      uri.push_back(hex[c & 15]);
    }
  }
  return uri;
}

} // namespace gloss
