//===--- snippet.h - one curated explanation and where it came from -------===//
//
// The domain model of content, shared by the loader, the index, the matcher
// and the tester. Plain data: no parsing, no JSON.
//
//===----------------------------------------------------------------------===//
#ifndef GLOSS_LSP_SNIPPET_H
#define GLOSS_LSP_SNIPPET_H

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gloss {

enum class Level { Beginner, Intermediate, Advanced };
enum class SnippetKind { Tip, Note };

std::string_view to_string(Level level);

/// Whether a learner at `learner` level sees tips of level `tip`: a beginner
/// sees beginner and intermediate tips, an intermediate learner all of them,
/// an advanced one only advanced tips (team notes always show).
bool level_shows(Level learner, Level tip);
std::optional<Level> parse_level(std::string_view text);

struct Link {
  std::string title;
  std::string url;
};

/// One marker under an example line: "^" (or "^^^", or "<-") with an
/// optional "!" and an optional snippet id. Offsets are bytes in the example.
struct ExampleAssertion {
  uint32_t line = 0;          ///< 0-based line in the example the marker points at.
  uint32_t marker_line = 0;   ///< 0-based line in the example of the marker itself.
  uint32_t start_byte = 0;    ///< first marked byte, in the example code.
  uint32_t end_byte = 0;      ///< one past the last marked byte.
  std::string expected_id;    ///< empty: the snippet that owns the example.
  bool negated = false;       ///< "!": the snippet must *not* rank first.
  uint32_t source_line = 0;   ///< 1-based line of the marker in the content file.
};

/// A fenced code block in the snippet's language.
struct CodeExample {
  std::string code;           ///< as written, assertion lines included.
  uint32_t source_line = 0;   ///< 1-based line of the first code line in the file.
  std::vector<ExampleAssertion> assertions;
};

struct Snippet {
  std::string id;
  std::string title;
  std::string language;       ///< a registry id
  Level level = Level::Intermediate;
  SnippetKind kind = SnippetKind::Tip;
  std::vector<std::string> tags;
  std::string query;
  uint32_t query_line = 0;    ///< 1-based line in the file where the query text starts.
  std::vector<Link> links;
  std::string summary;        ///< the hover text: the body up to the first heading.
  std::string details;        ///< the rest of the body; assertion lines stripped once examples are checked.
  uint32_t details_line = 0;  ///< 1-based line in the file where details start.
  bool examples_checked = true; ///< false: examples were not parsed (see ExampleCheck).
  std::vector<CodeExample> examples;
  std::string source;         ///< file path, or "builtin:<relative path>".
  int layer = 0;              ///< 0 is the built-in pack; higher layers override.
};

enum class Severity { Error, Warning };

/// A problem in a content file, located for the author.
struct ContentDiagnostic {
  std::string source;
  uint32_t line = 0;          ///< 1-based; 0 when it concerns the whole file.
  Severity severity = Severity::Error;
  std::string message;
};

std::string format_diagnostic(const ContentDiagnostic &diagnostic);

} // namespace gloss

#endif
