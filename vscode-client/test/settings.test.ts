// settings.test.ts — gloss.* settings become the server's initializationOptions.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  defaultSettings,
  effectiveValue,
  levelLabel,
  maxCount,
  normalizeCount,
  normalizeLevel,
  normalizePaths,
  toServerSettings,
} from '../src/settings';

describe('toServerSettings', () => {
  test('passes valid values through, with the trust flag', () => {
    assert.deepEqual(
      toServerSettings(
        { level: 'beginner', contentPaths: ['team/tips', '/abs'], learningMode: true, briefAfterShown: 2, fullAgainAfterDays: 7 },
        true,
      ),
      { level: 'beginner', contentPaths: ['team/tips', '/abs'], learningMode: true, briefAfterShown: 2, fullAgainAfterDays: 7, workspaceTrusted: true },
    );
  });

  test('missing settings give the defaults package.json declares', () => {
    const expected = { ...defaultSettings, workspaceTrusted: false };
    assert.deepEqual(toServerSettings(undefined, false), expected);
    assert.deepEqual(toServerSettings({}, false), expected);
  });

  test('values of the wrong type fall back to defaults', () => {
    assert.deepEqual(
      toServerSettings({ level: 7, contentPaths: 'tips', learningMode: 'yes', briefAfterShown: '3', fullAgainAfterDays: null }, true),
      { ...defaultSettings, workspaceTrusted: true },
    );
  });

  test('has exactly the keys the server reads', () => {
    assert.deepEqual(Object.keys(toServerSettings({}, true)).sort(), [
      'briefAfterShown',
      'contentPaths',
      'fullAgainAfterDays',
      'learningMode',
      'level',
      'workspaceTrusted',
    ]);
  });
});

describe('normalizeLevel', () => {
  test('keeps the three levels', () => {
    for (const level of ['beginner', 'intermediate', 'advanced']) assert.equal(normalizeLevel(level), level);
  });
  test('anything else is intermediate', () => {
    for (const bad of ['Beginner', ' advanced', 'expert', '', undefined, null, 1, ['beginner']])
      assert.equal(normalizeLevel(bad), 'intermediate', String(bad));
  });
});

describe('normalizeCount', () => {
  test('whole numbers in range pass', () => {
    assert.equal(normalizeCount(0, 5), 0);
    assert.equal(normalizeCount(12, 5), 12);
  });
  test('negatives become 0, fractions round down, huge values are capped', () => {
    assert.equal(normalizeCount(-3, 5), 0);
    assert.equal(normalizeCount(-0.5, 5), 0);
    assert.equal(normalizeCount(2.9, 5), 2);
    assert.equal(normalizeCount(1e12, 5), maxCount);
  });
  test('not a finite number gives the fallback', () => {
    for (const bad of [NaN, Infinity, -Infinity, '4', true, undefined, null, {}]) assert.equal(normalizeCount(bad, 30), 30, String(bad));
  });
});

describe('normalizePaths', () => {
  test('keeps non-empty strings, trimmed, in order', () => {
    assert.deepEqual(normalizePaths([' a ', 'b/c', '', '   ', 3, null, { path: 'x' }, 'd']), ['a', 'b/c', 'd']);
  });
  test('a non-array is no paths', () => {
    for (const bad of [undefined, null, 'tips', {}, 1]) assert.deepEqual(normalizePaths(bad), []);
  });
});

describe('effectiveValue', () => {
  const all = { defaultValue: 'default', globalValue: 'user', workspaceValue: 'workspace', workspaceFolderValue: 'folder' };
  test('trusted: the most specific scope wins', () => {
    assert.equal(effectiveValue(all, true), 'folder');
    assert.equal(effectiveValue({ ...all, workspaceFolderValue: undefined }, true), 'workspace');
    assert.equal(effectiveValue({ defaultValue: 'default', globalValue: 'user' }, true), 'user');
  });
  test('untrusted: workspace and folder values are ignored', () => {
    assert.equal(effectiveValue(all, false), 'user');
    assert.equal(effectiveValue({ defaultValue: 'default', workspaceValue: '/tmp/evil' }, false), 'default');
    assert.equal(effectiveValue({ workspaceFolderValue: '/tmp/evil' }, false), undefined);
  });
  test('nothing inspected is undefined', () => {
    assert.equal(effectiveValue(undefined, true), undefined);
    assert.equal(effectiveValue({}, true), undefined);
  });
});

test('levelLabel is what the status bar shows', () => {
  assert.equal(levelLabel('beginner'), 'Gloss: beginner');
});
