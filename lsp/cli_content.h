//===--- cli_content.h - `gloss lint`, `gloss test`, `gloss new` ----------===//
//
// The authoring toolchain. lint and test check the given directories layered
// over the built-in pack (or the pack itself when no directory is given) and
// report every problem as `file:line: message`, exiting non-zero on any.
//
//===----------------------------------------------------------------------===//
#ifndef GLOSS_LSP_CLI_CONTENT_H
#define GLOSS_LSP_CLI_CONTENT_H

#include <string>
#include <vector>

namespace gloss {

int run_lint(const std::vector<std::string> &directories);
int run_test(const std::vector<std::string> &directories);
/// Writes a new snippet file for `id` under `directory` and checks it lints.
int run_new(const std::string &language, const std::string &id, const std::string &directory);

} // namespace gloss

#endif
