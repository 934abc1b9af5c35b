// languages.ts — the VS Code language ids Gloss serves, in the forms the client needs them.
//
// The server maps these ids to its grammars (parsers/language_registry.cpp). package.json
// repeats the list in activationEvents and in `when` clauses; test/manifest.test.ts keeps the
// copies equal. Pure: no `vscode` import.

/** Every VS Code language id the server understands. */
export const languageIds = [
  'python',
  'javascript',
  'javascriptreact',
  'typescript',
  'typescriptreact',
  'c',
  'cpp',
  'cuda-cpp',
  'go',
  'rust',
  'java',
  'shellscript',
] as const;

export type LanguageId = (typeof languageIds)[number];

/** One filter per language and scheme: saved files and untitled buffers. */
export const documentSelector = languageIds.flatMap((language) => [
  { scheme: 'file', language },
  { scheme: 'untitled', language },
]);

/** The `when` clause fragment that package.json uses for menus and keybindings. */
export const languageWhenClause = `editorLangId =~ /^(${languageIds.join('|')})$/`;

/** True when documents of this language id go to the server. */
export function isSupportedLanguage(id: string | undefined): boolean {
  return id !== undefined && (languageIds as readonly string[]).includes(id);
}
