//===--- cli_coverage.h - `gloss coverage PATH…` --------------------------===//
#ifndef GLOSS_LSP_CLI_COVERAGE_H
#define GLOSS_LSP_CLI_COVERAGE_H

#include <string>
#include <vector>

namespace gloss {

/// Prints, per language, the most frequent constructs in `paths` and the
/// tips that cover them: a table, or JSON for tools.
int run_coverage(const std::vector<std::string> &paths, bool json, std::size_t top,
                 const std::vector<std::string> &content_directories);

} // namespace gloss

#endif
