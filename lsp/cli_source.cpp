//===--- cli_source.cpp - a source file and its content, for the command line ===//
#include "cli_source.h"

#include "content_layers.h"
#include "content_loader.h"
#include "text_file.h"

#include <iostream>

namespace gloss {
namespace {

/// Source files larger than this are not read (generated or minified code).
constexpr std::uintmax_t max_source_file_bytes = 64 * 1024 * 1024;

} // namespace

std::optional<SourceFile> read_source_file(const std::string &path, int &exit_status) {
  const Language *language = language_for_path(path);
  if (!language) {
    std::cerr << "gloss: " << path << ": no supported language for this file type\n";
    exit_status = 2;
    return std::nullopt;
  }
  std::string problem;
  std::optional<std::string> text = read_text_file(path, max_source_file_bytes, problem);
  if (!text) {
    std::cerr << "gloss: " << path << ": " << problem << "\n";
    exit_status = 2;
    return std::nullopt;
  }
  SourceFile source{path, language, std::move(*text), SyntaxTree(*language)};
  if (!source.tree.parse(source.text)) {
    std::cerr << "gloss: " << path << ": parsing took too long\n";
    exit_status = 1;
    return std::nullopt;
  }
  return source;
}

std::unique_ptr<ContentIndex> load_content_for(const std::filesystem::path &source,
                                               const std::vector<std::string> &content_directories) {
  ContentSources sources;
  sources.workspace_root = find_workspace_root(source.parent_path().empty() ? "." : source.parent_path());
  sources.command_line_directories = {content_directories.begin(), content_directories.end()};
  sources.user_directory = user_content_directory();
  LayerPlan plan = plan_layers(sources);
  LoadedContent loaded = load_layers(plan.directories, ExampleCheck::Deferred);
  for (const ContentDiagnostic &diagnostic : plan.diagnostics) std::cerr << format_diagnostic(diagnostic) << "\n";
  for (const ContentDiagnostic &diagnostic : loaded.diagnostics) std::cerr << format_diagnostic(diagnostic) << "\n";
  return std::make_unique<ContentIndex>(std::move(loaded.snippets), plan.disabled);
}

} // namespace gloss
