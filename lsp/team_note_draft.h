//===--- team_note_draft.h - a team note generated from the code at hand --===//
//
// "Add a team note for this construct" starts from the node under the
// cursor: a call becomes a query on the callee's name (so the note fires on
// that API wherever it is used), anything else a query on the node's type.
// The example is the learner's own code — the selection when it parses on
// its own, otherwise the enclosing top-level item — with a marker that makes
// the generated file pass `gloss lint` and `gloss test` as written.
//
//===----------------------------------------------------------------------===//
#ifndef GLOSS_LSP_TEAM_NOTE_DRAFT_H
#define GLOSS_LSP_TEAM_NOTE_DRAFT_H

#include "syntax_tree.h"

#include <optional>
#include <string>
#include <string_view>

namespace gloss {

struct TeamNoteDraft {
  std::string id;    ///< "<language>/team-<topic>"
  std::string topic; ///< the file name without ".md"
  std::string text;  ///< the whole snippet file
};

/// Drafts a note for the construct at [start, end) (a selection, or an empty
/// range at the cursor). Nothing when there is no usable node there.
std::optional<TeamNoteDraft> draft_team_note(const SyntaxTree &tree, std::string_view text, uint32_t start,
                                             uint32_t end);

} // namespace gloss

#endif
