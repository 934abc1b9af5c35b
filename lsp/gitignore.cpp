//===--- gitignore.cpp - which files a .gitignore excludes ----------------===//
#include "gitignore.h"

namespace gloss {
namespace {

std::string glob_to_regex(std::string_view glob) {
  std::string regex;
  for (std::size_t i = 0; i < glob.size(); ++i) {
    char c = glob[i];
    if (c == '*') {
      if (i + 1 < glob.size() && glob[i + 1] == '*') {
        bool slash_after = i + 2 < glob.size() && glob[i + 2] == '/';
        regex += slash_after ? "(.*/)?" : ".*";
        i += slash_after ? 2 : 1;
      } else {
        regex += "[^/]*";
      }
    } else if (c == '?') {
      regex += "[^/]";
    } else if (c == '[') {
      std::size_t close = glob.find(']', i + 1);
      if (close == std::string_view::npos) {
        regex += "\\[";
      } else {
        std::string set(glob.substr(i + 1, close - i - 1));
        if (!set.empty() && set[0] == '!') set[0] = '^';
        regex += "[" + set + "]";
        i = close;
      }
    } else if (c == '\\' && i + 1 < glob.size()) {
      regex += RE2::QuoteMeta(std::string(1, glob[++i]));
    } else {
      regex += RE2::QuoteMeta(std::string(1, c));
    }
  }
  return regex;
}

} // namespace

GitignoreRules::GitignoreRules(std::string_view text) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    std::string_view line = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    start = end == std::string_view::npos ? text.size() : end + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    Rule rule;
    if (line[0] == '!') {
      rule.negated = true;
      line.remove_prefix(1);
    }
    if (!line.empty() && line.back() == '/') {
      rule.directory_only = true;
      line.remove_suffix(1);
    }
    bool anchored = line.find('/') != std::string_view::npos;
    if (!line.empty() && line[0] == '/') line.remove_prefix(1);
    if (line.empty()) continue;
    std::string regex = (anchored ? "" : "(.*/)?") + glob_to_regex(line);
    RE2::Options options;
    options.set_log_errors(false);
    auto compiled = std::make_shared<const RE2>(regex, options);
    if (!compiled->ok()) continue;
    rule.regex = std::move(compiled);
    rules_.push_back(std::move(rule));
  }
}

GitignoreRules::Verdict GitignoreRules::check(std::string_view relative, bool is_directory) const {
  Verdict verdict = Verdict::Unmatched;
  for (const Rule &rule : rules_) {
    if (rule.directory_only && !is_directory) continue;
    if (RE2::FullMatch(re2::StringPiece(relative.data(), relative.size()), *rule.regex))
      verdict = rule.negated ? Verdict::Included : Verdict::Ignored;
  }
  return verdict;
}

} // namespace gloss
