// bundle.mjs — esbuild for the extension and for the unit tests.
//
//   node tools/bundle.mjs          dist/extension.js (one CommonJS file, `vscode` left external),
//                                  plus what it needs beside it: vscode-languageclient's
//                                  terminateProcess.sh and the licences of the bundled packages
//   node tools/bundle.mjs --tests  out/test/*.test.js, one per test/*.test.ts, for `node --test`
//
// Also importable: `bundleExtension()` is what tools/package.mjs calls.

import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function bundleExtension() {
  const dist = path.join(root, 'dist');
  fs.rmSync(dist, { recursive: true, force: true });
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18', // VS Code 1.90's Electron runs Node 20; code-server runs at least 18
    external: ['vscode'],
    minify: true,
    legalComments: 'none', // the licences go to THIRD_PARTY_NOTICES.txt in full instead
    metafile: true,
    logLevel: 'warning',
  });
  // On Linux and macOS the client kills a server that outlives `exit` with this script,
  // which it looks for beside its own code: with the code bundled, beside dist/extension.js.
  const script = path.join(root, 'node_modules/vscode-languageclient/lib/node/terminateProcess.sh');
  fs.copyFileSync(script, path.join(dist, 'terminateProcess.sh'));
  fs.chmodSync(path.join(dist, 'terminateProcess.sh'), 0o755);
  fs.writeFileSync(path.join(dist, 'THIRD_PARTY_NOTICES.txt'), notices(result.metafile));
}

/** The licence text of every npm package with code in the bundle. */
function notices(metafile) {
  const packages = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) packages.set(match[1], true);
  }
  const sections = [];
  for (const directory of [...packages.keys()].sort()) {
    const absolute = path.join(root, directory);
    const manifest = JSON.parse(fs.readFileSync(path.join(absolute, 'package.json'), 'utf8'));
    const licence = fs.readdirSync(absolute).find((name) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(name));
    const text = licence ? fs.readFileSync(path.join(absolute, licence), 'utf8').trim() : `License: ${manifest.license ?? 'unknown'}`;
    sections.push(`${manifest.name} ${manifest.version}\n${'-'.repeat(40)}\n${text}\n`);
  }
  return `The Gloss extension bundles code from these npm packages.\n\n${sections.join('\n')}`;
}

async function bundleTests() {
  const out = path.join(root, 'out/test');
  fs.rmSync(out, { recursive: true, force: true });
  const tests = fs.readdirSync(path.join(root, 'test')).filter((name) => name.endsWith('.test.ts'));
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: tests.map((name) => `test/${name}`),
    outdir: 'out/test',
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // Left out, so a test that reaches a module importing `vscode` fails loudly.
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await (process.argv.includes('--tests') ? bundleTests() : bundleExtension());
}
