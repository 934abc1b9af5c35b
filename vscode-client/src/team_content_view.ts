// team_content_view.ts — "Gloss: Open team content": shows the workspace's team content folder
// (gloss.toml's first `content` directory, else `.gloss/`; see team_content.ts) in the
// explorer, offering to create it when it does not exist yet. Wires no server request: the
// server reads the same folder by itself.

import * as vscode from 'vscode';
import { teamContentDirectory } from './team_content';

/** Registers gloss.openTeamContent. */
export function registerOpenTeamContent(): vscode.Disposable {
  return vscode.commands.registerCommand('gloss.openTeamContent', async () => {
    // The server's workspace root is the first folder, so the team content is that folder's.
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    if (!root || root.scheme !== 'file') {
      vscode.window.showInformationMessage('Gloss: open a folder first; team content lives in its .gloss/ folder or where its gloss.toml says.');
      return;
    }
    const toml = await readText(vscode.Uri.joinPath(root, 'gloss.toml'));
    const found = teamContentDirectory(root.fsPath, toml);
    if (found.problem) vscode.window.showWarningMessage(`Gloss: ${found.problem}. Using ${found.directory}.`);
    const folder = vscode.Uri.file(found.directory);

    if (!(await isDirectory(folder))) {
      const create = 'Create it';
      const where = found.from === 'gloss.toml' ? 'gloss.toml names a team content folder' : 'This workspace has no .gloss/ folder';
      const answer = await vscode.window.showInformationMessage(`Gloss: ${where} that does not exist yet: ${folder.fsPath}`, create);
      if (answer !== create) return;
      try {
        await vscode.workspace.fs.createDirectory(folder);
      } catch (error) {
        vscode.window.showErrorMessage(`Gloss could not create ${folder.fsPath}: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
    }
    if (!vscode.workspace.isTrusted)
      vscode.window.showWarningMessage('Gloss: this workspace is not trusted, so Gloss does not load its team content until you trust it.');

    if (vscode.workspace.getWorkspaceFolder(folder)) {
      await vscode.commands.executeCommand('revealInExplorer', folder);
      return;
    }
    // Outside the workspace the explorer cannot show it: open its first page instead.
    const page = await firstMarkdownFile(folder, 3);
    if (page) await vscode.window.showTextDocument(page);
    else vscode.window.showInformationMessage(`Gloss: the team content folder is ${folder.fsPath} (outside this workspace, and it has no .md files yet).`);
  });
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined; // no gloss.toml: the common case
  }
}

async function isDirectory(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
  } catch {
    return false;
  }
}

/** The first .md file by name, depth first, at most `depth` folders down. */
async function firstMarkdownFile(folder: vscode.Uri, depth: number): Promise<vscode.Uri | undefined> {
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(folder);
  } catch {
    return undefined;
  }
  entries.sort(([a], [b]) => a.localeCompare(b));
  for (const [name, type] of entries)
    if (type & vscode.FileType.File && name.toLowerCase().endsWith('.md') && name.toLowerCase() !== 'readme.md')
      return vscode.Uri.joinPath(folder, name);
  if (depth <= 0) return undefined;
  for (const [name, type] of entries) {
    if (!(type & vscode.FileType.Directory) || name.startsWith('.')) continue;
    const found = await firstMarkdownFile(vscode.Uri.joinPath(folder, name), depth - 1);
    if (found) return found;
  }
  return undefined;
}
