//===--- content_layers.cpp - which content directories load, in what order ===//
#include "content_layers.h"

#include "path_within.h"

#include <toml.hpp>

#include <algorithm>
#include <cstdlib>

namespace gloss {
namespace {

constexpr const char *config_file_name = "gloss.toml";
constexpr const char *workspace_content_folder = ".gloss";

std::vector<std::string> string_array(const toml::value &table, const char *key, const std::string &source,
                                      std::vector<ContentDiagnostic> &diagnostics) {
  std::vector<std::string> values;
  if (!table.contains(key)) return values;
  const toml::value &node = table.at(key);
  uint32_t line = static_cast<uint32_t>(node.location().line());
  if (!node.is_array()) {
    diagnostics.push_back({source, line, Severity::Error, std::string("'") + key + "' must be an array of strings"});
    return values;
  }
  for (const toml::value &item : node.as_array()) {
    if (!item.is_string()) {
      diagnostics.push_back({source, line, Severity::Error, std::string("'") + key + "' must hold only strings"});
      continue;
    }
    values.push_back(item.as_string().str);
  }
  return values;
}

/// toml11 errors span several lines ("[error] what", " --> file", " N | text",
/// a caret line); this keeps what and the first line number.
std::pair<uint32_t, std::string> summarize_toml_error(std::string_view text) {
  std::string_view first = text.substr(0, text.find('\n'));
  if (first.starts_with("[error] ")) first.remove_prefix(8);
  uint32_t line = 0;
  for (std::size_t start = 0; start < text.size() && line == 0;) {
    std::size_t end = text.find('\n', start);
    std::string_view row = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    std::size_t digits = row.find_first_not_of(' ');
    std::size_t bar = row.find(" |");
    if (digits != std::string_view::npos && bar != std::string_view::npos && bar > digits &&
        row.substr(digits, bar - digits).find_first_not_of("0123456789") == std::string_view::npos)
      line = static_cast<uint32_t>(std::stoul(std::string(row.substr(digits, bar - digits))));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return {line, std::string(first)};
}

} // namespace

bool id_matches(std::string_view pattern, std::string_view id) {
  // Iterative glob with backtracking to the last '*'.
  std::size_t p = 0, i = 0, star = std::string_view::npos, mark = 0;
  while (i < id.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = i;
    } else if (p < pattern.size() && pattern[p] == id[i]) {
      ++p;
      ++i;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      i = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

std::optional<std::filesystem::path> user_content_directory() {
  if (const char *xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg == '/')
    return std::filesystem::path(xdg) / "gloss" / "content";
  if (const char *home = std::getenv("HOME"); home && *home == '/')
    return std::filesystem::path(home) / ".config" / "gloss" / "content";
  return std::nullopt;
}

std::optional<std::filesystem::path> find_workspace_root(const std::filesystem::path &start) {
  std::error_code error;
  std::filesystem::path directory = std::filesystem::absolute(start, error);
  if (error) return std::nullopt;
  if (!std::filesystem::is_directory(directory, error)) directory = directory.parent_path();
  while (true) {
    if (std::filesystem::exists(directory / config_file_name, error) ||
        std::filesystem::is_directory(directory / workspace_content_folder, error))
      return directory;
    if (directory == directory.root_path() || directory.empty()) return std::nullopt;
    directory = directory.parent_path();
  }
}

LayerPlan plan_layers(const ContentSources &sources) {
  LayerPlan plan;
  std::error_code error;
  if (sources.workspace_root) {
    std::filesystem::path config = *sources.workspace_root / config_file_name;
    if (std::filesystem::exists(config, error)) {
      std::string source = config.string();
      try {
        toml::value table = toml::parse(config.string());
        for (const auto &[key, value] : table.as_table())
          if (key != "content" && key != "disable")
            plan.diagnostics.push_back({source, static_cast<uint32_t>(value.location().line()), Severity::Warning,
                                        "unknown key '" + key + "' is ignored"});
        uint32_t content_line = table.contains("content") ? static_cast<uint32_t>(table.at("content").location().line()) : 0;
        for (const std::string &directory : string_array(table, "content", source, plan.diagnostics)) {
          std::filesystem::path path(directory);
          path = path.is_absolute() ? path : *sources.workspace_root / path;
          // A repository's own file may point only into the repository: a
          // cloned project must not make Gloss read the rest of the disk.
          if (!is_within(path, *sources.workspace_root)) {
            plan.diagnostics.push_back({source, content_line, Severity::Error,
                                        "content directory '" + directory + "' is outside the workspace; ignored"});
            continue;
          }
          plan.directories.push_back(path);
          if (plan.team_directory.empty()) plan.team_directory = plan.directories.back();
        }
        plan.disabled = string_array(table, "disable", source, plan.diagnostics);
      } catch (const std::exception &e) {
        auto [line, message] = summarize_toml_error(e.what());
        plan.diagnostics.push_back({source, line, Severity::Error, "invalid TOML: " + message});
      }
    }
  }
  for (const auto &directory : sources.settings_directories) plan.directories.push_back(directory);
  for (const auto &directory : sources.command_line_directories) plan.directories.push_back(directory);
  if (sources.workspace_root) {
    std::filesystem::path workspace_content = *sources.workspace_root / workspace_content_folder;
    if (plan.team_directory.empty()) plan.team_directory = workspace_content;
    if (std::filesystem::is_directory(workspace_content, error)) plan.directories.push_back(workspace_content);
  }
  if (sources.user_directory && std::filesystem::is_directory(*sources.user_directory, error))
    plan.directories.push_back(*sources.user_directory);
  return plan;
}

} // namespace gloss
