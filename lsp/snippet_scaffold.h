//===--- snippet_scaffold.h - a new snippet file that already passes lint -===//
//
// `gloss new LANGUAGE ID` starts from this: valid front matter, a query that
// compiles for the language (a function definition, focused on its name, as
// a working model to replace), an example with a marker, and the sections
// the author's guide asks for.
//
//===----------------------------------------------------------------------===//
#ifndef GLOSS_LSP_SNIPPET_SCAFFOLD_H
#define GLOSS_LSP_SNIPPET_SCAFFOLD_H

#include "language_registry.h"

#include <string>
#include <string_view>

namespace gloss {

/// The text of a new snippet file with `id` (already prefixed "language/").
std::string scaffold_snippet(const Language &language, std::string_view id);

} // namespace gloss

#endif
