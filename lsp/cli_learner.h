//===--- cli_learner.h - `gloss stats`, `gloss learned`, `gloss concepts` -===//
//
// The learner's side of the command line. stats shows per tip how often it
// was shown, explained, muted and rated (what a team needs to judge its
// content) and can export an anonymous summary; learned lists and unmutes
// tips; concepts lists every construct in a file that has a tip.
//
//===----------------------------------------------------------------------===//
#ifndef GLOSS_LSP_CLI_LEARNER_H
#define GLOSS_LSP_CLI_LEARNER_H

#include <optional>
#include <string>
#include <vector>

namespace gloss {

/// `state_file` empty: the default learner state file.
int run_stats(const std::string &state_file, bool as_json, const std::string &export_file);
/// Lists muted tips; with `reset`, unmutes `id` (or every tip when empty).
int run_learned(const std::string &state_file, bool reset, const std::string &id);
int run_concepts(const std::string &path, bool as_json, const std::string &level,
                 const std::vector<std::string> &content_directories, const std::string &state_file);

} // namespace gloss

#endif
