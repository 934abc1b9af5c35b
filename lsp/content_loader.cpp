//===--- content_loader.cpp - snippet files to Snippets -------------------===//
#include "content_loader.h"

#include "builtin_content.h"
#include "example_assertions.h"
#include "language_registry.h"
#include "markdown_sanitizer.h"
#include "path_within.h"
#include "text_file.h"

#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <set>

namespace gloss {
namespace {

constexpr std::size_t max_summary_chars = 300;
constexpr std::size_t max_title_chars = 80;
constexpr long max_summary_lines = 3;

const std::set<std::string, std::less<>> known_keys = {"id",   "title", "language", "level",
                                                       "tags", "query", "links",    "kind"};

std::size_t character_count(std::string_view text) {
  // Count code points: UTF-8 continuation bytes do not start a character.
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

struct Lines {
  std::vector<std::string> lines;

  explicit Lines(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3); // BOM
    std::size_t start = 0;
    while (start <= text.size()) {
      std::size_t newline = text.find('\n', start);
      std::string_view line = text.substr(start, newline == std::string_view::npos
                                                     ? std::string_view::npos
                                                     : newline - start);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      lines.emplace_back(line);
      if (newline == std::string_view::npos) break;
      start = newline + 1;
    }
  }
};

class SnippetParser {
public:
  SnippetParser(const std::string &source, int layer, ExampleCheck check, std::vector<ContentDiagnostic> &diagnostics)
      : source_(source), layer_(layer), check_(check), diagnostics_(diagnostics) {}

  std::optional<Snippet> parse(std::string_view text, std::string_view relative_path) {
    Lines file(text);
    const auto &lines = file.lines;
    if (lines.empty() || lines[0] != "---") {
      error(1, "missing front matter: the file must start with a line '---'");
      return std::nullopt;
    }
    std::size_t closing = 1;
    while (closing < lines.size() && lines[closing] != "---" && lines[closing] != "...") ++closing;
    if (closing == lines.size()) {
      error(1, "front matter is not closed: add a line '---' after it");
      return std::nullopt;
    }
    std::string front_matter;
    for (std::size_t i = 1; i < closing; ++i) front_matter += lines[i] + "\n";

    YAML::Node root;
    try {
      root = YAML::Load(front_matter);
    } catch (const YAML::Exception &e) {
      error(yaml_line(e.mark), "invalid YAML: " + e.msg);
      return std::nullopt;
    }
    if (!root.IsMap()) {
      error(2, "front matter must be a mapping of keys to values");
      return std::nullopt;
    }

    Snippet snippet;
    snippet.source = source_;
    snippet.layer = layer_;
    try {
      read_fields(root, lines, snippet);
    } catch (const YAML::Exception &e) {
      error(yaml_line(e.mark), "invalid front matter: " + e.msg);
    }
    check_id_matches_path(snippet, relative_path);
    if (errors_ > 0) return std::nullopt;

    read_body(lines, closing + 1, snippet);
    if (errors_ > 0) return std::nullopt;
    return snippet;
  }

private:
  uint32_t yaml_line(const YAML::Mark &mark) const {
    // Front matter starts on line 2 of the file; marks are 0-based.
    return mark.line >= 0 ? static_cast<uint32_t>(mark.line) + 2 : 1;
  }

  void error(uint32_t line, std::string message) {
    diagnostics_.push_back({source_, line, Severity::Error, std::move(message)});
    ++errors_;
  }
  /// Content is data: raw HTML, non-web links and images never reach a
  /// renderer (see markdown_sanitizer.h); the author is told what went.
  std::string sanitized(std::string_view markdown, uint32_t line) {
    SanitizeReport report;
    std::string safe = sanitize_markdown(markdown, &report);
    for (const std::string &removed : report.removed)
      warning(line, removed + " is not shown: hovers show text, code and http(s) links only");
    return safe;
  }

