//===--- hover.h - what a hover and "Explain this" show -------------------===//
//
// HoverInfo is the domain form of a hover: the best tip at the cursor, the
// team notes for the same construct and the enclosing constructs the learner
// can climb to. It is rendered to Markdown or plain text (for clients that do
// not render Markdown). The full explanation is rendered separately.
// Hover Markdown carries no command links and no raw HTML.
//
//===----------------------------------------------------------------------===//
#ifndef GLOSS_LSP_HOVER_H
#define GLOSS_LSP_HOVER_H

#include "matcher.h"

#include <optional>
#include <string>
#include <vector>

namespace gloss {

struct HoverInfo {
  const Snippet *tip = nullptr;       ///< nullptr when only team notes apply here.
  std::vector<const Snippet *> notes;
  std::vector<const Snippet *> inside; ///< enclosing constructs, innermost first.
  uint32_t start_byte = 0;             ///< the range the tip explains.
  uint32_t end_byte = 0;
};

/// Nothing when neither a tip nor a team note matches.
std::optional<HoverInfo> make_hover(const MatchResult &matches);

std::string render_markdown(const HoverInfo &hover);
std::string render_plaintext(const HoverInfo &hover);

/// The long form for "Explain this": title, summary, details, links, and the
/// code at the cursor when given.
std::string render_explanation(const Snippet &snippet, std::string_view code_at_cursor = {},
                               std::string_view code_language = {});

/// The whole lines of `text` that hold [start, end), with their common
/// indentation removed and at most `max_lines` of them ("…" marks a cut):
/// the learner's own code, as an explanation quotes it.
std::string code_excerpt(std::string_view text, uint32_t start, uint32_t end, std::size_t max_lines);

/// At most this many lines of the learner's code go into an explanation.
inline constexpr std::size_t explanation_context_lines = 30;

/// The language's display name for a snippet ("Python").
std::string language_name(const Snippet &snippet);

} // namespace gloss

#endif
