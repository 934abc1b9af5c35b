#!/usr/bin/env bash
# CI for a team content repository: every tip must lint cleanly and pass its
# own examples, layered over the built-in pack. Set GLOSS to the binary, or
# have `gloss` on PATH.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
gloss="${GLOSS:-gloss}"
"$gloss" lint tips
"$gloss" test tips
