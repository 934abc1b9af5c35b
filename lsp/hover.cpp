//===--- hover.cpp - what a hover and "Explain this" show -----------------===//
#include "hover.h"

#include "language_registry.h"

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
  return "[" + escape_markdown(link.title) + "](" + link.url + ")";
}

/// Markdown → readable plain text: drops emphasis and code markers, keeps
/// link targets visible.
std::string plain(std::string_view markdown) {
  std::string text;
  for (std::size_t i = 0; i < markdown.size(); ++i) {
    char c = markdown[i];
    if (c == '`' || c == '*') continue;
    if (c == '_' && (i == 0 || i + 1 == markdown.size() || !std::isalnum(static_cast<unsigned char>(markdown[i - 1])) ||
                     !std::isalnum(static_cast<unsigned char>(markdown[i + 1]))))
      continue;
    text.push_back(c);
  }
  return text;
}

} // namespace

std::string language_name(const Snippet &snippet) {
  const Language *language = language_by_id(snippet.language);
  return language ? std::string(language->display_name) : snippet.language;
}

std::optional<HoverInfo> make_hover(const MatchResult &matches) {
  const Match *best = matches.best();
  if (!best) return std::nullopt;
  HoverInfo hover;
  hover.tip = best->snippet;
  hover.start_byte = best->target_start;
  hover.end_byte = best->target_end;
  for (const Match &note : matches.notes)
    if (note.construct_start == best->construct_start && note.construct_end == best->construct_end)
      hover.notes.push_back(note.snippet);
  for (std::size_t i = 1; i < matches.tips.size(); ++i) {
    const Match &outer = matches.tips[i];
    // Only constructs that really enclose the best one are "inside"; a tie
    // on the same node is an alternative, not a parent.
    if (outer.construct_end - outer.construct_start > best->construct_end - best->construct_start)
      hover.inside.push_back(outer.snippet);
  }
  return hover;
}

std::string render_markdown(const HoverInfo &hover) {
  const Snippet &tip = *hover.tip;
  std::string text = "**" + escape_markdown(tip.title) + "** · " + language_name(tip) + " · " +
                     std::string(to_string(tip.level)) + "\n\n" + tip.summary + "\n";
  if (!tip.links.empty()) text += "\nLearn more: " + markdown_link(tip.links.front()) + "\n";
  for (const Snippet *note : hover.notes)
    text += "\n---\n\n**Team note: " + escape_markdown(note->title) + "**\n\n" + note->summary + "\n";
  if (!hover.inside.empty()) {
    text += "\nInside: ";
    for (std::size_t i = 0; i < hover.inside.size(); ++i)
      text += (i ? " › " : "") + escape_markdown(hover.inside[i]->title);
    text += "\n";
  }
  return text;
}

std::string render_plaintext(const HoverInfo &hover) {
  const Snippet &tip = *hover.tip;
  std::string text = tip.title + " · " + language_name(tip) + " · " + std::string(to_string(tip.level)) +
                     "\n\n" + plain(tip.summary) + "\n";
  if (!tip.links.empty()) text += "\nLearn more: " + tip.links.front().title + " <" + tip.links.front().url + ">\n";
  for (const Snippet *note : hover.notes) text += "\nTeam note: " + note->title + "\n" + plain(note->summary) + "\n";
  if (!hover.inside.empty()) {
    text += "\nInside: ";
    for (std::size_t i = 0; i < hover.inside.size(); ++i) text += (i ? " > " : "") + hover.inside[i]->title;
    text += "\n";
  }
  return text;
}

std::string render_explanation(const Snippet &snippet, std::string_view code_at_cursor,
                               std::string_view code_language) {
  std::string text = "# " + escape_markdown(snippet.title) + "\n\n*" + language_name(snippet) + " · " +
                     std::string(to_string(snippet.level)) + "*\n\n" + snippet.summary + "\n";
  if (!code_at_cursor.empty()) {
    std::string fence = "```";
    while (code_at_cursor.find(fence) != std::string_view::npos) fence += '`';
    text += "\n## In your code\n\n" + fence + std::string(code_language) + "\n" + std::string(code_at_cursor);
    if (code_at_cursor.back() != '\n') text += "\n";
    text += fence + "\n";
  }
  if (!snippet.details.empty()) text += "\n" + snippet.details + "\n";
  if (!snippet.links.empty()) {
    text += "\n## Reference\n\n";
    for (const Link &link : snippet.links) text += "- " + markdown_link(link) + "\n";
  }
  return text;
}

} // namespace gloss
