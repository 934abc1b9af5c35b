//===--- code_actions.h - the actions offered at the cursor ---------------===//
//
// Domain form of the code actions: a title, a command id and the snippet it
// concerns. The server turns them into LSP CodeActions.
//
//===----------------------------------------------------------------------===//
#ifndef GLOSS_LSP_CODE_ACTIONS_H
#define GLOSS_LSP_CODE_ACTIONS_H

#include "matcher.h"

#include <string>
#include <vector>

namespace gloss {

inline constexpr std::string_view explain_command = "gloss.explain";
inline constexpr std::string_view add_team_note_command = "gloss.addTeamNote";
inline constexpr std::string_view mute_command = "gloss.mute";
inline constexpr std::string_view unmute_command = "gloss.unmute";
inline constexpr std::string_view helpful_command = "gloss.helpful";
inline constexpr std::string_view not_helpful_command = "gloss.notHelpful";
inline constexpr std::string_view add_team_note_title = "Add a team note for this construct";

/// Every command the server executes.
inline constexpr std::string_view server_commands[] = {explain_command, add_team_note_command, mute_command,
                                                       unmute_command,  helpful_command,       not_helpful_command};

struct ActionSpec {
  std::string title;
  std::string command;
  std::string snippet_id;
};

/// For `matches` found without hiding muted tips: "Explain this: <title>" for
/// each tip the learner sees (innermost first); "I know this", "Helpful" and
/// "Not helpful" for the one a hover shows; "Show <title> again" for each
/// muted tip here.
std::vector<ActionSpec> tip_actions(const MatchResult &matches, const LearnerFilter &learner);

} // namespace gloss

#endif
