// team_content.ts — where the workspace keeps its team content: the first `content` directory
// of gloss.toml at the workspace root, else `.gloss/` (the same rule as the server's team layer,
// lsp/content_layers.cpp, plan_layers).
//
// This is not a TOML parser and does not try to be: it reads only a top-level
// `content = ["dir", ...]` (one line or several, basic "..." or literal '...' strings, `#`
// comments, trailing comma) and stops at the first [table]. Anything else it cannot read means
// "no content directories", the answer the server also falls back to when gloss.toml is broken;
// `problem` then says why, for the user. The server, with a real TOML parser, stays the authority
// on what loads. Pure: no `vscode` import.

import * as path from 'node:path';

export interface ContentDirectories {
  directories: string[];
  /** Set when a `content` key is there but could not be read. */
  problem?: string;
}

/** The `content` array of a gloss.toml text. */
export function parseContentDirectories(toml: string): ContentDirectories {
  const text = toml.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; ++index) {
    const line = stripComment(lines[index]!);
    if (/^\s*\[/.test(line)) break; // a [table]: top-level keys are over
    const key = /^\s*(?:content|"content"|'content')\s*=\s*(.*)$/.exec(line);
    if (!key) continue;
    const keyLine = index + 1;
    // Gather the value, which may run over several lines, up to its closing bracket.
    let value = key[1]!;
    while (!closesArray(value) && index + 1 < lines.length) value += '\n' + stripComment(lines[++index]!);
    return parseStringArray(value.trim(), keyLine);
  }
  return { directories: [] };
}

/** Where the team content lives: an absolute path, and whether gloss.toml named it. */
export function teamContentDirectory(
  workspaceRoot: string,
  glossToml: string | undefined,
): { directory: string; from: 'gloss.toml' | '.gloss'; problem?: string } {
  const parsed = glossToml === undefined ? { directories: [] } : parseContentDirectories(glossToml);
  const first = parsed.directories[0];
  const problem = parsed.problem ? { problem: parsed.problem } : {};
  if (first !== undefined) return { directory: path.resolve(workspaceRoot, first), from: 'gloss.toml', ...problem };
  return { directory: path.join(workspaceRoot, '.gloss'), from: '.gloss', ...problem };
}

/** Drops a `#` comment that is not inside a string. */
function stripComment(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; ++i) {
    const c = line[i];
    if (quote) {
      if (c === '\\' && quote === '"') ++i;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '#') {
      return line.slice(0, i);
    }
  }
  return line;
}

/** True once the text holds a `]` outside strings (or is plainly not an array). */
function closesArray(text: string): boolean {
  if (!text.trimStart().startsWith('[')) return true;
  return scanStrings(text).closed;
}

function scanStrings(text: string): { strings: string[]; closed: boolean; junk: boolean } {
  const strings: string[] = [];
  let junk = false;
  let needComma = false; // a string was read and no comma followed it yet
  let i = text.indexOf('[') + 1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ']') return { strings, closed: true, junk: junk || text.slice(i + 1).trim() !== '' };
    if (c === ',') {
      if (!needComma) junk = true; // a leading or doubled comma
      needComma = false;
      ++i;
      continue;
    }
    if (c === '"' || c === "'") {
      if (needComma) junk = true;
      needComma = true;
      let value = '';
      let j = i + 1;
      for (; j < text.length && text[j] !== c && text[j] !== '\n'; ++j) {
        if (c === '"' && text[j] === '\\' && j + 1 < text.length) value += unescape(text[++j]!);
        else value += text[j];
      }
      if (text[j] !== c) return { strings, closed: false, junk: true }; // unterminated string
      strings.push(value);
      i = j + 1;
      continue;
    }
    if (!/\s/.test(c)) junk = true;
    ++i;
  }
  return { strings, closed: false, junk };
}

function unescape(c: string): string {
  return c === 'n' ? '\n' : c === 't' ? '\t' : c; // enough for paths; \uXXXX is left as "u…"
}

function parseStringArray(value: string, line: number): ContentDirectories {
  const broken = (): ContentDirectories => ({
    directories: [],
    problem: `gloss.toml line ${line}: content must be an array of strings, like content = ["tips"]`,
  });
  if (!value.startsWith('[')) return broken();
  const scan = scanStrings(value);
  if (!scan.closed || scan.junk) return broken();
  return { directories: scan.strings.map((s) => s.trim()).filter((s) => s !== '') };
}
