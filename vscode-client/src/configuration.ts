// configuration.ts — gloss.* settings and workspace trust, sent to the server as
// `initializationOptions` and as `workspace/didChangeConfiguration` {settings: {gloss: …}}.
//
// vscode-languageclient's `synchronize.configurationSection` sends the raw `gloss` section
// (after start and on every change to it). The raw section lacks `workspaceTrusted` and carries
// editor-only keys (serverPath, trace), so the middleware below replaces its payload with
// `serverSettings()`; granting trust sends the same payload, since it changes no setting.

import * as vscode from 'vscode';
import { DidChangeConfigurationNotification, type LanguageClient, type Middleware } from 'vscode-languageclient/node';
import { effectiveValue, toServerSettings, type Inspected, type ServerSettings } from './settings';

/** The settings the server should have now, trust included. */
export function serverSettings(): ServerSettings {
  const config = vscode.workspace.getConfiguration('gloss');
  const trusted = vscode.workspace.isTrusted;
  return toServerSettings(
    {
      level: config.get('level'),
      // Restricted: in an untrusted workspace only the user's own value counts.
      contentPaths: effectiveValue(config.inspect<unknown>('contentPaths') as Inspected<unknown> | undefined, trusted),
      learningMode: config.get('learningMode'),
      briefAfterShown: config.get('briefAfterShown'),
      fullAgainAfterDays: config.get('fullAgainAfterDays'),
    },
    trusted,
  );
}

/** What each client last sent, so that one change seen twice (trust and a restricted setting) is sent once. */
const lastSent = new WeakMap<LanguageClient, string>();

/** Sends the whole gloss section when it differs from the last one sent; does nothing while the client is not running. */
export async function sendSettings(client: LanguageClient | undefined): Promise<void> {
  if (!client?.isRunning()) return;
  const settings = serverSettings();
  const key = JSON.stringify(settings);
  if (lastSent.get(client) === key) return;
  lastSent.set(client, key);
  await client.sendNotification(DidChangeConfigurationNotification.type, { settings: { gloss: settings } });
}

/**
 * Middleware for the client's configuration sync: the same trigger, our payload.
 * `getClient` is read at call time because the client is created after its options.
 */
export function configurationMiddleware(getClient: () => LanguageClient | undefined): Middleware['workspace'] {
  return {
    didChangeConfiguration: async () => sendSettings(getClient()),
  };
}

/** Sends the settings again when the user trusts the workspace, so the server loads its content. */
export function watchTrust(getClient: () => LanguageClient | undefined): vscode.Disposable {
  return vscode.workspace.onDidGrantWorkspaceTrust(() => {
    sendSettings(getClient()).catch((error) => getClient()?.error('Sending the settings after trust failed', error));
  });
}
