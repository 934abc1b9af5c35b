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
inline constexpr std::string_view add_team_note_title = "Add a team note for this construct";

struct ActionSpec {
  std::string title;
  std::string command;
  std::string snippet_id;
};

/// "Explain this: <title>" for the best tip and each enclosing one, innermost first.
std::vector<ActionSpec> explain_actions(const MatchResult &matches);

} // namespace gloss

#endif
