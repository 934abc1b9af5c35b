//===--- document_store.h - the documents the editor has open -------------===//
//
// Each open document keeps its text, a line index and, when its language is
// supported, a SyntaxTree that is edited incrementally on every change.
// Ranges arrive in LSP positions (UTF-16 or UTF-8) and are converted here;
// nothing below this file sees anything but bytes.
//
// A long document is parsed from scratch (at open, when its whole text is
// replaced, or after its tree was dropped) by a ParseJob too, when the caller
// has a thread for jobs, so that it does not hold up other documents; it has
// no tree until the job's result is adopted (awaits_first_parse).
//
// Edits are recorded in the tree and parsed when a request needs the tree.
// A document whose reparse is expected to be slow (a long file, or a syntax
// error early in it, which makes every reparse start over) can instead be
// parsed on another thread: the store hands out a ParseJob (a copy of the edited tree and the
// text), the caller runs it anywhere and gives the result back to adopt();
// requests meanwhile get the edited tree, whose positions already follow the
// text.
//
// Not thread-safe: the server's single I/O thread owns the store.
//
//===----------------------------------------------------------------------===//
#ifndef GLOSS_LSP_DOCUMENT_STORE_H
#define GLOSS_LSP_DOCUMENT_STORE_H

#include "language_registry.h"
#include "line_index.h"
#include "syntax_tree.h"

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gloss {

struct Document {
  std::string uri;
  const Language *language = nullptr; ///< nullptr: no grammar, no tips.
  int64_t version = 0;
  std::string text;
  LineIndex lines{""};
  std::optional<SyntaxTree> tree; ///< absent when unsupported or when parsing gave up.
  /// Why a supported document has no tree (too large, parsing too slow);
  /// empty otherwise. Without a tree the document gets no tips, nothing worse.
  std::string parse_problem;
  /// The tree was dropped to save memory (see resident_tree_bytes); use()
  /// parses again.
  bool evicted = false;
  /// Edits are recorded in the tree but not parsed yet: use() reparses, so a
  /// burst of keystrokes costs one incremental parse, when a request needs it.
  bool edits_unparsed = false;
  /// How the tree catches up with edits, in place or by a ParseJob.
  struct Reparsing {
    /// How long the last incremental reparse took; after a ParseJob, at
    /// least half the time before, so it decays over a few jobs.
    std::chrono::microseconds last_time{0};
    /// How long the last full parse took. A reparse is expected to cost at
    /// least a quarter of it: one edit's cost says little about the next
    /// (tree-sitter-python reparses 20-40% of a module after a space typed
    /// at a line end, under 2% after one typed mid-line).
    std::chrono::microseconds full_parse_time{0};
    /// The document waits for its first parse, by a ParseJob not taken yet
    /// (wanted) or running (out).
    bool fresh_parse_wanted = false;
    bool fresh_parse_out = false;
    /// A ParseJob for this document is out; edits made since are kept to be
    /// applied to its result.
    bool job_out = false;
    /// The tree generation the job out was taken at: a result of another
    /// job (for an earlier document under the same URI) is ignored.
    uint64_t job_generation = 0;
    std::vector<ByteEdit> edits_since_job;
    /// Changes whenever the tree is replaced other than by adopt(): a job
    /// started before then is out of date. Unique across documents.
    uint64_t tree_generation = 0;
    /// A fresh parse of the text finds a syntax error before this byte (the
    /// first error's end plus room for the lexer's lookahead). Edits after
    /// it cannot remove that error, so a reparse with errors needs no fresh
    /// parse to check it (see recheck_errors); an edit before it clears it.
    std::optional<uint32_t> fresh_parse_fails_before;
  } reparsing;
  uint64_t last_used = 0;

  /// No tree yet: its first parse runs elsewhere (see take_parse_job).
  bool awaits_first_parse() const { return reparsing.fresh_parse_wanted || reparsing.fresh_parse_out; }

  uint32_t offset_of(TextPosition position, PositionEncoding encoding) const {
    return lines.offset_of(position, encoding, text);
  }
  TextPosition position_of(uint32_t offset, PositionEncoding encoding) const {
    return lines.position_of(offset, encoding, text);
  }
};

/// Documents larger than this are not parsed (minified bundles, data dumps):
/// they would cost seconds on every keystroke and hold hundreds of MB.
inline constexpr std::size_t max_parsed_document_bytes = 8u << 20;

/// Syntax trees take about 20-50 bytes of memory per byte of source. Only
/// the most recently used documents keep theirs, as long as their text adds
/// up to this (the one in use always keeps its tree); the others parse again
/// when next used, which for a 2k-line file takes a few milliseconds.
inline constexpr std::size_t resident_tree_bytes = 512u << 10;

/// One content change: a range replacement, or the whole text when no range.
struct TextChange {
  std::optional<TextRange> range;
  std::string text;
};

/// A document's edited tree and text, to be parsed on another thread.
struct ParseJob {
  std::string uri;
  uint64_t tree_generation = 0;
  const Language *language = nullptr;
  TreeHandle edited_tree; ///< nullptr: a document's first parse
  std::string text;
  bool fresh_parse_fails = false; ///< known to have a syntax error: no check needed
};

struct ParseResult {
  std::string uri;
  uint64_t tree_generation = 0;
  std::optional<SyntaxTree> tree; ///< nullopt: the parse ran out of time
  std::chrono::microseconds took{0};
  std::optional<uint32_t> fresh_parse_fails_before; ///< found by the job's check
  bool fresh = false; ///< a first parse, not a reparse
};

/// Parses a job's text incrementally from its edited tree; any thread.
ParseResult run_parse_job(ParseJob job);

class DocumentStore {
public:
  /// Opens (or reopens) a document. The language comes from the LSP
  /// languageId, or from the file extension when the id is unknown.
  const Document &open(const std::string &uri, std::string_view language_id, int64_t version,
                       std::string text);

  /// Applies changes in order. Returns false when the document is not open.
  /// Reversed ranges are swapped; ranges past the end are clamped.
  bool change(const std::string &uri, int64_t version, const std::vector<TextChange> &changes,
              PositionEncoding encoding);

  void close(const std::string &uri);
  /// The document as it is (nullptr when not open): its tree may lag behind
  /// recent edits or be absent; requests that read the tree go through use().
  const Document *get(const std::string &uri) const;
  /// The document about to answer a request: its tree is brought up to date
  /// with its text (parsed again if it was dropped), and other documents'
  /// trees may be dropped to stay in budget.
  const Document *use(const std::string &uri);
  std::size_t size() const { return documents_.size(); }
  std::vector<std::string> uris() const;

  /// From now on, a document whose reparse is expected to take longer than
  /// `threshold` (see Document::Reparsing) is not reparsed by use(): its
  /// edits wait for a ParseJob.
  void parse_slow_documents_elsewhere(std::chrono::microseconds threshold) { slow_reparse_ = threshold; }
  /// From now on, a document with more than `bytes` of text is not parsed
  /// from scratch in place (by open(), or by change() when the whole text is
  /// replaced) but waits for a ParseJob.
  void parse_long_documents_elsewhere(std::size_t bytes) { long_document_bytes_ = bytes; }
  /// When `uri` is a long document whose tree was dropped to save memory,
  /// makes it wait for a first parse again, by a job, instead of being parsed
  /// in place by the next use(). Returns whether it did.
  bool parse_again_elsewhere(const std::string &uri);
  /// A job for `uri` when it waits for its first parse, or when it is slow
  /// to parse, has unparsed edits and no job out already; nullopt otherwise.
  std::optional<ParseJob> take_parse_job(const std::string &uri);
  /// Installs a job's result (with the edits made since applied to it).
  /// Returns true when the document still has unparsed edits afterwards.
  bool adopt(ParseResult result);

private:
  /// Marks `document` most recently used and drops the trees of the least
  /// recently used others beyond resident_tree_bytes.
  void keep_within_budget(Document &document);
  /// Whether `document`'s edits wait for a ParseJob instead of use().
  bool parses_elsewhere(const Document &document) const;

  std::map<std::string, Document, std::less<>> documents_;
  uint64_t clock_ = 0;
  std::optional<std::chrono::microseconds> slow_reparse_; ///< unset: use() always reparses
  std::optional<std::size_t> long_document_bytes_;        ///< unset: open() always parses
};

/// The path part of a file:// URI, percent-decoded; the input otherwise.
std::string path_from_uri(std::string_view uri);
/// A file:// URI for an absolute path, percent-encoding what needs it.
std::string uri_from_path(std::string_view path);

} // namespace gloss

#endif
