//===--- hover.cpp - what a hover and "Explain this" show -----------------===//
#include "hover.h"

#include "content_loader.h"
#include "language_registry.h"

#include <algorithm>

namespace gloss {
namespace {

/// Escapes characters that Markdown would treat as markup in a title.
std::string escape_markdown(std::string_view text) {
  std::string escaped;
  for (char c : text) {
    if (std::string_view("\\`*_[]<>#|").find(c) != std::string_view::npos) escaped.push_back('\\');
    escaped.push_back(c);
  }
  return escaped;
}

std::string markdown_link(const Link &link) {
  // Built with append: GCC 12 warns falsely (-Wrestrict) on "[" + std::string.
  std::string text = "[";
  text.append(escape_markdown(link.title)).append("](").append(link.url).append(")");
  return text;
}

/// Markdown → readable plain text: drops emphasis and code markers, keeps
/// link targets visible.
std::string plain(std::string_view markdown) {
  std::string text;
  for (std::size_t i = 0; i < markdown.size(); ++i) {
    char c = markdown[i];
    if (markdown.substr(i, 4) == "&lt;") { // what the sanitizer made of a '<'
      text.push_back('<');
      i += 3;
      continue;
    }
    if (c == '`' || c == '*') continue;
    if (c == '_' && (i == 0 || i + 1 == markdown.size() || !std::isalnum(static_cast<unsigned char>(markdown[i - 1])) ||
                     !std::isalnum(static_cast<unsigned char>(markdown[i + 1]))))
      continue;
    text.push_back(c);
  }
  return text;
}

} // namespace

std::string code_excerpt(std::string_view text, uint32_t start, uint32_t end, std::size_t max_lines) {
  start = std::min<uint32_t>(start, static_cast<uint32_t>(text.size()));
  end = std::clamp<uint32_t>(end, start, static_cast<uint32_t>(text.size()));
  std::size_t line_start = text.rfind('\n', start == 0 ? 0 : start - 1);
  line_start = (line_start == std::string_view::npos || start == 0) ? 0 : line_start + 1;
  std::size_t line_end = text.find('\n', end == start ? end : end - 1);
  if (line_end == std::string_view::npos) line_end = text.size();

  std::vector<std::string_view> lines;
  std::string_view block = text.substr(line_start, line_end - line_start);
  for (std::size_t at = 0; at <= block.size();) {
    std::size_t newline = block.find('\n', at);
    if (newline == std::string_view::npos) newline = block.size();
    std::string_view line = block.substr(at, newline - at);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    at = newline + 1;
  }
  bool cut = lines.size() > max_lines;
  if (cut) lines.resize(max_lines);
  std::size_t indent = std::string_view::npos;
  for (std::string_view line : lines) {
    std::size_t first = line.find_first_not_of(" \t");
    if (first != std::string_view::npos) indent = std::min(indent, first);
  }
  if (indent == std::string_view::npos) indent = 0;
  std::string excerpt;
  for (std::string_view line : lines) excerpt += std::string(line.substr(std::min(indent, line.size()))) + "\n";
  if (cut) excerpt += "…\n";
  return excerpt;
}

std::string language_name(const Snippet &snippet) {
  const Language *language = language_by_id(snippet.language);
  return language ? std::string(language->display_name) : snippet.language;
}

std::optional<HoverInfo> make_hover(const MatchResult &matches) {
  const Match *best = matches.best();
  if (!best && matches.notes.empty()) return std::nullopt;
  HoverInfo hover;
  if (!best) {
    // A team note with no built-in tip beside it still deserves to be seen.
    for (const Match &note : matches.notes) hover.notes.push_back(note.snippet);
    hover.start_byte = matches.notes.front().target_start;
    hover.end_byte = matches.notes.front().target_end;
    return hover;
  }
  hover.tip = best->snippet;
  hover.start_byte = best->target_start;
  hover.end_byte = best->target_end;
  uint32_t best_size = best->construct_end - best->construct_start;
  // Notes about this construct or something inside it; notes about an
  // enclosing construct would follow the learner everywhere inside it.
  for (const Match &note : matches.notes)
    if (note.construct_end - note.construct_start <= best_size) hover.notes.push_back(note.snippet);
  for (std::size_t i = 1; i < matches.tips.size(); ++i) {
    const Match &outer = matches.tips[i];
    // Only constructs that really enclose the best one are "inside"; a tie
    // on the same node is an alternative, not a parent.
    if (outer.construct_end - outer.construct_start > best_size) hover.inside.push_back(outer.snippet);
  }
  return hover;
}

std::string first_sentence(std::string_view summary) {
  bool in_code = false;
  for (std::size_t i = 0; i < summary.size(); ++i) {
    char c = summary[i];
    if (c == '`') in_code = !in_code;
    if (c == '\n' && (i + 1 == summary.size() || summary[i + 1] == '\n')) return std::string(summary.substr(0, i));
    bool ends = i + 1 == summary.size() || summary[i + 1] == ' ' || summary[i + 1] == '\n';
    if (!in_code && (c == '.' || c == '!' || c == '?') && ends) return std::string(summary.substr(0, i + 1));
  }
  return std::string(summary);
}

std::string render_markdown(const HoverInfo &hover) {
  std::string text;
  if (const Snippet *tip = hover.tip) {
    text = "**" + escape_markdown(tip->title) + "** · " + language_name(*tip) + " · " +
           std::string(to_string(tip->level)) + "\n\n" + (hover.brief ? first_sentence(tip->summary) : tip->summary) + "\n";
    if (hover.brief) text += "\n*Seen before — \"Explain this\" shows the whole tip.*\n";
    else if (!tip->links.empty()) text += "\nLearn more: " + markdown_link(tip->links.front()) + "\n";
  }
  for (const Snippet *note : hover.notes) {
    if (!text.empty()) text += "\n---\n\n";
    text += "**Team note: " + escape_markdown(note->title) + "**\n\n" + note->summary + "\n";
  }
  if (!hover.inside.empty()) {
    text += "\nInside: ";
    for (std::size_t i = 0; i < hover.inside.size(); ++i)
      text += (i ? " › " : "") + escape_markdown(hover.inside[i]->title);
    text += "\n";
  }
  return text;
}

std::string render_plaintext(const HoverInfo &hover) {
  std::string text;
  if (const Snippet *tip = hover.tip) {
    text = tip->title + " · " + language_name(*tip) + " · " + std::string(to_string(tip->level)) + "\n\n" +
           plain(hover.brief ? first_sentence(tip->summary) : tip->summary) + "\n";
    if (hover.brief) text += "\nSeen before: \"Explain this\" shows the whole tip.\n";
    else if (!tip->links.empty())
      text += "\nLearn more: " + tip->links.front().title + " <" + tip->links.front().url + ">\n";
  }
  for (const Snippet *note : hover.notes) {
    if (!text.empty()) text += "\n";
    text += "Team note: " + note->title + "\n" + plain(note->summary) + "\n";
  }
  if (!hover.inside.empty()) {
    text += "\nInside: ";
    for (std::size_t i = 0; i < hover.inside.size(); ++i) text += (i ? " > " : "") + hover.inside[i]->title;
    text += "\n";
  }
  return text;
}

std::vector<ExplanationPage> explanation_pages(const Snippet &snippet, const MatchResult &matches,
                                               std::string_view text, std::string_view fence_tag,
                                               const std::function<std::string(const Snippet &)> &link_for) {
  auto own = std::find_if(matches.tips.begin(), matches.tips.end(), [&](const Match &m) { return m.snippet == &snippet; });
  if (own == matches.tips.end()) return {{&snippet, {}}};
  std::vector<const Match *> chain{&*own};
  for (auto outer = own + 1; outer != matches.tips.end(); ++outer)
    if (outer->construct_end - outer->construct_start > chain.back()->construct_end - chain.back()->construct_start)
      chain.push_back(&*outer);
  std::vector<ExplanationPage> pages;
  for (std::size_t i = 0; i < chain.size(); ++i) {
    ExplanationPage page{chain[i]->snippet, {}};
    page.context.code = code_excerpt(text, chain[i]->construct_start, chain[i]->construct_end, explanation_context_lines);
    page.context.code_language = std::string(fence_tag);
    for (std::size_t j = i + 1; j < chain.size(); ++j)
      page.context.enclosing.push_back({chain[j]->snippet, link_for(*chain[j]->snippet)});
    pages.push_back(std::move(page));
  }
  return pages;
}

std::string render_explanation(const Snippet &snippet, const ExplanationContext &context) {
  std::string text = "# " + escape_markdown(snippet.title) + "\n\n*" + language_name(snippet) + " · " +
                     std::string(to_string(snippet.level)) + "*\n";
  if (!context.code.empty()) {
    std::string fence = "```";
    while (context.code.find(fence) != std::string::npos) fence += '`';
    text += "\n## In your code\n\n" + fence + context.code_language + "\n" + context.code;
    if (context.code.back() != '\n') text += "\n";
    text += fence + "\n";
  }
  text += "\n" + snippet.summary + "\n";
  if (std::string details = displayed_details(snippet); !details.empty()) text += "\n" + details + "\n";
  if (!snippet.links.empty()) {
    text += "\n## Reference\n\n";
    for (const Link &link : snippet.links) text += "- " + markdown_link(link) + "\n";
  }
  if (!context.enclosing.empty()) {
    text += "\n## Inside\n\n";
    for (const EnclosingConstruct &outer : context.enclosing) {
      std::string title = escape_markdown(outer.snippet->title);
      text += "- " + (outer.link.empty() ? title : "[" + title + "](" + outer.link + ")") + "\n";
    }
  }
  return text;
}

} // namespace gloss
