//===--- main.cpp - the gloss command line --------------------------------===//
//
// `gloss lsp` runs the language server on stdio. The other subcommands call
// the same logic directly, so what a terminal shows is what a hover shows.
//
//===----------------------------------------------------------------------===//
#include "atomic_file.h"
#include "cli_content.h"
#include "cli_coverage.h"
#include "cli_explain.h"
#include "cli_learner.h"
#include "language_registry.h"
#include "server.h"
#include "transport.h"
#include "version.h"

#include <CLI/CLI.hpp>

#include <csignal>
#include <filesystem>
#include <iostream>
#include <unistd.h>

namespace {

using namespace gloss;

int run_lsp(const std::vector<std::string> &content_directories, const std::string &state_file) {
  std::signal(SIGPIPE, SIG_IGN); // a vanished client is an EPIPE, handled as EOF
  StdioTransport transport(STDIN_FILENO, STDOUT_FILENO);
  Server::Options options;
  options.content_directories = {content_directories.begin(), content_directories.end()};
  options.explain_directory = cache_directory() / "explain";
  options.state_file = state_file;
  Server server(std::move(options), transport, &transport.io());
  transport.run([&](std::vector<Frame> &frames) { return server.handle_frames(frames); });
  return server.exit_code();
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

  std::string state_file;
  auto add_state_option = [&](CLI::App *command) {
    command->add_option("--state", state_file,
                        "Learner state file (default: $XDG_STATE_HOME/gloss/learner.tsv)");
  };

  CLI::App *lsp = app.add_subcommand("lsp", "Run the language server on stdin/stdout");
  bool stdio_flag = false;
  lsp->add_flag("--stdio", stdio_flag, "Use stdio (the default and only transport)");
  add_content_option(lsp);
  add_state_option(lsp);

  CLI::App *explain = app.add_subcommand("explain", "Print the tip a hover would show at FILE:LINE:COL (1-based)");
  std::string location;
  bool full = false;
  bool tree = false;
  explain->add_option("location", location, "FILE:LINE:COL, 1-based, columns in characters")->required();
  explain->add_flag("--full", full, "Print the full explanation instead of the hover");
  explain->add_flag("--tree", tree, "Print the syntax node path at the position (for writing queries)");
  std::string level = "intermediate";
  explain->add_option("--level", level, "beginner (hides advanced tips), intermediate (all) or advanced (only advanced)")
      ->capture_default_str();
  add_content_option(explain);

  std::vector<std::string> directories;
  CLI::App *lint = app.add_subcommand("lint", "Check content files: front matter, queries, links");
  lint->add_option("directories", directories, "Content directories (default: the built-in pack)")
      ->check(CLI::ExistingDirectory);
  CLI::App *test = app.add_subcommand("test", "Lint, then run every snippet's example assertions");
  test->add_option("directories", directories, "Content directories (default: the built-in pack)")
      ->check(CLI::ExistingDirectory);

  CLI::App *scaffold = app.add_subcommand("new", "Create a snippet file that already passes lint");
  std::string new_language;
  std::string new_id;
  std::string new_directory = std::filesystem::is_directory("content") ? "content" : ".";
  scaffold->add_option("language", new_language, "Language id (python, cpp, javascript, ...)")->required();
  scaffold->add_option("id", new_id, "Snippet id, e.g. python/walrus-operator (the language prefix is optional)")->required();
  scaffold->add_option("--dir", new_directory, "Content directory to create it in")->capture_default_str();

  CLI::App *coverage = app.add_subcommand("coverage", "Rank the constructs a codebase uses and the tips that cover them");
  std::vector<std::string> coverage_paths;
  bool coverage_json = false;
  std::size_t coverage_top = 15;
  coverage->add_option("paths", coverage_paths, "Files or directories to scan (.gitignore is respected)")
      ->required()
      ->check(CLI::ExistingPath);
  coverage->add_flag("--json", coverage_json, "Print JSON for tools");
  coverage->add_option("--top", coverage_top, "Constructs to list per language")->capture_default_str();
  add_content_option(coverage);

  CLI::App *stats = app.add_subcommand("stats", "Per tip: times shown, explained, muted, helpful, not helpful");
  bool stats_json = false;
  std::string export_file;
  stats->add_flag("--json", stats_json, "Print JSON for tools");
  stats->add_option("--export", export_file, "Write an anonymous summary (tip ids and counts only) to FILE");
  add_state_option(stats);

  CLI::App *learned = app.add_subcommand("learned", "List the tips you muted with \"I know this\"");
  std::string reset_id;
  CLI::Option *reset = learned->add_option("--reset", reset_id, "Show ID again, or every muted tip without ID")
                           ->expected(0, 1);
  add_state_option(learned);

  CLI::App *concepts = app.add_subcommand("concepts", "List every construct in FILE that has a tip");
  std::string concepts_file;
  bool concepts_json = false;
  std::string concepts_level = "intermediate";
  concepts->add_option("file", concepts_file, "Source file")->required();
  concepts->add_flag("--json", concepts_json, "Print JSON for tools");
  concepts->add_option("--level", concepts_level, "beginner, intermediate or advanced")->capture_default_str();
  add_content_option(concepts);
  add_state_option(concepts);

  CLI11_PARSE(app, argc, argv);

  if (std::string problem = check_grammar_versions(); !problem.empty()) {
    std::cerr << "gloss: " << problem << "\n";
    return 2;
  }
  if (*lsp) return run_lsp(content_directories, state_file);
  if (*stats) return run_stats(state_file, stats_json, export_file);
  if (*learned) return run_learned(state_file, reset->count() > 0, reset_id);
  if (*concepts) return run_concepts(concepts_file, concepts_json, concepts_level, content_directories, state_file);
  if (*explain)
    return run_explain(location, tree ? ExplainOutput::Tree : full ? ExplainOutput::Full : ExplainOutput::Hover,
                       content_directories, level);
  if (*scaffold) return run_new(new_language, new_id, new_directory);
  if (*coverage) return run_coverage(coverage_paths, coverage_json, coverage_top, content_directories);
  if (*lint) return run_lint(directories);
  if (*test) return run_test(directories);
  return 0;
}