  void warning(uint32_t line, std::string message) {
    diagnostics_.push_back({source_, line, Severity::Warning, std::move(message)});
  }

  std::optional<std::string> read_string(const YAML::Node &root, const char *key, bool required) {
    YAML::Node node = root[key];
    if (!node) {
      if (required) error(2, std::string("missing required field '") + key + "'");
      return std::nullopt;
    }
    if (!node.IsScalar()) {
      error(yaml_line(node.Mark()), std::string("field '") + key + "' must be a string");
      return std::nullopt;
    }
    return node.as<std::string>();
  }

  void read_fields(const YAML::Node &root, const std::vector<std::string> &lines,
                   Snippet &snippet) {
    for (const auto &entry : root) {
      std::string key = entry.first.as<std::string>();
      if (!known_keys.count(key))
        warning(yaml_line(entry.first.Mark()), "unknown field '" + key + "' is ignored");
    }

    if (auto id = read_string(root, "id", true)) {
      static const RE2 id_pattern("[a-z0-9]+(/[a-z0-9]+([-_.][a-z0-9]+)*)+");
      if (!RE2::FullMatch(*id, id_pattern))
        error(yaml_line(root["id"].Mark()),
              "id '" + *id + "' must look like 'language/topic-name' (lowercase, digits, '-')");
      snippet.id = *id;
    }
    if (auto title = read_string(root, "title", true)) {
      if (title->empty()) error(yaml_line(root["title"].Mark()), "title is empty");
      if (title->size() > max_title_chars)
        warning(yaml_line(root["title"].Mark()),
                "title is longer than " + std::to_string(max_title_chars) + " characters");
      snippet.title = *title;
    }
    if (auto language = read_string(root, "language", true)) {
      if (!language_by_id(*language)) {
        std::string known;
        for (const Language &l : all_languages()) known += (known.empty() ? "" : ", ") + std::string(l.id);
        error(yaml_line(root["language"].Mark()),
              "unknown language '" + *language + "' (known: " + known + ")");
      }
      snippet.language = *language;
      if (!snippet.id.empty() && snippet.id.rfind(*language + "/", 0) != 0)
        error(yaml_line(root["id"].Mark()),
              "id '" + snippet.id + "' must start with its language: '" + *language + "/'");
    }
    if (auto level = read_string(root, "level", false)) {
      if (auto parsed = parse_level(*level)) snippet.level = *parsed;
      else error(yaml_line(root["level"].Mark()),
                 "level '" + *level + "' must be beginner, intermediate or advanced");
    }
    if (auto kind = read_string(root, "kind", false)) {
      if (*kind == "note") snippet.kind = SnippetKind::Note;
      else if (*kind == "tip") snippet.kind = SnippetKind::Tip;
      else error(yaml_line(root["kind"].Mark()), "kind '" + *kind + "' must be tip or note");
    }
    if (YAML::Node tags = root["tags"]) {
      if (!tags.IsSequence()) {
        error(yaml_line(tags.Mark()), "tags must be a list, e.g. [loops, collections]");
      } else {
        for (const auto &tag : tags) {
          if (!tag.IsScalar() || tag.IsNull())
            error(yaml_line(tag.Mark()), "each tag must be a string (quote words YAML reads as values, e.g. \"null\")");
          else snippet.tags.push_back(tag.as<std::string>());
        }
      }
    }
    if (auto query = read_string(root, "query", true)) {
      if (query->find("@construct") == std::string::npos)
        error(yaml_line(root["query"].Mark()), "query must capture @construct");
      snippet.query = *query;
      // A block scalar ("query: |") starts its text on the next line.
      uint32_t line = yaml_line(root["query"].Mark());
      const std::string &key_line = lines[std::min<std::size_t>(line - 1, lines.size() - 1)];
      bool block = key_line.find('|') != std::string::npos || key_line.find('>') != std::string::npos;
      snippet.query_line = block ? line + 1 : line;
    }
    read_links(root, snippet);
  }

