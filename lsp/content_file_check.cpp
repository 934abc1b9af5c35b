//===--- content_file_check.cpp - lint one content file as an author edits it ===//
#include "content_file_check.h"

#include "content_loader.h"
#include "content_tester.h"
#include "language_registry.h"

#include <filesystem>
#include <limits>

namespace gloss {

bool looks_like_content_file(std::string_view path, std::string_view text) {
  if (!path.ends_with(".md")) return false;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  return text.starts_with("---\n") || text.starts_with("---\r\n");
}

std::vector<ContentDiagnostic> check_content_file(std::string_view text, const std::string &path,
                                                  const ContentIndex &loaded) {
  std::vector<ContentDiagnostic> diagnostics;
  // "<language>/<topic>.md" when the file sits in a language folder, so the id check applies.
  std::filesystem::path file(path);
  std::string relative;
  if (language_by_id(file.parent_path().filename().string()))
    relative = file.parent_path().filename().string() + "/" + file.filename().string();
  std::optional<Snippet> snippet = parse_snippet(text, path, relative, std::numeric_limits<int>::max(), diagnostics);
  if (!snippet) return diagnostics;

  // Only the snippets that can rank against this one: its language's and its
  // ancestors' (a .ts tip competes with JavaScript's), not the whole pack.
  const Language *language = language_by_id(snippet->language);
  std::vector<Snippet> snippets;
  for (const Snippet &other : loaded.snippets())
    for (const Language *member : language_lineage(*language))
      if (other.language == member->id) snippets.push_back(other);
  snippets.push_back(*snippet); // the highest layer: replaces a loaded snippet with its id
  ContentIndex index(std::move(snippets));
  // Only this snippet's language needs compiling (the others did not change).
  for (const ContentDiagnostic &diagnostic : index.compiled(*language).diagnostics)
    if (diagnostic.source == path) diagnostics.push_back(diagnostic);
  TestReport report = test_examples(index, [&](const Snippet &s) { return s.source == path; });
  for (const TestFailure &failure : report.failures) {
    std::string message = failure.kind == FailureKind::Missing
                              ? "missing: expected '" + failure.expected_id + "' to rank first here, got " +
                                    (failure.actual_id.empty() ? std::string("no tip") : "'" + failure.actual_id + "'")
                              : "noisy: '" + failure.expected_id + "' ranks first here, but the example says it must not";
    diagnostics.push_back({path, failure.line, Severity::Error, message});
  }
  for (const std::string &id : report.untested)
    diagnostics.push_back({path, 0, Severity::Warning, "no example asserts where '" + id + "' applies"});
  for (const UnexercisedPattern &pattern : report.unexercised)
    diagnostics.push_back({path, pattern.line, Severity::Warning,
                           "this pattern matches nowhere in the snippet's examples; add an example for it"});
  return diagnostics;
}

} // namespace gloss
