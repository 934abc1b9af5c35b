//===--- language_registry.h - the languages Gloss understands ------------===//
//
// One row per language: its id (also the content folder name), the file
// extensions and LSP languageIds that select it, its grammar, and an optional
// parent whose content it inherits (tsx -> typescript -> javascript), because
// those grammars share node names.
//
// To add a language you must:
//   1. add its npm grammar package to parsers/package.json (and refresh the lock);
//   2. add it to GLOSS_GRAMMARS in parsers/CMakeLists.txt;
//   3. add one row to the table in language_registry.cpp;
//   4. create content/<id>/ with snippets.
//
//===----------------------------------------------------------------------===//
#ifndef GLOSS_PARSERS_LANGUAGE_REGISTRY_H
#define GLOSS_PARSERS_LANGUAGE_REGISTRY_H

#include <tree_sitter/api.h>

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace gloss {

struct Language {
  std::string_view id;           ///< "python", "cpp", ...: content folder and `language:` value.
  std::string_view display_name; ///< "Python", "C++", ...
  std::vector<std::string_view> extensions;   ///< with the dot: ".py"
  std::vector<std::string_view> lsp_ids;      ///< LSP languageIds that map here.
  std::vector<std::string_view> fence_tags;   ///< Markdown code-fence info strings.
  std::string_view parent;       ///< language whose snippets also apply, or empty.
  const TSLanguage *(*grammar)();
};

/// All languages, in a fixed order. The table is built once and never changes.
std::span<const Language> all_languages();

/// Lookups return nullptr when nothing matches.
const Language *language_by_id(std::string_view id);
const Language *language_by_lsp_id(std::string_view lsp_id);
const Language *language_for_path(std::string_view path);
const Language *language_by_fence_tag(std::string_view tag);

/// The language itself followed by its ancestors (tsx, typescript, javascript).
std::vector<const Language *> language_lineage(const Language &language);

/// Checks that every grammar's ABI version is one the runtime can load.
/// Returns a message naming the bad grammar, or an empty string.
std::string check_grammar_versions();

} // namespace gloss

#endif