  void read_links(const YAML::Node &root, Snippet &snippet) {
    YAML::Node links = root["links"];
    if (!links) {
      if (snippet.kind == SnippetKind::Tip)
        error(2, "missing required field 'links': a tip needs at least one reference");
      return;
    }
    if (!links.IsSequence()) {
      error(yaml_line(links.Mark()), "links must be a list of {title, url}");
      return;
    }
    for (const auto &link : links) {
      uint32_t line = yaml_line(link.Mark());
      if (!link.IsMap() || !link["url"] || !link["url"].IsScalar() || !link["title"] ||
          !link["title"].IsScalar()) {
        error(line, "each link needs a 'title' and a 'url'");
        continue;
      }
      Link parsed{link["title"].as<std::string>(), link["url"].as<std::string>()};
      if (parsed.url.rfind("https://", 0) != 0 && parsed.url.rfind("http://", 0) != 0)
        error(line, "link url '" + parsed.url + "' must start with https:// or http://");
      else if (parsed.url.find_first_of(" <>\"()") != std::string::npos)
        error(line, "link url '" + parsed.url + "' contains characters that must be escaped");
      snippet.links.push_back(std::move(parsed));
    }
    if (snippet.kind == SnippetKind::Tip && snippet.links.empty())
      error(yaml_line(links.Mark()), "a tip needs at least one link");
  }

  void check_id_matches_path(const Snippet &snippet, std::string_view relative_path) {
    if (relative_path.empty() || snippet.id.empty()) return;
    std::string expected(relative_path);
    if (expected.size() > 3 && expected.ends_with(".md")) expected.resize(expected.size() - 3);
    // Linting one language folder gives paths relative to it ("lambda" for
    // "python/lambda"), so a path that ends the id is fine too.
    if (expected != snippet.id && !snippet.id.ends_with("/" + expected))
      warning(2, "id '" + snippet.id + "' does not match the file's path '" + expected + "'");
  }

  void read_body(const std::vector<std::string> &lines, std::size_t first, Snippet &snippet) {
    const Language *language = language_by_id(snippet.language);
    std::set<std::size_t> hidden_lines; // assertion lines, as file indices
    std::size_t heading = lines.size();
    bool in_fence = false;
    std::string fence_marker;
    std::size_t fence_start = 0;
    const Language *fence_language = nullptr;

    for (std::size_t i = first; i < lines.size(); ++i) {
      std::string_view line = lines[i];
      std::size_t indent = line.find_first_not_of(' ');
      std::string_view trimmed = indent == std::string_view::npos || indent > 3 ? std::string_view{}
                                                                                : line.substr(indent);
      if (!in_fence && (trimmed.starts_with("```") || trimmed.starts_with("~~~"))) {
        in_fence = true;
        fence_marker = std::string(trimmed.substr(0, 3));
        fence_start = i;
        // "```" alone has no info string (find_first_not_of gives npos).
        std::string_view info = trimmed.substr(std::min(trimmed.size(), trimmed.find_first_not_of(fence_marker[0])));
        info = info.substr(0, info.find_first_of(" {"));
        fence_language = language_by_fence_tag(info);
        continue;
      }
      if (in_fence && trimmed.starts_with(fence_marker)) {
        in_fence = false;
        if (fence_language && language && fence_language == language)
          read_example(lines, fence_start + 1, i, *language, snippet, hidden_lines);
        continue;
      }
      if (!in_fence && heading == lines.size() && trimmed.starts_with("#")) heading = i;
    }
    if (in_fence) error(static_cast<uint32_t>(fence_start + 1), "code block is not closed");

    std::string summary;
    for (std::size_t i = first; i < heading; ++i) summary += lines[i] + "\n";
    snippet.summary = sanitized(trim(summary), static_cast<uint32_t>(first + 1));
    if (snippet.summary.empty())
      error(static_cast<uint32_t>(first + 1),
            "missing summary: write a few lines before the first heading");
    else if (std::count(snippet.summary.begin(), snippet.summary.end(), '\n') >= max_summary_lines)
      warning(static_cast<uint32_t>(first + 1),
              "summary has more than " + std::to_string(max_summary_lines) + " lines; a hover should stay short");
    else if (std::size_t length = character_count(snippet.summary); length > max_summary_chars)
      warning(static_cast<uint32_t>(first + 1),
              "summary is " + std::to_string(length) + " characters; keep it under " +
                  std::to_string(max_summary_chars));

    std::string details;
    for (std::size_t i = heading; i < lines.size(); ++i)
      if (!hidden_lines.count(i)) details += lines[i] + "\n";
    snippet.details = sanitized(trim(details), static_cast<uint32_t>(heading + 1));
    snippet.details_line = static_cast<uint32_t>(heading + 1);
    snippet.examples_checked = check_ == ExampleCheck::Full;
  }

