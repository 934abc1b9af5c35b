// explain_view.ts — "Explain this": the `gloss.explainThis` command (editor menu, Ctrl+Alt+E),
// which runs the server's `gloss.explain` command with {uri, position}, and the
// `window/showDocument` middleware that opens explanation pages as a Markdown preview beside
// the code.
//
// The server answers `gloss.explain` with {id, title, markdown, uri} and, because the client
// supports showDocument, first asks the editor to show `uri`. Code actions ("Explain this: …"
// in the lightbulb) go through the same request, so the middleware is what turns both into a
// preview; the command opens the page itself only if the server did not ask.

import * as vscode from 'vscode';
import { CancellationToken, ExecuteCommandRequest, ResponseError, type LanguageClient, type Middleware } from 'vscode-languageclient/node';
import { explainFailure, isExplanationUri, parseExplainResult } from './explanation';
import { isSupportedLanguage } from './languages';

/** Pages the server asked to show that the command has not yet accounted for. */
const shownByServer = new Set<string>();

/** Opens a Markdown file as a preview to the side; falls back to a plain editor if the preview is unavailable. */
async function showPreview(uri: vscode.Uri): Promise<void> {
  try {
    await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
  } catch {
    await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }
}

/** showDocument middleware: explanation pages become previews; everything else (a new team note) opens as usual. */
export const explainMiddleware: Middleware['window'] = {
  showDocument: async (params, next) => {
    if (params.external === true || !isExplanationUri(params.uri)) {
      const result = await next(params, CancellationToken.None);
      return result instanceof ResponseError || result === undefined ? { success: false } : result;
    }
    shownByServer.add(params.uri); // before any await: the command's reply is handled after this
    try {
      await showPreview(vscode.Uri.parse(params.uri, true));
      return { success: true };
    } catch {
      shownByServer.delete(params.uri); // let the command try again
      return { success: false };
    }
  },
};

/** Registers gloss.explainThis. */
export function registerExplainThis(getClient: () => LanguageClient | undefined): vscode.Disposable {
  return vscode.commands.registerCommand('gloss.explainThis', async () => {
    const editor = vscode.window.activeTextEditor;
    const client = getClient();
    if (!editor || !isSupportedLanguage(editor.document.languageId)) {
      vscode.window.showInformationMessage('Gloss: put the cursor on code in a language Gloss knows, then try "Explain this" again.');
      return;
    }
    if (!client?.isRunning()) {
      vscode.window.showWarningMessage('Gloss: the server is not running (see the Gloss output).');
      return;
    }
    const argument = {
      uri: client.code2ProtocolConverter.asUri(editor.document.uri),
      position: client.code2ProtocolConverter.asPosition(editor.selection.active),
    };
    let answer: unknown;
    try {
      answer = await client.sendRequest(ExecuteCommandRequest.type, { command: 'gloss.explain', arguments: [argument] });
    } catch (error) {
      const failure = explainFailure(error);
      if (failure.severity === 'info') vscode.window.showInformationMessage(failure.message);
      else vscode.window.showErrorMessage(failure.message);
      return;
    }
    const result = parseExplainResult(answer);
    if (!result) {
      vscode.window.showErrorMessage('Gloss: the server sent no explanation.');
      return;
    }
    if (result.uri) {
      if (!shownByServer.delete(result.uri)) await showPreview(vscode.Uri.parse(result.uri, true));
      return;
    }
    // The server could not write the page: show its text from memory.
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: result.markdown });
    await showPreview(document.uri);
  });
}
