// settings.ts — the gloss.* settings in the shape the server reads them.
//
// The same object goes out twice: as `initializationOptions` when the server starts, and as
// `settings.gloss` of every `workspace/didChangeConfiguration` (lsp/server.cpp, apply_settings).
// settings.json is edited by hand, so every value is checked here and a wrong one falls back to
// its default rather than reaching the server. Pure: no `vscode` import.

export const levels = ['beginner', 'intermediate', 'advanced'] as const;
export type Level = (typeof levels)[number];

/** What the server receives. Keys are the server's, not VS Code's. */
export interface ServerSettings {
  level: Level;
  contentPaths: string[];
  learningMode: boolean;
  briefAfterShown: number;
  fullAgainAfterDays: number;
  /** false: the server loads no content from the workspace and writes no team notes there. */
  workspaceTrusted: boolean;
}

/** The defaults package.json declares; test/manifest.test.ts checks that both agree. */
export const defaultSettings = {
  level: 'intermediate' as Level,
  contentPaths: [] as string[],
  learningMode: false,
  briefAfterShown: 5,
  fullAgainAfterDays: 30,
};

/** The server clamps counts at the same bound (read_count in lsp/server.cpp). */
export const maxCount = 1_000_000_000;

/** Values as read from the editor: any of them may be missing or of the wrong type. */
export interface RawSettings {
  level?: unknown;
  contentPaths?: unknown;
  learningMode?: unknown;
  briefAfterShown?: unknown;
  fullAgainAfterDays?: unknown;
}

/** Builds the server's settings from raw values; never throws. */
export function toServerSettings(raw: RawSettings | undefined, workspaceTrusted: boolean): ServerSettings {
  const values = raw ?? {};
  return {
    level: normalizeLevel(values.level),
    contentPaths: normalizePaths(values.contentPaths),
    learningMode: typeof values.learningMode === 'boolean' ? values.learningMode : defaultSettings.learningMode,
    briefAfterShown: normalizeCount(values.briefAfterShown, defaultSettings.briefAfterShown),
    fullAgainAfterDays: normalizeCount(values.fullAgainAfterDays, defaultSettings.fullAgainAfterDays),
    workspaceTrusted,
  };
}

/** A known level, else the default. */
export function normalizeLevel(value: unknown): Level {
  return typeof value === 'string' && (levels as readonly string[]).includes(value)
    ? (value as Level)
    : defaultSettings.level;
}

/** A whole number in [0, maxCount]: negatives become 0, fractions round down; not a finite number: the fallback. */
export function normalizeCount(value: unknown, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(maxCount, Math.max(0, Math.floor(value)));
}

/** The non-empty strings of an array, trimmed, in order; anything else is dropped. */
export function normalizePaths(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === 'string').map((item) => item.trim()).filter((item) => item !== '');
}

/** One setting's value at each scope, as `WorkspaceConfiguration.inspect()` returns it. */
export interface Inspected<T> {
  defaultValue?: T;
  globalValue?: T;
  workspaceValue?: T;
  workspaceFolderValue?: T;
}

/**
 * The value that applies, most specific scope first. In an untrusted workspace the workspace
 * and folder scopes are skipped: a cloned repository must not pick the server binary or the
 * content the editor loads. VS Code already does this for the settings package.json lists
 * under `restrictedConfigurations`; doing it here too keeps the rule in one tested place.
 */
export function effectiveValue<T>(inspected: Inspected<T> | undefined, workspaceTrusted: boolean): T | undefined {
  if (!inspected) return undefined;
  if (workspaceTrusted) {
    if (inspected.workspaceFolderValue !== undefined) return inspected.workspaceFolderValue;
    if (inspected.workspaceValue !== undefined) return inspected.workspaceValue;
  }
  return inspected.globalValue !== undefined ? inspected.globalValue : inspected.defaultValue;
}

/** The status bar text for a level. */
export function levelLabel(level: Level): string {
  return `Gloss: ${level}`;
}

/** The level picker's choices, in the words of the README. */
export const levelChoices: ReadonlyArray<{ level: Level; description: string }> = [
  { level: 'beginner', description: 'beginner and intermediate tips' },
  { level: 'intermediate', description: 'every tip (the default)' },
  { level: 'advanced', description: 'advanced tips only; team notes always show' },
];