  void read_example(const std::vector<std::string> &lines, std::size_t begin, std::size_t end,
                    const Language &language, Snippet &snippet, std::set<std::size_t> &hidden_lines) {
    CodeExample example;
    example.source_line = static_cast<uint32_t>(begin + 1);
    for (std::size_t i = begin; i < end; ++i) example.code += lines[i] + "\n";
    if (check_ == ExampleCheck::Deferred) {
      snippet.examples.push_back(std::move(example));
      return;
    }
    ExtractedAssertions extracted = extract_assertions(language, example.code);
    if (!extracted.parsed) {
      error(example.source_line, "example could not be parsed in time");
      return;
    }
    if (extracted.has_syntax_error)
      error(example.source_line + extracted.syntax_error_line,
            "example has a syntax error (" + std::string(language.display_name) +
                " examples must be valid code; use ```text for fragments)");
    for (const auto &[line, message] : extracted.problems) error(example.source_line + line, message);
    for (uint32_t line : extracted.assertion_lines) hidden_lines.insert(begin + line);
    for (ExampleAssertion &assertion : extracted.assertions) {
      assertion.source_line = example.source_line + assertion.marker_line;
      example.assertions.push_back(std::move(assertion));
    }
    snippet.examples.push_back(std::move(example));
  }

  static std::string trim(const std::string &text) {
    std::size_t start = text.find_first_not_of(" \t\n");
    if (start == std::string::npos) return {};
    std::size_t end = text.find_last_not_of(" \t\n");
    return text.substr(start, end - start + 1);
  }

  const std::string &source_;
  int layer_;
  ExampleCheck check_;
  std::vector<ContentDiagnostic> &diagnostics_;
  int errors_ = 0;
};

/// Within one layer an id must be unique; a second file with it is an error.
void drop_duplicate_ids(LoadedContent &content) {
  std::map<std::string, std::string> first_source;
  std::vector<Snippet> unique;
  for (Snippet &snippet : content.snippets) {
    auto [it, inserted] = first_source.emplace(snippet.id, snippet.source);
    if (inserted) {
      unique.push_back(std::move(snippet));
    } else {
      content.diagnostics.push_back({snippet.source, 2, Severity::Error,
                                     "duplicate id '" + snippet.id + "' (first in " + it->second + ")"});
    }
  }
  content.snippets = std::move(unique);
}

bool is_snippet_file(const std::filesystem::path &path) {
  return path.extension() == ".md" && path.filename() != "README.md";
}

} // namespace

void LoadedContent::append(LoadedContent &&other) {
  for (Snippet &snippet : other.snippets) snippets.push_back(std::move(snippet));
  for (ContentDiagnostic &diagnostic : other.diagnostics) diagnostics.push_back(std::move(diagnostic));
}

bool LoadedContent::has_errors() const {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const ContentDiagnostic &d) { return d.severity == Severity::Error; });
}

