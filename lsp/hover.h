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

#include <functional>
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
  /// The learner has seen this tip often: show its title and first sentence.
  bool brief = false;
};

/// Nothing when neither a tip nor a team note matches.
std::optional<HoverInfo> make_hover(const MatchResult &matches);

std::string render_markdown(const HoverInfo &hover);
std::string render_plaintext(const HoverInfo &hover);

/// An enclosing construct listed at the end of an explanation, with the
/// (relative) link to its own explanation when there is one.
struct EnclosingConstruct {
  const Snippet *snippet = nullptr;
  std::string link;
};

/// Where the learner asked for an explanation.
struct ExplanationContext {
  std::string code;          ///< the learner's code at the cursor; empty when unknown
  std::string code_language; ///< its fence tag
  std::vector<EnclosingConstruct> enclosing; ///< innermost first
};

/// The long form for "Explain this": title, the learner's own code first,
/// then the summary, details, links and the enclosing constructs.
std::string render_explanation(const Snippet &snippet, const ExplanationContext &context = {});

/// One explanation to write: a snippet and the learner's context for it.
struct ExplanationPage {
  const Snippet *snippet = nullptr;
  ExplanationContext context;
};

/// The explanation of `snippet` where `matches` were found in `text`, then
/// one for each construct that encloses it, innermost first; each lists the
/// ones further out, linked with `link_for` (which may return "" for no link).
/// Without `snippet` among the matches, only its own page, with no context.
std::vector<ExplanationPage> explanation_pages(const Snippet &snippet, const MatchResult &matches,
                                               std::string_view text, std::string_view fence_tag,
                                               const std::function<std::string(const Snippet &)> &link_for);

/// The first sentence of a summary (the whole first line when it has no
/// sentence end): what a brief hover keeps.
std::string first_sentence(std::string_view summary);

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
