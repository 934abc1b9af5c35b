//===--- markdown_sanitizer.h - content Markdown made safe to render ------===//
//
// Content comes from repositories the learner cloned: it is data, never
// markup that acts. Before a summary or explanation is shown, raw HTML is
// escaped, links whose target is not http(s) (command:, file:, javascript:
// and the like) keep only their text, and images become their alt text (an
// image would fetch from the network as soon as a hover shows). Code spans
// and fenced code blocks are left exactly as written. Line breaks are
// preserved, so line numbers into the text stay valid.
//
//===----------------------------------------------------------------------===//
#ifndef GLOSS_LSP_MARKDOWN_SANITIZER_H
#define GLOSS_LSP_MARKDOWN_SANITIZER_H

#include <string>
#include <string_view>
#include <vector>

namespace gloss {

struct SanitizeReport {
  std::vector<std::string> removed; ///< what was neutralised, for lint ("raw HTML <img", "link to command:…")
};

std::string sanitize_markdown(std::string_view markdown, SanitizeReport *report = nullptr);

/// True for an absolute http:// or https:// URL.
bool is_web_url(std::string_view url);

} // namespace gloss

#endif
