//===--- cli_explain.h - `gloss explain FILE:LINE:COL` --------------------===//
//
// Prints what a hover at a position would show, the full explanation, or the
// syntax node path there (for content authors looking for node types). It
// calls the same matcher and renderer as the server.
//
//===----------------------------------------------------------------------===//
#ifndef GLOSS_LSP_CLI_EXPLAIN_H
#define GLOSS_LSP_CLI_EXPLAIN_H

#include <string>
#include <vector>

namespace gloss {

enum class ExplainOutput { Hover, Full, Tree };

/// Returns the process exit status: 0 shown, 1 nothing to show, 2 bad input.
int run_explain(const std::string &location, ExplainOutput output,
                const std::vector<std::string> &content_directories, const std::string &level = "intermediate");

} // namespace gloss

#endif
