//===--- code_actions.cpp - the actions offered at the cursor -------------===//
#include "code_actions.h"

namespace gloss {

std::vector<ActionSpec> explain_actions(const MatchResult &matches) {
  std::vector<ActionSpec> actions;
  for (const Match &match : matches.tips)
    actions.push_back({"Explain this: " + match.snippet->title, std::string(explain_command),
                       match.snippet->id});
  return actions;
}

} // namespace gloss
