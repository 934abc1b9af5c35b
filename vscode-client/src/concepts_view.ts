// concepts_view.ts — "Gloss: Concepts in this file": the server's `gloss/concepts` request
// (advertised as capabilities.experimental.concepts) shown as a quick pick; picking a concept
// puts the cursor on its first place.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { conceptItems, parseConceptsResult, type ConceptItem } from './concepts';
import { isSupportedLanguage } from './languages';

interface PickItem extends vscode.QuickPickItem {
  concept?: ConceptItem;
}

/** True when the running server answers gloss/concepts. */
function offersConcepts(client: LanguageClient): boolean {
  const experimental = client.initializeResult?.capabilities.experimental as { concepts?: unknown } | undefined;
  return experimental?.concepts === true;
}

/** Registers gloss.showConcepts. */
export function registerShowConcepts(getClient: () => LanguageClient | undefined): vscode.Disposable {
  return vscode.commands.registerCommand('gloss.showConcepts', async () => {
    const editor = vscode.window.activeTextEditor;
    const client = getClient();
    if (!editor || !isSupportedLanguage(editor.document.languageId)) {
      vscode.window.showInformationMessage('Gloss: open a file in a language Gloss knows to see its concepts.');
      return;
    }
    if (!client?.isRunning()) {
      vscode.window.showWarningMessage('Gloss: the server is not running (see the Gloss output).');
      return;
    }
    if (!offersConcepts(client)) {
      vscode.window.showInformationMessage('Gloss: this server does not list concepts; update the gloss binary.');
      return;
    }
    let answer: unknown;
    try {
      answer = await client.sendRequest('gloss/concepts', { textDocument: { uri: client.code2ProtocolConverter.asUri(editor.document.uri) } });
    } catch (error) {
      vscode.window.showErrorMessage(`Gloss could not list the concepts: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    const result = parseConceptsResult(answer);
    const items = conceptItems(result.concepts);
    if (items.length === 0) {
      vscode.window.showInformationMessage('Gloss: no construct in this file has a tip at your level.');
      return;
    }
    const picked = await vscode.window.showQuickPick(withSeparators(items), {
      title: `Concepts in ${vscode.workspace.asRelativePath(editor.document.uri)}`,
      placeHolder: result.incomplete ? 'The file is large: this list may be incomplete' : 'Pick a concept to go to it',
      matchOnDescription: true,
      matchOnDetail: true,
    });
    if (!picked?.concept?.range) return;
    const range = client.protocol2CodeConverter.asRange(picked.concept.range);
    const target = await vscode.window.showTextDocument(editor.document, editor.viewColumn);
    target.selection = new vscode.Selection(range.start, range.start);
    target.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  });
}

function withSeparators(items: readonly ConceptItem[]): PickItem[] {
  const picks: PickItem[] = [];
  let group: ConceptItem['group'] | undefined;
  for (const item of items) {
    if (item.group !== group) {
      group = item.group;
      picks.push({ label: group === 'new' ? 'New to you' : 'Seen or muted', kind: vscode.QuickPickItemKind.Separator });
    }
    picks.push({ label: item.label, description: item.description, detail: item.detail, concept: item });
  }
  return picks;
}
