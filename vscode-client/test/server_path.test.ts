// server_path.test.ts — which gloss binary starts, and what the user reads when none can.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { resolveServerPath, searchPath, type Probe, type ProbeResult } from '../src/server_path';

/** A fake file system: path → what a probe finds; anything unlisted is missing. */
function files(entries: Record<string, ProbeResult>): Probe {
  return (candidate) => entries[candidate] ?? 'missing';
}

const bundled = '/ext/server/gloss';
const base = { bundled, home: '/home/ada', workspaceFolder: '/srv/app', pathEnv: '/usr/local/bin:/usr/bin' };

describe('resolveServerPath without a setting', () => {
  test('uses the shipped binary', () => {
    assert.deepEqual(resolveServerPath(base, files({ [bundled]: 'ok' })), { ok: true, path: bundled, source: 'bundled' });
  });
  test('an empty, blank or non-string setting counts as unset', () => {
    for (const setting of ['', '   ', undefined, null, 42, ['/x']])
      assert.deepEqual(resolveServerPath({ ...base, setting }, files({ [bundled]: 'ok' })), { ok: true, path: bundled, source: 'bundled' });
  });
  test('falls back to gloss on PATH when the shipped binary is missing', () => {
    assert.deepEqual(resolveServerPath(base, files({ '/usr/bin/gloss': 'ok' })), { ok: true, path: '/usr/bin/gloss', source: 'PATH' });
  });
  test('nothing anywhere: a problem that names the expected path and the setting', () => {
    const result = resolveServerPath(base, files({}));
    assert.equal(result.ok, false);
    assert.ok(!result.ok && !result.fromSetting);
    assert.match(!result.ok ? result.problem : '', /\/ext\/server\/gloss/);
    assert.match(!result.ok ? result.problem : '', /gloss\.serverPath/);
  });
  test('a shipped binary that is not executable says so', () => {
    const result = resolveServerPath(base, files({ [bundled]: 'not-executable' }));
    assert.match(!result.ok ? result.problem : '', /not executable/);
  });
});

describe('resolveServerPath with gloss.serverPath', () => {
  test('an absolute path wins over the shipped binary', () => {
    const probe = files({ [bundled]: 'ok', '/opt/gloss/bin/gloss': 'ok' });
    assert.deepEqual(resolveServerPath({ ...base, setting: '/opt/gloss/bin/gloss' }, probe), {
      ok: true,
      path: '/opt/gloss/bin/gloss',
      source: 'setting',
    });
  });
  test('surrounding blanks are trimmed', () => {
    const result = resolveServerPath({ ...base, setting: '  /opt/gloss  ' }, files({ '/opt/gloss': 'ok' }));
    assert.deepEqual(result, { ok: true, path: '/opt/gloss', source: 'setting' });
  });
  test('~ expands to the home directory', () => {
    const result = resolveServerPath({ ...base, setting: '~/bin/gloss' }, files({ '/home/ada/bin/gloss': 'ok' }));
    assert.deepEqual(result, { ok: true, path: '/home/ada/bin/gloss', source: 'setting' });
  });
  test('~ without a known home is a problem', () => {
    const result = resolveServerPath({ ...base, home: undefined, setting: '~/bin/gloss' }, files({}));
    assert.ok(!result.ok && result.fromSetting);
  });
  test('a relative path is relative to the workspace folder', () => {
    const result = resolveServerPath({ ...base, setting: 'build/gloss' }, files({ '/srv/app/build/gloss': 'ok' }));
    assert.deepEqual(result, { ok: true, path: '/srv/app/build/gloss', source: 'setting' });
  });
  test('a relative path with no folder open is a problem, not a guess', () => {
    const result = resolveServerPath({ ...base, workspaceFolder: undefined, setting: './gloss' }, files({ './gloss': 'ok' }));
    assert.ok(!result.ok && result.fromSetting);
    assert.match(!result.ok ? result.problem : '', /relative/);
  });
  test('a bare name is looked up on PATH', () => {
    const result = resolveServerPath({ ...base, setting: 'gloss-dev' }, files({ '/usr/bin/gloss-dev': 'ok' }));
    assert.deepEqual(result, { ok: true, path: '/usr/bin/gloss-dev', source: 'setting' });
  });
  test('a bare name not on PATH is a problem', () => {
    const result = resolveServerPath({ ...base, setting: 'gloss-dev' }, files({ [bundled]: 'ok' }));
    assert.ok(!result.ok && result.fromSetting);
  });
  test('a wrong setting is reported, never silently replaced by the shipped binary', () => {
    const probe = files({ [bundled]: 'ok', '/opt/dir': 'not-a-file', '/opt/noexec': 'not-executable' });
    const cases: Array<[string, RegExp]> = [
      ['/opt/missing', /does not exist/],
      ['/opt/dir', /not a file/],
      ['/opt/noexec', /not executable/],
    ];
    for (const [setting, message] of cases) {
      const result = resolveServerPath({ ...base, setting }, probe);
      assert.equal(result.ok, false, setting);
      assert.ok(!result.ok && result.fromSetting);
      assert.match(!result.ok ? result.problem : '', message);
    }
  });
});

describe('searchPath', () => {
  test('takes the first executable match in PATH order', () => {
    const probe = files({ '/a/gloss': 'not-executable', '/b/gloss': 'ok', '/c/gloss': 'ok' });
    assert.equal(searchPath('gloss', '/a:/b:/c', probe), '/b/gloss');
  });
  test('skips empty and relative entries (they would mean the current directory)', () => {
    const probe = files({ 'gloss': 'ok', 'bin/gloss': 'ok' });
    assert.equal(searchPath('gloss', '::bin:', probe), undefined);
  });
  test('no PATH is no match', () => {
    assert.equal(searchPath('gloss', undefined, files({ '/usr/bin/gloss': 'ok' })), undefined);
  });
});
