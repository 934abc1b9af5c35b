// concepts.test.ts — the gloss/concepts answer as quick-pick items.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { conceptItems, parseConceptsResult, type Concept } from '../src/concepts';

const range = (line: number, character: number, endLine = line, endCharacter = character + 5) => ({
  start: { line, character },
  end: { line: endLine, character: endCharacter },
});

function concept(overrides: Partial<Concept>): Concept {
  return {
    id: 'python/x',
    title: 'X',
    language: 'python',
    level: 'beginner',
    kind: 'tip',
    seen: false,
    muted: false,
    timesShown: 0,
    ranges: [range(0, 0)],
    ...overrides,
  };
}

describe('parseConceptsResult', () => {
  test('reads a well-formed answer', () => {
    const answer = {
      uri: 'file:///a.py',
      incomplete: false,
      concepts: [
        { id: 'python/lambda', title: 'Lambda', language: 'python', level: 'intermediate', kind: 'tip', seen: true, muted: false, timesShown: 3, ranges: [range(2, 4)] },
        { id: 'python/team', title: 'House rule', language: 'python', level: 'beginner', kind: 'note', seen: false, muted: false, timesShown: 0, ranges: [] },
      ],
    };
    assert.deepEqual(parseConceptsResult(answer), answer);
  });

  test('survives a missing or odd answer', () => {
    for (const bad of [null, undefined, 'x', 3, [], {}, { concepts: 'no' }])
      assert.deepEqual(parseConceptsResult(bad), { uri: '', incomplete: false, concepts: [] }, JSON.stringify(bad));
  });

  test('drops entries without an id, fills neutral values, drops malformed ranges', () => {
    const result = parseConceptsResult({
      uri: 'file:///a.py',
      incomplete: true,
      concepts: [
        null,
        'python/lambda',
        { title: 'no id' },
        { id: '' },
        {
          id: 'python/odd',
          kind: 'weird',
          seen: 'yes',
          timesShown: -4,
          ranges: [range(1, 2), { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } }, { start: { line: 1.5, character: 0 }, end: { line: 2, character: 0 } }, 'r', null],
        },
      ],
    });
    assert.equal(result.incomplete, true);
    assert.deepEqual(result.concepts, [
      { id: 'python/odd', title: 'python/odd', language: '', level: '', kind: 'tip', seen: false, muted: false, timesShown: 0, ranges: [range(1, 2)] },
    ]);
  });
});

describe('conceptItems', () => {
  test('never-seen tips come first, marked new with an icon; document order within each group', () => {
    const items = conceptItems([
      concept({ id: 'a', title: 'Seen early', seen: true, timesShown: 2, ranges: [range(1, 0)] }),
      concept({ id: 'b', title: 'New late', ranges: [range(9, 0)] }),
      concept({ id: 'c', title: 'New early', ranges: [range(3, 2)] }),
      concept({ id: 'd', title: 'Seen late', seen: true, timesShown: 1, ranges: [range(7, 0)] }),
    ]);
    assert.deepEqual(items.map((item) => item.id), ['c', 'b', 'a', 'd']);
    assert.equal(items[0]!.label, '$(sparkle) New early');
    assert.equal(items[0]!.description, 'beginner · new');
    assert.equal(items[0]!.group, 'new');
    assert.equal(items[2]!.label, 'Seen early');
    assert.equal(items[2]!.description, 'beginner');
    assert.equal(items[2]!.group, 'seen');
  });

  test('detail counts places (singular and plural) and showings', () => {
    const [one, many] = conceptItems([
      concept({ id: 'one', ranges: [range(0, 0)] }),
      concept({ id: 'many', seen: true, timesShown: 4, ranges: [range(5, 0), range(2, 0), range(3, 1)] }),
    ]);
    assert.equal(one!.detail, '1 place');
    assert.equal(many!.detail, '3 places · shown 4×');
  });

  test('selecting goes to the first place in the document, whatever order the server sent', () => {
    const [item] = conceptItems([concept({ ranges: [range(8, 1), range(2, 7), range(2, 3)] })]);
    assert.deepEqual(item!.range, range(2, 3));
  });

  test('muted tips are not new even if never seen, and say muted', () => {
    const [item] = conceptItems([concept({ muted: true })]);
    assert.equal(item!.group, 'seen');
    assert.equal(item!.label, 'X');
    assert.equal(item!.description, 'beginner · muted');
  });

  test('team notes say so instead of a level', () => {
    const [item] = conceptItems([concept({ kind: 'note', seen: true })]);
    assert.equal(item!.description, 'team note');
  });

  test('a concept without places has no range and sorts last in its group', () => {
    const items = conceptItems([concept({ id: 'nowhere', ranges: [] }), concept({ id: 'here', ranges: [range(4, 0)] })]);
    assert.deepEqual(items.map((item) => item.id), ['here', 'nowhere']);
    assert.equal(items[1]!.range, undefined);
    assert.equal(items[1]!.detail, '0 places');
  });

  test('no concepts, no items', () => {
    assert.deepEqual(conceptItems([]), []);
  });
});
