// server_path.ts — which `gloss` binary to start.
//
// Order: the gloss.serverPath setting when it is set (a wrong one is an error, never silently
// replaced: the user asked for that binary); else the binary inside the extension
// (server/gloss); else `gloss` on PATH, for a build of the extension that ships no binary.
// The file system is reached only through the `probe` argument, so this module is pure.

import * as path from 'node:path';

/** What the file system says about a candidate path. */
export type ProbeResult = 'ok' | 'missing' | 'not-a-file' | 'not-executable';
export type Probe = (candidate: string) => ProbeResult;

export interface ServerPathInput {
  /** gloss.serverPath as it applies (see settings.effectiveValue); anything but a string is "unset". */
  setting?: unknown;
  /** The absolute path of the binary shipped in the extension. */
  bundled: string;
  /** The user's home directory, for a setting that starts with `~`. */
  home?: string;
  /** The first workspace folder's path, for a relative setting. */
  workspaceFolder?: string;
  /** The PATH environment variable. */
  pathEnv?: string;
}

export type ServerPath =
  | { ok: true; path: string; source: 'setting' | 'bundled' | 'PATH' }
  | { ok: false; problem: string; fromSetting: boolean };

/** Resolves the server binary; never throws. `problem` is a sentence for the user. */
export function resolveServerPath(input: ServerPathInput, probe: Probe): ServerPath {
  const setting = typeof input.setting === 'string' ? input.setting.trim() : '';
  if (setting !== '') return fromSetting(setting, input, probe);

  const bundled = probe(input.bundled);
  if (bundled === 'ok') return { ok: true, path: input.bundled, source: 'bundled' };
  const onPath = searchPath('gloss', input.pathEnv, probe);
  if (onPath) return { ok: true, path: onPath, source: 'PATH' };
  const why = bundled === 'not-executable' ? 'is not executable' : 'is missing';
  return {
    ok: false,
    fromSetting: false,
    problem: `The Gloss server shipped with this extension ${why} (${input.bundled}) and there is no \`gloss\` on PATH. Set gloss.serverPath to a gloss binary.`,
  };
}

function fromSetting(setting: string, input: ServerPathInput, probe: Probe): ServerPath {
  const fail = (problem: string): ServerPath => ({ ok: false, fromSetting: true, problem });
  let candidate = setting;
  if (candidate === '~' || candidate.startsWith('~/')) {
    if (!input.home) return fail(`gloss.serverPath is "${setting}", but the home directory is unknown.`);
    candidate = path.join(input.home, candidate.slice(1));
  }
  if (!candidate.includes('/')) {
    const found = searchPath(candidate, input.pathEnv, probe);
    return found
      ? { ok: true, path: found, source: 'setting' }
      : fail(`gloss.serverPath is "${setting}", which is not an executable on PATH.`);
  }
  if (!path.isAbsolute(candidate)) {
    if (!input.workspaceFolder) return fail(`gloss.serverPath "${setting}" is relative, and no folder is open to resolve it against.`);
    candidate = path.join(input.workspaceFolder, candidate);
  }
  switch (probe(candidate)) {
    case 'ok':
      return { ok: true, path: candidate, source: 'setting' };
    case 'missing':
      return fail(`gloss.serverPath points to ${candidate}, which does not exist.`);
    case 'not-a-file':
      return fail(`gloss.serverPath points to ${candidate}, which is not a file.`);
    case 'not-executable':
      return fail(`gloss.serverPath points to ${candidate}, which is not executable (chmod +x it).`);
  }
}

/** The first executable `name` in the PATH directories. Empty entries (the current directory) are skipped on purpose. */
export function searchPath(name: string, pathEnv: string | undefined, probe: Probe): string | undefined {
  for (const directory of (pathEnv ?? '').split(path.delimiter)) {
    if (directory === '' || !path.isAbsolute(directory)) continue;
    const candidate = path.join(directory, name);
    if (probe(candidate) === 'ok') return candidate;
  }
  return undefined;
}
