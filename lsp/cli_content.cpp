//===--- cli_content.cpp - `gloss lint`, `gloss test`, `gloss new` --------===//
#include "cli_content.h"

#include "atomic_file.h"
#include "content_index.h"
#include "content_loader.h"
#include "content_tester.h"
#include "language_registry.h"
#include "snippet_scaffold.h"

#include <algorithm>
#include <filesystem>
#include <iostream>

namespace gloss {
namespace {

/// The directories' snippets on top of the built-in pack, or the pack alone.
struct SelectedContent {
  ContentIndex index;
  std::vector<ContentDiagnostic> diagnostics;
  bool builtin_selected;

  bool selects(const std::string &source) const {
    return (source.rfind("builtin:", 0) == 0) == builtin_selected;
  }
};

SelectedContent load_selected(const std::vector<std::string> &directories) {
  LoadedContent loaded = load_layers({directories.begin(), directories.end()});
  return {ContentIndex(std::move(loaded.snippets)), std::move(loaded.diagnostics), directories.empty()};
}

/// Prints the selected content's problems; returns {errors, warnings}.
std::pair<std::size_t, std::size_t> report_problems(const SelectedContent &content) {
  std::vector<ContentDiagnostic> diagnostics;
  for (const auto &diagnostic : content.diagnostics)
    if (content.selects(diagnostic.source)) diagnostics.push_back(diagnostic);
  for (const auto &diagnostic : content.index.check_queries())
    if (content.selects(diagnostic.source)) diagnostics.push_back(diagnostic);
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const ContentDiagnostic &a, const ContentDiagnostic &b) {
    return std::tie(a.source, a.line) < std::tie(b.source, b.line);
  });
  for (const ContentDiagnostic &diagnostic : diagnostics) std::cout << format_diagnostic(diagnostic) << "\n";
  std::size_t errors = std::count_if(diagnostics.begin(), diagnostics.end(),
                                     [](const ContentDiagnostic &d) { return d.severity == Severity::Error; });
  return {errors, diagnostics.size() - errors};
}

std::size_t selected_count(const SelectedContent &content) {
  return std::count_if(content.index.snippets().begin(), content.index.snippets().end(),
                       [&](const Snippet &s) { return content.selects(s.source); });
}

} // namespace

int run_lint(const std::vector<std::string> &directories) {
  SelectedContent content = load_selected(directories);
  auto [errors, warnings] = report_problems(content);
  std::cout << "gloss lint: " << selected_count(content) << " snippets, " << errors << " errors, " << warnings
            << " warnings\n";
  return errors + warnings > 0 ? 1 : 0;
}

int run_test(const std::vector<std::string> &directories) {
  SelectedContent content = load_selected(directories);
  auto [errors, warnings] = report_problems(content);
  TestReport report = test_examples(content.index, [&](const Snippet &s) { return content.selects(s.source); });
  for (const TestFailure &failure : report.failures) std::cout << failure.message() << "\n";
  for (const std::string &id : report.untested) {
    const Snippet *snippet = content.index.find(id);
    std::cout << snippet->source << ": warning: no example asserts where '" << id << "' applies\n";
  }
  for (const UnexercisedPattern &pattern : report.unexercised)
    std::cout << pattern.source << ":" << pattern.line
              << ": warning: this pattern matches nowhere in the snippet's examples; add an example for it\n";
  std::size_t warning_count = warnings + report.untested.size() + report.unexercised.size();
  std::cout << "gloss test: " << report.snippets << " snippets, " << report.examples << " examples, "
            << report.assertions << " assertions, " << report.failures.size() << " failures"
            << " (" << errors << " errors, " << warning_count << " warnings)\n";
  return errors + warning_count + report.failures.size() > 0 ? 1 : 0;
}

int run_new(const std::string &language_id, const std::string &requested_id, const std::string &directory) {
  const Language *language = language_by_id(language_id);
  if (!language) {
    std::cerr << "gloss: unknown language '" << language_id << "'\n";
    return 2;
  }
  std::string id = requested_id.rfind(language_id + "/", 0) == 0 ? requested_id : language_id + "/" + requested_id;
  std::string text = scaffold_snippet(*language, id);
  std::filesystem::path path = std::filesystem::path(directory) / (id + ".md");

  // Check the file before writing it: a bad id is reported, not written.
  std::vector<ContentDiagnostic> diagnostics;
  std::optional<Snippet> snippet = parse_snippet(text, path.string(), id + ".md", 1, diagnostics);
  if (snippet) {
    ContentIndex index({*snippet});
    for (auto &diagnostic : index.check_queries()) diagnostics.push_back(diagnostic);
  }
  if (!snippet || !diagnostics.empty()) {
    for (const ContentDiagnostic &diagnostic : diagnostics) std::cerr << format_diagnostic(diagnostic) << "\n";
    return 2;
  }
  std::error_code error;
  if (std::filesystem::exists(path, error)) {
    std::cerr << "gloss: " << path.string() << " already exists; not overwriting it\n";
    return 2;
  }
  if (std::string problem = write_file_atomically(path, text); !problem.empty()) {
    std::cerr << "gloss: " << problem << "\n";
    return 2;
  }
  std::cout << path.string() << "\n";
  return 0;
}

} // namespace gloss
