// team_content.test.ts — finding the team content folder from gloss.toml.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseContentDirectories, teamContentDirectory } from '../src/team_content';

describe('parseContentDirectories', () => {
  test('reads the template gloss.toml (examples/team-content)', () => {
    const toml = [
      '# gloss.toml — put this at the root of a codebase.',
      'content = ["tips"]',
      '',
      '# Turn off built-in tips the team does not want.',
      'disable = ["python/lambda"]',
    ].join('\n');
    assert.deepEqual(parseContentDirectories(toml), { directories: ['tips'] });
  });

  test('several directories, literal strings, blanks, comments, trailing comma, several lines', () => {
    const toml = `content = [\n  "team/tips",   # ours\n  'vendor/tips',\n  "with ] bracket", # a "quote" in a comment\n]\n`;
    assert.deepEqual(parseContentDirectories(toml), { directories: ['team/tips', 'vendor/tips', 'with ] bracket'] });
  });

  test('escapes in basic strings, a quoted key, CRLF and a BOM', () => {
    assert.deepEqual(parseContentDirectories('\uFEFF"content" = ["a\\"b", "c\\\\d"]\r\ndisable = []\r\n'), { directories: ['a"b', 'c\\d'] });
  });

  test('no content key, an empty file, an empty array: no directories, no problem', () => {
    for (const toml of ['', 'disable = ["cpp/*"]', 'content = []', '# content = ["commented"]', 'contents = ["near miss"]'])
      assert.deepEqual(parseContentDirectories(toml), { directories: [] }, toml);
  });

  test('a content key inside a table is not the top-level one', () => {
    assert.deepEqual(parseContentDirectories('[other]\ncontent = ["x"]\n'), { directories: [] });
  });

  test('empty strings are dropped', () => {
    assert.deepEqual(parseContentDirectories('content = ["", "  ", "tips"]'), { directories: ['tips'] });
  });

  test('a content key that is not an array of strings is a problem with its line', () => {
    for (const toml of [
      'content = "tips"',
      'content = tips',
      'content = ["tips"',
      'content = ["tips]',
      'content = [tips]',
      'content = ["a" "b"]',
      'content = [, "a"]',
      'content = ["a",, "b"]',
      'content = [["a"]]',
      'content = ["a"] extra',
      'content = [1, 2]',
      'content =',
    ]) {
      const result = parseContentDirectories(`# header\n${toml}\n`);
      assert.deepEqual(result.directories, [], toml);
      assert.match(result.problem ?? '', /line 2: content must be an array of strings/, toml);
    }
  });

  test('an unclosed array that runs to the end of the file is a problem, not a hang', () => {
    const result = parseContentDirectories('content = [\n"a",\n"b"\n');
    assert.deepEqual(result.directories, []);
    assert.match(result.problem ?? '', /line 1/);
  });
});

describe('teamContentDirectory', () => {
  test('the first content directory, relative to the workspace root', () => {
    assert.deepEqual(teamContentDirectory('/srv/app', 'content = ["team/tips", "more"]'), {
      directory: '/srv/app/team/tips',
      from: 'gloss.toml',
    });
  });
  test('an absolute or ../ directory is kept as written', () => {
    assert.equal(teamContentDirectory('/srv/app', 'content = ["/srv/tips"]').directory, '/srv/tips');
    assert.equal(teamContentDirectory('/srv/app', 'content = ["../shared/tips"]').directory, '/srv/shared/tips');
  });
  test('no gloss.toml, or one without content: .gloss/', () => {
    assert.deepEqual(teamContentDirectory('/srv/app', undefined), { directory: '/srv/app/.gloss', from: '.gloss' });
    assert.deepEqual(teamContentDirectory('/srv/app', 'disable = []'), { directory: '/srv/app/.gloss', from: '.gloss' });
  });
  test('a broken content key: .gloss/, and the problem to show', () => {
    const result = teamContentDirectory('/srv/app', 'content = "tips"');
    assert.equal(result.directory, '/srv/app/.gloss');
    assert.equal(result.from, '.gloss');
    assert.match(result.problem ?? '', /line 1/);
  });
});
