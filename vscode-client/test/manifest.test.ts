// manifest.test.ts — package.json agrees with the code, and the pure modules stay pure.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { documentSelector, isSupportedLanguage, languageIds, languageWhenClause } from '../src/languages';
import { defaultSettings, levels } from '../src/settings';

// Bundled into out/test/, two levels below the package.
const root = path.resolve(__dirname, '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const properties = manifest.contributes.configuration.properties;

describe('package.json', () => {
  test('activates on every supported language', () => {
    assert.deepEqual(manifest.activationEvents, languageIds.map((id) => `onLanguage:${id}`));
  });

  test('menus and keybindings use the same language list', () => {
    const whens = [
      ...manifest.contributes.menus['editor/context'],
      ...manifest.contributes.menus.commandPalette,
      ...manifest.contributes.keybindings,
    ].map((entry: { when: string }) => entry.when);
    for (const when of whens) assert.ok(when.includes(languageWhenClause), when);
  });

  test('setting defaults match the ones sent when a setting is missing', () => {
    assert.equal(properties['gloss.level'].default, defaultSettings.level);
    assert.deepEqual(properties['gloss.level'].enum, [...levels]);
    assert.deepEqual(properties['gloss.contentPaths'].default, defaultSettings.contentPaths);
    assert.equal(properties['gloss.learningMode'].default, defaultSettings.learningMode);
    assert.equal(properties['gloss.briefAfterShown'].default, defaultSettings.briefAfterShown);
    assert.equal(properties['gloss.fullAgainAfterDays'].default, defaultSettings.fullAgainAfterDays);
    assert.equal(properties['gloss.briefAfterShown'].minimum, 0);
    assert.equal(properties['gloss.fullAgainAfterDays'].minimum, 0);
    assert.deepEqual(properties['gloss.trace.server'].enum, ['off', 'messages', 'verbose']);
  });

  test('settings that pick code or content are restricted in untrusted workspaces', () => {
    const restricted = Object.keys(properties).filter((key) => properties[key].restricted === true).sort();
    assert.deepEqual(restricted, ['gloss.contentPaths', 'gloss.serverPath']);
    assert.deepEqual([...manifest.capabilities.untrustedWorkspaces.restrictedConfigurations].sort(), restricted);
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.equal(properties['gloss.serverPath'].scope, 'machine');
  });

  test("our commands do not collide with the server's, which the client registers itself", () => {
    const serverCommands = ['gloss.explain', 'gloss.addTeamNote', 'gloss.mute', 'gloss.unmute', 'gloss.helpful', 'gloss.notHelpful'];
    for (const { command } of manifest.contributes.commands) assert.ok(!serverCommands.includes(command), command);
  });

  test('every command the code registers is declared, and the other way round', () => {
    const source = fs
      .readdirSync(path.join(root, 'src'))
      .map((name) => fs.readFileSync(path.join(root, 'src', name), 'utf8'))
      .join('\n');
    const registered = [...source.matchAll(/registerCommand\('([^']+)'/g)].map((match) => match[1]).sort();
    const declared = manifest.contributes.commands.map((entry: { command: string }) => entry.command).sort();
    assert.deepEqual(registered, declared);
  });

  test('dependencies are pinned to exact versions', () => {
    for (const [name, version] of Object.entries({ ...manifest.dependencies, ...manifest.devDependencies }))
      assert.match(String(version), /^\d+\.\d+\.\d+$/, name);
  });
});

describe('languages', () => {
  test('the selector has a file and an untitled filter per language', () => {
    assert.equal(documentSelector.length, languageIds.length * 2);
    assert.ok(documentSelector.some((filter) => filter.scheme === 'untitled' && filter.language === 'shellscript'));
  });
  test('isSupportedLanguage', () => {
    assert.ok(isSupportedLanguage('cuda-cpp'));
    assert.ok(!isSupportedLanguage('markdown'));
    assert.ok(!isSupportedLanguage(undefined));
    assert.ok(!isSupportedLanguage('Python'));
  });
});

test('the pure modules import neither vscode nor a module that does', () => {
  const pure = ['concepts', 'explanation', 'languages', 'server_path', 'settings', 'team_content'];
  for (const name of pure) {
    const source = fs.readFileSync(path.join(root, 'src', `${name}.ts`), 'utf8');
    const imports = [...source.matchAll(/from '([^']+)'/g)].map((match) => match[1]!);
    for (const imported of imports) {
      assert.ok(imported.startsWith('node:') || pure.includes(imported.replace(/^\.\//, '')), `${name}.ts imports ${imported}`);
    }
  }
});