std::optional<Snippet> parse_snippet(std::string_view text, const std::string &source,
                                     std::string_view relative_path, int layer,
                                     std::vector<ContentDiagnostic> &diagnostics, ExampleCheck check) {
  return SnippetParser(source, layer, check, diagnostics).parse(text, relative_path);
}

std::string displayed_details(const Snippet &snippet) {
  const Language *language = language_by_id(snippet.language);
  if (snippet.examples_checked || !language) return snippet.details;
  std::set<uint32_t> hidden; // 0-based lines of details
  for (const CodeExample &example : snippet.examples) {
    ExtractedAssertions extracted = extract_assertions(*language, example.code);
    for (uint32_t row : extracted.assertion_lines)
      if (example.source_line + row >= snippet.details_line) hidden.insert(example.source_line + row - snippet.details_line);
  }
  return strip_assertion_lines(snippet.details, hidden);
}

LoadedContent load_embedded_files(std::span<const EmbeddedFile> files, ExampleCheck check) {
  LoadedContent content;
  for (const EmbeddedFile &file : files) {
    std::filesystem::path path(file.path);
    if (!is_snippet_file(path)) continue;
    std::string source = "builtin:" + std::string(file.path);
    if (auto snippet = parse_snippet(file.text, source, file.path, 0, content.diagnostics, check))
      content.snippets.push_back(std::move(*snippet));
  }
  drop_duplicate_ids(content);
  return content;
}

LoadedContent load_content_directory(const std::filesystem::path &directory, int layer, ExampleCheck check) {
  LoadedContent content;
  std::error_code error;
  if (!std::filesystem::is_directory(directory, error)) {
    content.diagnostics.push_back(
        {directory.string(), 0, Severity::Error, "content directory does not exist or is not a directory"});
    return content;
  }
  std::vector<std::filesystem::path> files;
  // Directory symlinks are not followed; a file symlink may point only
  // inside this directory (a repository must not make Gloss read ~/.ssh).
  auto options = std::filesystem::directory_options::skip_permission_denied;
  for (auto it = std::filesystem::recursive_directory_iterator(directory, options, error);
       !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
    if (!it->is_regular_file(error) || !is_snippet_file(it->path())) continue;
    if (it->is_symlink(error) && !is_within(it->path(), directory)) {
      content.diagnostics.push_back({it->path().string(), 0, Severity::Error,
                                     "links to a file outside the content directory; not read"});
      continue;
    }
    if (files.size() == max_snippet_files_per_directory) {
      content.diagnostics.push_back({directory.string(), 0, Severity::Error,
                                     "more than " + std::to_string(max_snippet_files_per_directory) +
                                         " snippet files; the rest are not read"});
      break;
    }
    files.push_back(it->path());
  }
  if (error)
    content.diagnostics.push_back({directory.string(), 0, Severity::Error,
                                   "could not list the directory: " + error.message()});
  std::sort(files.begin(), files.end());

  std::uintmax_t total_bytes = 0;
  for (const auto &path : files) {
    std::string source = path.string();
    std::string problem;
    std::optional<std::string> text = read_text_file(path, max_snippet_file_bytes, problem);
    if (!text) {
      content.diagnostics.push_back({source, 0, Severity::Error, problem});
      continue;
    }
    total_bytes += text->size();
    if (total_bytes > max_content_directory_bytes) {
      content.diagnostics.push_back({directory.string(), 0, Severity::Error,
                                     "more than " + std::to_string(max_content_directory_bytes >> 20) +
                                         " MB of snippets; the rest are not read"});
      break;
    }
    std::string relative = std::filesystem::relative(path, directory, error).generic_string();
    if (auto snippet = parse_snippet(*text, source, relative, layer, content.diagnostics, check))
      content.snippets.push_back(std::move(*snippet));
  }
  drop_duplicate_ids(content);
  return content;
}

} // namespace gloss
