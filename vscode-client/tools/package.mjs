// package.mjs — `npm run package`: gloss.vsix with the server inside, in one step.
//
//  1. The server: $GLOSS_SERVER if set, else ../build/gloss, built first with
//     `../scripts/build gloss` when it is missing. Copied (stripped when `strip` exists) to
//     server/gloss. An existing ../build/gloss is used as it is: rebuild it first if the
//     server sources changed.
//  2. Type-check (tsc --noEmit), then bundle (tools/bundle.mjs).
//  3. vsce package for this machine's Linux target, without prompts, into gloss.vsix.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleExtension } from './bundle.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repo = path.resolve(root, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function run(command, args, options = {}) {
  console.log(`package: ${[command, ...args].map((a) => path.relative(root, a) || a).join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.error) throw new Error(`${command}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${path.basename(command)} exited with ${result.status ?? result.signal}`);
}

function vsceTarget() {
  const arch = { x64: 'x64', arm64: 'arm64', arm: 'armhf' }[process.arch];
  if (process.platform !== 'linux' || !arch) throw new Error(`no server build for ${process.platform}-${process.arch}; packaging runs on Linux`);
  return `linux-${arch}`;
}

function serverBinary() {
  if (process.env.GLOSS_SERVER) {
    const given = path.resolve(process.env.GLOSS_SERVER);
    if (!fs.existsSync(given)) throw new Error(`GLOSS_SERVER=${given} does not exist`);
    return given;
  }
  const built = path.join(repo, 'build', 'gloss');
  if (!fs.existsSync(built)) run(path.join(repo, 'scripts', 'build'), ['gloss'], { cwd: repo });
  if (!fs.existsSync(built)) throw new Error(`${built} is still missing after scripts/build gloss`);
  return built;
}

function copyServer(source) {
  const target = path.join(root, 'server', 'gloss');
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.rmSync(target, { force: true });
  // Symbols are half the binary and no user needs them.
  const stripped = spawnSync('strip', ['--strip-unneeded', '-o', target, source], { stdio: 'inherit' });
  if (stripped.error || stripped.status !== 0) fs.copyFileSync(source, target);
  fs.chmodSync(target, 0o755);
  console.log(`package: server/gloss from ${source} (${(fs.statSync(target).size / 1e6).toFixed(1)} MB)`);
}

try {
  const target = vsceTarget();
  copyServer(serverBinary());
  run(bin('tsc'), ['--noEmit', '-p', '.']);
  await bundleExtension();
  fs.rmSync(path.join(root, 'gloss.vsix'), { force: true });
  const licence = fs.existsSync(path.join(root, 'LICENSE')) ? [] : ['--skip-license'];
  run(bin('vsce'), [
    'package',
    '--target', target,
    '--no-dependencies', // everything the extension runs is in dist/extension.js
    '--allow-missing-repository',
    '--no-rewrite-relative-links',
    ...licence,
    '--out', 'gloss.vsix',
  ]);
} catch (error) {
  console.error(`package: ${error.message}`);
  process.exit(1);
}
