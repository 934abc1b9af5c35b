#!/usr/bin/env bash
# Runs hover.lua in headless Neovim against the gloss binary.
# Usage: run.sh NVIM GLOSS TEST_DIR
set -euo pipefail
nvim="$1" gloss="$2" test_dir="$3"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cp "$test_dir/fixture.py" "$scratch/fixture.py"
# Keep Neovim's and Gloss's state out of the user's home.
export XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data" XDG_STATE_HOME="$scratch/state" XDG_CACHE_HOME="$scratch/cache"
export GLOSS_BINARY="$gloss" GLOSS_FIXTURE="$scratch/fixture.py"
timeout 50 "$nvim" --headless --clean -n -i NONE -c "luafile $test_dir/hover.lua"
