//===--- code_actions.cpp - the actions offered at the cursor -------------===//
#include "code_actions.h"

namespace gloss {

std::vector<ActionSpec> tip_actions(const MatchResult &matches, const LearnerFilter &learner) {
  std::vector<ActionSpec> actions;
  std::vector<ActionSpec> unmute;
  const Snippet *shown = nullptr;
  for (const Match &match : matches.tips) {
    const Snippet &tip = *match.snippet;
    if (!learner.shows(tip)) {
      if (learner.muted.count(tip.id)) unmute.push_back({"Show " + tip.title + " again", std::string(unmute_command), tip.id});
      continue;
    }
    if (!shown) shown = &tip;
    actions.push_back({"Explain this: " + tip.title, std::string(explain_command), tip.id});
  }
  if (shown) {
    actions.push_back({"I know this — stop showing " + shown->title, std::string(mute_command), shown->id});
    actions.push_back({"Helpful: " + shown->title, std::string(helpful_command), shown->id});
    actions.push_back({"Not helpful: " + shown->title, std::string(not_helpful_command), shown->id});
  }
  actions.insert(actions.end(), unmute.begin(), unmute.end());
  return actions;
}

} // namespace gloss
