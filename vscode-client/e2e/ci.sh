#!/usr/bin/env bash
# The e2e test as ctest runs it: packages gloss.vsix around the given server binary (so the
# test exercises the build under test), then runs run.sh on it.
#
# Usage: vscode-client/e2e/ci.sh GLOSS_BINARY
# Needs vscode-client/node_modules (`npm ci` in vscode-client/) and this folder's packages
# (install.sh; run.sh runs it, but a first install takes minutes: scripts/install-deps.sh
# should do it beforehand).
set -euo pipefail

e2e_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
client_dir="$(cd "$e2e_dir/.." && pwd)"
if [[ $# -ne 1 || ! -x "$1" ]]; then
  echo "usage: $0 GLOSS_BINARY (an executable gloss server)" >&2
  exit 2
fi
server="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
if [[ ! -d "$client_dir/node_modules" ]]; then
  echo "e2e: FAIL: $client_dir/node_modules is missing: run \`npm ci\` there (scripts/install-deps.sh)" >&2
  exit 1
fi

started=$SECONDS
(cd "$client_dir" && GLOSS_SERVER="$server" npm run --silent package)
echo "e2e: packaged gloss.vsix with $server ($((SECONDS - started)) s)"
exec "$e2e_dir/run.sh" "$client_dir/gloss.vsix"
