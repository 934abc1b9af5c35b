// explanation.ts — the wire side of "Explain this": which URIs are explanation pages, what the
// `gloss.explain` command answers, and how its failures read. Pure: no `vscode` import.

/**
 * True for a page the server wrote for "Explain this": a `file:` URI of a `.md` file directly
 * inside the server's cache folder `…/gloss/explain/` ($XDG_CACHE_HOME/gloss, ~/.cache/gloss),
 * or `…/gloss-<uid>/explain/` (its fallback under the temp directory; atomic_file.cpp,
 * cache_directory). Anything unparsable is not one.
 */
export function isExplanationUri(uri: string): boolean {
  let pathname: string;
  try {
    const url = new URL(uri);
    if (url.protocol !== 'file:') return false;
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return false;
  }
  return /\/gloss(-\d+)?\/explain\/[^/]+\.md$/i.test(pathname);
}

/** The answer to `workspace/executeCommand` `gloss.explain`. */
export interface ExplainResult {
  id: string;
  title: string;
  markdown: string;
  /** The page on disk; absent when the server could not write it. */
  uri?: string;
}

/** Checks the server's answer; undefined when it is not an explanation. */
export function parseExplainResult(value: unknown): ExplainResult | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { id, title, markdown, uri } = value as Record<string, unknown>;
  if (typeof id !== 'string' || typeof markdown !== 'string') return undefined;
  return {
    id,
    title: typeof title === 'string' ? title : id,
    markdown,
    ...(typeof uri === 'string' && uri !== '' ? { uri } : {}),
  };
}

/** LSP's RequestFailed: the server understood and there is nothing to do (e.g. no tip here). */
const requestFailed = -32803;

/** How a failed "Explain this" is shown: nothing to explain is information, anything else an error. */
export function explainFailure(error: unknown): { severity: 'info' | 'error'; message: string } {
  const { code, message } = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' && message !== '' ? message : String(error);
  if (code === requestFailed) return { severity: 'info', message: `Gloss: ${text.replace(/\.$/, '')}.` };
  return { severity: 'error', message: `Gloss could not explain this: ${text}` };
}
