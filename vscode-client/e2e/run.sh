#!/usr/bin/env bash
# The Gloss extension end to end in code-server + headless Chromium (see run.mjs for the steps
# and the environment variables it reads).
#
# Usage: vscode-client/e2e/run.sh [VSIX]    (default: vscode-client/gloss.vsix)
# Installs the e2e packages first if needed (install.sh, a no-op when up to date). Playwright
# runs on the system Node; code-server on the Node 24 that install.sh puts in node_modules.
set -euo pipefail

e2e_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
vsix="${1:-$e2e_dir/../gloss.vsix}"
if [[ ! -f "$vsix" ]]; then
  echo "e2e: FAIL: no extension package at $vsix (run \`npm run package\` in vscode-client/, or pass its path)" >&2
  exit 1
fi
vsix="$(cd "$(dirname "$vsix")" && pwd)/$(basename "$vsix")"

"$e2e_dir/install.sh"
exec node "$e2e_dir/run.mjs" "$vsix"
