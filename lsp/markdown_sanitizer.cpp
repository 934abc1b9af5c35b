//===--- markdown_sanitizer.cpp - content Markdown made safe to render ----===//
#include "markdown_sanitizer.h"

#include <algorithm>
#include <cctype>

namespace gloss {
namespace {

bool starts_with_fence(std::string_view line, std::string_view &fence) {
  std::size_t indent = line.find_first_not_of(' ');
  if (indent == std::string_view::npos || indent > 3) return false;
  line.remove_prefix(indent);
  char c = line.empty() ? '\0' : line.front();
  if (c != '`' && c != '~') return false;
  std::size_t run = line.find_first_not_of(c);
  run = run == std::string_view::npos ? line.size() : run;
  if (run < 3) return false;
  fence = line.substr(0, run);
  return true;
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

/// The index just past the bracket that closes the one at `open`, or npos.
std::size_t matching(std::string_view text, std::size_t open, char opening, char closing) {
  int depth = 0;
  for (std::size_t i = open; i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;
      continue;
    }
    if (text[i] == '\n' && i + 1 < text.size() && text[i + 1] == '\n') return std::string_view::npos; // no paragraph crossing
    if (text[i] == opening) ++depth;
    if (text[i] == closing && --depth == 0) return i + 1;
  }
  return std::string_view::npos;
}

/// Sanitizes prose (no fenced blocks) outside code spans.
void sanitize_prose(std::string_view text, std::string &out, SanitizeReport *report) {
  for (std::size_t i = 0; i < text.size();) {
    char c = text[i];
    if (c == '\\' && i + 1 < text.size()) {
      out.append(text.substr(i, 2));
      i += 2;
      continue;
    }
    if (c == '`') { // a code span: copied as is up to the same run of backticks
      std::size_t run = text.find_first_not_of('`', i);
      run = (run == std::string_view::npos ? text.size() : run) - i;
      std::size_t close = text.find(std::string(run, '`'), i + run);
      std::size_t end = close == std::string_view::npos ? i + run : close + run;
      out.append(text.substr(i, end - i));
      i = end;
      continue;
    }
    if (c == '<') {
      std::size_t close = text.find('>', i);
      std::string_view tag = text.substr(i, close == std::string_view::npos ? 1 : close - i + 1);
      if (report && tag.size() > 1) report->removed.push_back("raw HTML " + std::string(tag.substr(0, 16)));
      out += "&lt;";
      ++i;
      continue;
    }
    bool image = c == '!' && i + 1 < text.size() && text[i + 1] == '[';
    if (c == '[' || image) {
      std::size_t label_start = i + (image ? 1 : 0);
      std::size_t label_end = matching(text, label_start, '[', ']');
      if (label_end != std::string_view::npos && label_end < text.size() && text[label_end] == '(') {
        std::size_t target_end = matching(text, label_end, '(', ')');
        if (target_end != std::string_view::npos) {
          std::string_view label = text.substr(label_start + 1, label_end - label_start - 2);
          std::string_view target = text.substr(label_end + 1, target_end - label_end - 2);
          std::size_t space = target.find_first_of(" \t\n");
          std::string_view url = target.substr(0, space);
          if (!url.empty() && url.front() == '<' && url.back() == '>') url = url.substr(1, url.size() - 2);
          std::string safe_label;
          sanitize_prose(label, safe_label, report);
          if (image || !is_web_url(url)) {
            if (report) report->removed.push_back((image ? "image " : "link to ") + std::string(url.substr(0, 40)));
            out += safe_label;
          } else {
            out += "[" + safe_label + "](" + std::string(target) + ")";
          }
          i = target_end;
          continue;
        }
      }
    }
    out.push_back(c);
    ++i;
  }
}

/// Link reference definitions ("[x]: command:...") would revive a link the
/// prose pass removed: keep only those to web URLs (lines stay, emptied).
std::string drop_unsafe_definitions(std::string_view prose, SanitizeReport *report) {
  std::string kept;
  for (std::size_t at = 0; at < prose.size();) {
    std::size_t newline = prose.find('\n', at);
    std::size_t end = newline == std::string_view::npos ? prose.size() : newline + 1;
    std::string_view line = prose.substr(at, end - at);
    at = end;
    std::size_t first = line.find_first_not_of(' ');
    std::size_t colon = line.find("]:");
    if (first != std::string_view::npos && first <= 3 && line[first] == '[' && colon != std::string_view::npos) {
      std::string_view url = line.substr(colon + 2);
      url.remove_prefix(std::min(url.size(), url.find_first_not_of(" \t")));
      if (!is_web_url(url)) {
        if (report) report->removed.push_back("link definition " + std::string(line.substr(first, 40)));
        if (newline != std::string_view::npos) kept += '\n';
        continue;
      }
    }
    kept.append(line);
  }
  return kept;
}

void sanitize_chunk(std::string_view prose, std::string &out, SanitizeReport *report) {
  sanitize_prose(drop_unsafe_definitions(prose, report), out, report);
}

} // namespace

bool is_web_url(std::string_view url) {
  std::string scheme = lower(url.substr(0, 8));
  return scheme.rfind("https://", 0) == 0 || scheme.rfind("http://", 0) == 0;
}

std::string sanitize_markdown(std::string_view markdown, SanitizeReport *report) {
  std::string out;
  out.reserve(markdown.size());
  std::string_view fence;
  bool in_fence = false;
  std::size_t prose_start = 0;
  for (std::size_t at = 0; at <= markdown.size();) {
    std::size_t newline = markdown.find('\n', at);
    std::size_t end = newline == std::string_view::npos ? markdown.size() : newline + 1;
    std::string_view line = markdown.substr(at, end - at);
    std::string_view opened;
    if (!in_fence && starts_with_fence(line, opened)) {
      sanitize_chunk(markdown.substr(prose_start, at - prose_start), out, report);
      in_fence = true;
      fence = opened;
      out.append(line);
    } else if (in_fence) {
      out.append(line);
      std::string_view closing;
      if (starts_with_fence(line, closing) && closing.front() == fence.front() && closing.size() >= fence.size() &&
          line.find_first_not_of(" \r\n", line.find(closing) + closing.size()) == std::string_view::npos) {
        in_fence = false;
        prose_start = end;
      }
    }
    if (in_fence && !opened.empty()) prose_start = end;
    if (newline == std::string_view::npos) break;
    at = end;
  }
  if (!in_fence) sanitize_chunk(markdown.substr(prose_start), out, report);
  return out;
}

} // namespace gloss
