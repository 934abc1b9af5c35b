// level_status.ts — the status bar item "Gloss: <level>" and the `gloss.chooseLevel` picker
// behind it. It only edits the gloss.level setting; the configuration sync carries the change
// to the server.

import * as vscode from 'vscode';
import { levelChoices, levelLabel, normalizeLevel, type Level } from './settings';

function currentLevel(): Level {
  return normalizeLevel(vscode.workspace.getConfiguration('gloss').get('level'));
}

/** Creates the status bar item and registers gloss.chooseLevel. */
export function registerLevelStatus(): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('gloss.level', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Gloss level';
  item.command = 'gloss.chooseLevel';
  item.tooltip = 'Which Gloss tips you see. Click to change.';
  const update = () => {
    item.text = levelLabel(currentLevel());
  };
  update();
  item.show();

  const command = vscode.commands.registerCommand('gloss.chooseLevel', async () => {
    const current = currentLevel();
    const picked = await vscode.window.showQuickPick(
      levelChoices.map((choice) => ({
        label: choice.level,
        description: choice.description,
        picked: choice.level === current,
        ...(choice.level === current ? { detail: 'current' } : {}),
      })),
      { title: 'Gloss: which tips to show', placeHolder: `Now: ${current}` },
    );
    if (!picked || picked.label === current) return;
    const config = vscode.workspace.getConfiguration('gloss');
    await config.update('level', picked.label, vscode.ConfigurationTarget.Global);
    const inspected = config.inspect('level');
    if (inspected?.workspaceFolderValue !== undefined || inspected?.workspaceValue !== undefined)
      vscode.window.showInformationMessage(`Gloss: saved "${picked.label}" in your user settings, but this workspace's gloss.level overrides it.`);
  });
  const watcher = vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration('gloss.level')) update();
  });
  return vscode.Disposable.from(item, command, watcher);
}
