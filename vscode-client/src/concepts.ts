// concepts.ts — the `gloss/concepts` answer, checked, and turned into quick-pick items.
//
// The server decides what is in the list (matching, level, seen); this module only orders it
// for reading: tips the learner has never seen first, then document order. Pure: no `vscode`
// import; ranges stay in LSP form until the view converts them.

export interface LspPosition {
  line: number;
  character: number;
}
export interface LspRange {
  start: LspPosition;
  end: LspPosition;
}

export interface Concept {
  id: string;
  title: string;
  language: string;
  level: string;
  kind: 'tip' | 'note';
  seen: boolean;
  muted: boolean;
  timesShown: number;
  ranges: LspRange[];
}

export interface ConceptsResult {
  uri: string;
  /** The scan stopped early (a very large file): the list may miss some. */
  incomplete: boolean;
  concepts: Concept[];
}

/** Checks the server's answer; an entry without an id is dropped, a missing field gets a neutral value. */
export function parseConceptsResult(value: unknown): ConceptsResult {
  const object = isObject(value) ? value : {};
  const list = Array.isArray(object.concepts) ? object.concepts : [];
  const concepts: Concept[] = [];
  for (const entry of list) {
    if (!isObject(entry) || typeof entry.id !== 'string' || entry.id === '') continue;
    concepts.push({
      id: entry.id,
      title: typeof entry.title === 'string' && entry.title !== '' ? entry.title : entry.id,
      language: typeof entry.language === 'string' ? entry.language : '',
      level: typeof entry.level === 'string' ? entry.level : '',
      kind: entry.kind === 'note' ? 'note' : 'tip',
      seen: entry.seen === true,
      muted: entry.muted === true,
      timesShown: typeof entry.timesShown === 'number' && entry.timesShown > 0 ? entry.timesShown : 0,
      ranges: (Array.isArray(entry.ranges) ? entry.ranges : []).filter(isRange),
    });
  }
  return { uri: typeof object.uri === 'string' ? object.uri : '', incomplete: object.incomplete === true, concepts };
}

export interface ConceptItem {
  label: string;
  description: string;
  detail: string;
  /** Shown under "New to you" (never seen, not muted) or "Seen before". */
  group: 'new' | 'seen';
  id: string;
  /** Where selecting the item goes: the first place, in document order. */
  range?: LspRange;
}

/** One item per concept: new ones first (marked with a sparkle), then the rest; document order within each group. */
export function conceptItems(concepts: readonly Concept[]): ConceptItem[] {
  const items = concepts.map((concept): ConceptItem => {
    const isNew = !concept.seen && !concept.muted;
    const ranges = [...concept.ranges].sort(compareRanges);
    const places = ranges.length === 1 ? '1 place' : `${ranges.length} places`;
    const description = [
      concept.kind === 'note' ? 'team note' : concept.level,
      isNew ? 'new' : '',
      concept.muted ? 'muted' : '',
    ].filter((part) => part !== '');
    return {
      label: `${isNew ? '$(sparkle) ' : ''}${concept.title}`,
      description: description.join(' · '),
      detail: concept.timesShown > 0 ? `${places} · shown ${concept.timesShown}×` : places,
      group: isNew ? 'new' : 'seen',
      id: concept.id,
      ...(ranges.length > 0 ? { range: ranges[0] } : {}),
    };
  });
  return items.sort((a, b) => groupRank(a) - groupRank(b) || compareOptionalRanges(a.range, b.range));
}

function groupRank(item: ConceptItem): number {
  return item.group === 'new' ? 0 : 1;
}

function compareOptionalRanges(a: LspRange | undefined, b: LspRange | undefined): number {
  if (a && b) return compareRanges(a, b);
  return a ? -1 : b ? 1 : 0;
}

function compareRanges(a: LspRange, b: LspRange): number {
  return a.start.line - b.start.line || a.start.character - b.start.character;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isPosition(value: unknown): value is LspPosition {
  return (
    isObject(value) &&
    Number.isInteger(value.line) && (value.line as number) >= 0 &&
    Number.isInteger(value.character) && (value.character as number) >= 0
  );
}

function isRange(value: unknown): value is LspRange {
  return isObject(value) && isPosition(value.start) && isPosition(value.end);
}
