//===--- main.cpp - the gloss command line --------------------------------===//
//
// `gloss lsp` runs the language server on stdio. The other subcommands call
// the same logic directly, so what a terminal shows is what a hover shows.
//
//===----------------------------------------------------------------------===//
#include "atomic_file.h"
#include "content_index.h"
#include "content_loader.h"
#include "content_tester.h"
#include "hover.h"
#include "language_registry.h"
#include "line_index.h"
#include "matcher.h"
#include "server.h"
#include "syntax_tree.h"
#include "transport.h"
#include "version.h"

#include <CLI/CLI.hpp>

#include <csignal>
#include <fstream>
#include <iostream>
#include <sstream>
#include <unistd.h>

namespace {

using namespace gloss;

/// At most this many lines of the user's code go into an explanation.
constexpr std::size_t max_context_lines = 30;

struct Location {
  std::string path;
  uint32_t line = 0;   // 1-based
  uint32_t column = 0; // 1-based, in characters
};

/// Parses FILE:LINE:COL; the file name itself may contain ':'.
std::optional<Location> parse_location(const std::string &text) {
  std::size_t second = text.rfind(':');
  if (second == std::string::npos || second == 0) return std::nullopt;
  std::size_t first = text.rfind(':', second - 1);
  if (first == std::string::npos || first == 0) return std::nullopt;
  try {
    std::size_t used = 0;
    int line = std::stoi(text.substr(first + 1, second - first - 1), &used);
    if (used != second - first - 1) return std::nullopt;
    int column = std::stoi(text.substr(second + 1), &used);
    if (used != text.size() - second - 1 || line < 1 || column < 1) return std::nullopt;
    return Location{text.substr(0, first), static_cast<uint32_t>(line), static_cast<uint32_t>(column)};
  } catch (const std::exception &) {
    return std::nullopt;
  }
}

std::optional<std::string> read_file(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<std::filesystem::path> to_paths(const std::vector<std::string> &values) {
  return {values.begin(), values.end()};
}

void print_diagnostics(const std::vector<ContentDiagnostic> &diagnostics) {
  for (const ContentDiagnostic &diagnostic : diagnostics) std::cerr << format_diagnostic(diagnostic) << "\n";
}

int run_lsp(const std::vector<std::string> &content_directories) {
  std::signal(SIGPIPE, SIG_IGN); // a vanished client is an EPIPE, handled as EOF
  StdioTransport transport(STDIN_FILENO, STDOUT_FILENO);
  Server::Options options;
  options.content_directories = to_paths(content_directories);
  options.explain_directory = cache_directory() / "explain";
  Server server(std::move(options), transport);
  transport.run([&](std::vector<Frame> &frames) { return server.handle_frames(frames); });
  return server.exit_code();
}

int run_explain(const std::string &location_text, bool full, const std::vector<std::string> &content_directories) {
  std::optional<Location> location = parse_location(location_text);
  if (!location) {
    std::cerr << "gloss: expected FILE:LINE:COL (1-based), got '" << location_text << "'\n";
    return 2;
  }
  const Language *language = language_for_path(location->path);
  if (!language) {
    std::cerr << "gloss: " << location->path << ": no supported language for this file type\n";
    return 2;
  }
  std::optional<std::string> text = read_file(location->path);
  if (!text) {
    std::cerr << "gloss: " << location->path << ": cannot read the file\n";
    return 2;
  }
  LoadedContent loaded = load_layers(to_paths(content_directories));
  print_diagnostics(loaded.diagnostics);
  ContentIndex index(std::move(loaded.snippets));

  LineIndex lines(*text);
  if (location->line > lines.line_count()) {
    std::cerr << "gloss: " << location->path << " has only " << lines.line_count() << " lines\n";
    return 2;
  }
  uint32_t offset = lines.offset_of({location->line - 1, location->column - 1}, PositionEncoding::Utf32, *text);
  SyntaxTree tree(*language);
  if (!tree.parse(*text)) {
    std::cerr << "gloss: " << location->path << ": parsing took too long\n";
    return 1;
  }
  MatchResult matches = match_at(tree, *text, offset, index);
  std::optional<HoverInfo> hover = make_hover(matches);
  if (!hover) {
    std::cerr << "gloss: no tip at " << location_text << "\n";
    return 1;
  }
  if (full) {
    const Match &best = matches.best() ? *matches.best() : matches.notes.front();
    std::string code = code_excerpt(*text, best.construct_start, best.construct_end, max_context_lines);
    std::cout << render_explanation(*best.snippet, code, language->fence_tags.front());
  } else {
    std::cout << render_markdown(*hover);
  }
  return 0;
}

/// The directories' snippets on top of the built-in pack, or the pack alone.
struct SelectedContent {
  ContentIndex index;
  std::vector<ContentDiagnostic> diagnostics;
  int first_selected_layer;
};

SelectedContent load_selected(const std::vector<std::string> &directories) {
  LoadedContent loaded = load_layers(to_paths(directories));
  int first = directories.empty() ? 0 : 1;
  return {ContentIndex(std::move(loaded.snippets)), std::move(loaded.diagnostics), first};
}

bool in_selection(const SelectedContent &content, const std::string &source) {
  bool builtin = source.rfind("builtin:", 0) == 0;
  return content.first_selected_layer == 0 ? builtin : !builtin;
}

int run_lint(const std::vector<std::string> &directories) {
  SelectedContent content = load_selected(directories);
  std::vector<ContentDiagnostic> diagnostics;
  for (auto &diagnostic : content.diagnostics)
    if (in_selection(content, diagnostic.source)) diagnostics.push_back(diagnostic);
  for (auto &diagnostic : content.index.check_queries())
    if (in_selection(content, diagnostic.source)) diagnostics.push_back(diagnostic);
  print_diagnostics(diagnostics);
  std::size_t errors = std::count_if(diagnostics.begin(), diagnostics.end(),
                                     [](const ContentDiagnostic &d) { return d.severity == Severity::Error; });
  std::size_t checked = std::count_if(content.index.snippets().begin(), content.index.snippets().end(),
                                      [&](const Snippet &s) { return in_selection(content, s.source); });
  std::cout << "gloss lint: " << checked << " snippets loaded, " << errors << " errors, "
            << diagnostics.size() - errors << " warnings\n";
  return errors > 0 ? 1 : 0;
}

int run_test(const std::vector<std::string> &directories) {
  int lint_status = run_lint(directories);
  SelectedContent content = load_selected(directories);
  TestReport report = test_examples(content.index, [&](const Snippet &s) { return in_selection(content, s.source); });
  for (const TestFailure &failure : report.failures) std::cerr << failure.message() << "\n";
  for (const std::string &id : report.untested)
    std::cerr << id << ": warning: no example asserts where this tip applies\n";
  std::cout << "gloss test: " << report.snippets << " snippets, " << report.examples << " examples, "
            << report.assertions << " assertions, " << report.failures.size() << " failures\n";
  return lint_status != 0 || !report.failures.empty() ? 1 : 0;
}

} // namespace

int main(int argc, char **argv) {
  CLI::App app{"Gloss: a language server that explains the code under your cursor."};
  app.set_version_flag("--version", std::string("gloss ") + gloss::gloss_version);
  app.require_subcommand(1);

  std::vector<std::string> content_directories;
  auto add_content_option = [&](CLI::App *command) {
    command->add_option("--content", content_directories, "Extra content directory (repeatable), layered over the built-in pack")
        ->check(CLI::ExistingDirectory);
  };

  CLI::App *lsp = app.add_subcommand("lsp", "Run the language server on stdin/stdout");
  bool stdio_flag = false;
  lsp->add_flag("--stdio", stdio_flag, "Use stdio (the default and only transport)");
  add_content_option(lsp);

  CLI::App *explain = app.add_subcommand("explain", "Print the tip a hover would show at FILE:LINE:COL (1-based)");
  std::string location;
  bool full = false;
  explain->add_option("location", location, "FILE:LINE:COL, 1-based, columns in characters")->required();
  explain->add_flag("--full", full, "Print the full explanation instead of the hover");
  add_content_option(explain);

  std::vector<std::string> directories;
  CLI::App *lint = app.add_subcommand("lint", "Check content files: front matter, queries, links");
  lint->add_option("directories", directories, "Content directories (default: the built-in pack)")
      ->check(CLI::ExistingDirectory);
  CLI::App *test = app.add_subcommand("test", "Lint, then run every snippet's example assertions");
  test->add_option("directories", directories, "Content directories (default: the built-in pack)")
      ->check(CLI::ExistingDirectory);

  CLI11_PARSE(app, argc, argv);

  if (std::string problem = check_grammar_versions(); !problem.empty()) {
    std::cerr << "gloss: " << problem << "\n";
    return 2;
  }
  if (*lsp) return run_lsp(content_directories);
  if (*explain) return run_explain(location, full, content_directories);
  if (*lint) return run_lint(directories);
  if (*test) return run_test(directories);
  return 0;
}
