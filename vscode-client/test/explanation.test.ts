// explanation.test.ts — recognising explanation pages and reading gloss.explain's answers.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { explainFailure, isExplanationUri, parseExplainResult } from '../src/explanation';

describe('isExplanationUri', () => {
  test('pages in the server cache folder are explanations', () => {
    for (const uri of [
      'file:///home/ada/.cache/gloss/explain/python.list-comprehension.md',
      'file:///var/cache/xdg/gloss/explain/cpp.lambda.md',
      'file:///tmp/gloss-1000/explain/go.select.md', // the fallback when there is no cache home
      'file:///home/ada%20b/.cache/gloss/explain/rust.question-mark.md', // percent-encoded
      'file:///home/ada/.cache/gloss/explain/python.lambda.MD',
      'file:///home/ada/.cache/gloss/explain/python.lambda.md#inside',
    ])
      assert.ok(isExplanationUri(uri), uri);
  });

  test('anything else goes to the normal handler', () => {
    for (const uri of [
      'file:///srv/app/.gloss/python/requests-get.md', // a new team note
      'file:///home/ada/.cache/gloss/explain/', // a folder
      'file:///home/ada/.cache/gloss/explain/sub/page.md', // not directly inside
      'file:///home/ada/.cache/gloss/explain/page.txt',
      'file:///home/ada/.cache/notgloss/explain/page.md',
      'file:///home/ada/.cache/gloss-x/explain/page.md',
      'untitled:/gloss/explain/page.md',
      'https://example.com/gloss/explain/page.md',
      'vscode-remote://ssh/home/ada/.cache/gloss/explain/page.md',
      'file:///home/ada/.cache/gloss/explain/%E0%A4%A.md', // malformed escape
      'not a uri',
      '',
    ])
      assert.equal(isExplanationUri(uri), false, uri);
  });
});

describe('parseExplainResult', () => {
  test('reads the server answer', () => {
    assert.deepEqual(
      parseExplainResult({ id: 'python/lambda', title: 'Lambda', markdown: '# Lambda', uri: 'file:///c/gloss/explain/python.lambda.md' }),
      { id: 'python/lambda', title: 'Lambda', markdown: '# Lambda', uri: 'file:///c/gloss/explain/python.lambda.md' },
    );
  });
  test('a missing or empty uri is left out; a missing title is the id', () => {
    assert.deepEqual(parseExplainResult({ id: 'go/select', markdown: 'x', uri: '' }), { id: 'go/select', title: 'go/select', markdown: 'x' });
    assert.deepEqual(parseExplainResult({ id: 'go/select', markdown: 'x', uri: 3 }), { id: 'go/select', title: 'go/select', markdown: 'x' });
  });
  test('anything that is not an explanation is undefined', () => {
    for (const bad of [null, undefined, 'text', 3, [], {}, { id: 'x' }, { markdown: 'x' }, { id: 1, markdown: 'x' }])
      assert.equal(parseExplainResult(bad), undefined, JSON.stringify(bad));
  });
});

describe('explainFailure', () => {
  test('"no tip here" (RequestFailed) is information, not an error', () => {
    assert.deepEqual(explainFailure({ code: -32803, message: 'no tip here to explain' }), {
      severity: 'info',
      message: 'Gloss: no tip here to explain.',
    });
  });
  test('a message that ends in a full stop does not get a second one', () => {
    assert.equal(explainFailure({ code: -32803, message: 'no tip here.' }).message, 'Gloss: no tip here.');
  });
  test('other failures are errors that quote the reason', () => {
    assert.deepEqual(explainFailure({ code: -32602, message: "no snippet with id 'x'" }), {
      severity: 'error',
      message: "Gloss could not explain this: no snippet with id 'x'",
    });
    assert.equal(explainFailure(new Error('Client is not running')).severity, 'error');
    assert.match(explainFailure('boom').message, /boom/);
    assert.match(explainFailure(undefined).message, /undefined/);
  });
});
