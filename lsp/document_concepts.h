//===--- document_concepts.h - every construct in a file that has a tip ---===//
//
// Discovery: a learner who does not know what to ask can still see what is
// there. Runs the language's combined query over the whole document and keeps,
// for each construct, the tip that a hover on it would rank first (the same
// rules as the matcher, among tips on the same node). Grouped by tip, in order
// of first appearance.
//
//===----------------------------------------------------------------------===//
#ifndef GLOSS_LSP_DOCUMENT_CONCEPTS_H
#define GLOSS_LSP_DOCUMENT_CONCEPTS_H

#include "matcher.h"

#include <chrono>
#include <vector>

namespace gloss {

struct ByteRange {
  uint32_t start = 0;
  uint32_t end = 0;
};

struct Concept {
  const Snippet *snippet = nullptr;
  std::vector<ByteRange> ranges; ///< where a hover shows it (the @focus, else the @construct), in order
};

struct DocumentConcepts {
  std::vector<Concept> concepts;
  bool incomplete = false; ///< the time budget or match limit cut the scan short
};

/// A whole-document scan asked for by the learner may take this long before
/// it returns what it has (about 15k lines of Python on a slow machine).
inline constexpr std::chrono::milliseconds concepts_budget{1000};

DocumentConcepts concepts_in(const SyntaxTree &tree, std::string_view text, const ContentIndex &index,
                             const LearnerFilter &filter, std::chrono::milliseconds budget = concepts_budget);

} // namespace gloss

#endif
