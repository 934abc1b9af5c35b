// extension.ts — starts `gloss lsp` over stdio and wires the features, one file each:
// explain_view (Explain this), concepts_view (gloss/concepts), team_content_view,
// level_status, configuration (settings and workspace trust). The client renders what the
// server sends; it never matches, ranks or stores learner state.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as vscode from 'vscode';
import { LanguageClient, RevealOutputChannelOn, TransportKind } from 'vscode-languageclient/node';
import { configurationMiddleware, serverSettings, watchTrust } from './configuration';
import { registerShowConcepts } from './concepts_view';
import { explainMiddleware, registerExplainThis } from './explain_view';
import { documentSelector } from './languages';
import { registerLevelStatus } from './level_status';
import { resolveServerPath, type ProbeResult, type ServerPath } from './server_path';
import { effectiveValue, type Inspected } from './settings';
import { registerOpenTeamContent } from './team_content_view';

let client: LanguageClient | undefined;
let output: vscode.OutputChannel | undefined;
/** The binary the current client runs. */
let runningPath: string | undefined;
const getClient = () => client;
/** Starts and restarts run one after another, never interleaved. */
let lifecycle: Promise<void> = Promise.resolve();
function queue(step: () => Promise<void>): Promise<void> {
  lifecycle = lifecycle.then(step, step);
  return lifecycle;
}

export function activate(context: vscode.ExtensionContext): void {
  output = vscode.window.createOutputChannel('Gloss');
  context.subscriptions.push(
    output,
    registerExplainThis(getClient),
    registerShowConcepts(getClient),
    registerOpenTeamContent(),
    registerLevelStatus(),
    watchTrust(getClient),
    vscode.commands.registerCommand('gloss.restartServer', () => queue(() => restart(context))),
    vscode.workspace.onDidChangeConfiguration((event) => {
      // Trust changes fire this too (serverPath is restricted): restart only for another binary.
      if (event.affectsConfiguration('gloss.serverPath'))
        void queue(async () => {
          const next = serverPath(context);
          if (!client?.isRunning() || !next.ok || next.path !== runningPath) await restart(context);
        });
    }),
  );
  void queue(() => start(context)); // activation does not wait for the server
}

export function deactivate(): Thenable<void> | undefined {
  return client?.needsStop() ? client.stop() : undefined;
}

function serverPath(context: vscode.ExtensionContext): ServerPath {
  const bundled = context.asAbsolutePath('server/gloss');
  const config = vscode.workspace.getConfiguration('gloss');
  return resolveServerPath(
    {
      // Restricted and machine-scoped: an untrusted workspace can never choose the binary.
      setting: effectiveValue(config.inspect<unknown>('serverPath') as Inspected<unknown> | undefined, vscode.workspace.isTrusted),
      bundled,
      home: os.homedir(),
      workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
      pathEnv: process.env.PATH,
    },
    (candidate) => probe(candidate, candidate === bundled),
  );
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const resolved = serverPath(context);
  if (!resolved.ok) return reportProblem(resolved.problem);
  output?.appendLine(`Starting ${resolved.path} lsp (from ${resolved.source})`);
  runningPath = resolved.path;

  client = new LanguageClient(
    'gloss', // also the prefix of gloss.trace.server
    'Gloss',
    { command: resolved.path, args: ['lsp'], transport: TransportKind.stdio },
    {
      documentSelector,
      outputChannel: output,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      initializationOptions: () => serverSettings(), // read again on every (re)start
      synchronize: { configurationSection: 'gloss' },
      markdown: { isTrusted: false, supportHtml: false },
      connectionOptions: { maxRestartCount: 3 },
      middleware: { workspace: configurationMiddleware(getClient), window: explainMiddleware },
    },
  );
  try {
    await client.start();
  } catch (error) {
    reportProblem(`The Gloss server (${resolved.path}) did not start: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  const old = client;
  client = undefined;
  try {
    await old?.dispose();
  } catch (error) {
    output?.appendLine(`Stopping the server: ${error instanceof Error ? error.message : String(error)}`);
  }
  await start(context);
}

/** One message with the way out; the extension stays active so the commands can say why they cannot work. */
function reportProblem(problem: string): void {
  output?.appendLine(problem);
  const openSettings = 'Open Settings';
  void vscode.window.showErrorMessage(problem, openSettings).then((answer) => {
    if (answer !== openSettings) return;
    // A machine-scoped setting lives in the remote settings when the window is remote (code-server, SSH).
    const command = vscode.env.remoteName ? 'workbench.action.openRemoteSettings' : 'workbench.action.openSettings';
    void vscode.commands.executeCommand(command, { query: 'gloss.serverPath' });
  });
}

/** Is `candidate` an executable file? The shipped binary gets its executable bit back if an unzip lost it. */
function probe(candidate: string, isBundled: boolean): ProbeResult {
  try {
    if (!fs.statSync(candidate).isFile()) return 'not-a-file';
  } catch {
    return 'missing';
  }
  try {
    fs.accessSync(candidate, fs.constants.X_OK);
    return 'ok';
  } catch {
    if (!isBundled) return 'not-executable';
  }
  try {
    fs.chmodSync(candidate, 0o755);
    fs.accessSync(candidate, fs.constants.X_OK);
    return 'ok';
  } catch {
    return 'not-executable';
  }
}
