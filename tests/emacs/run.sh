#!/usr/bin/env bash
# Runs hover.el in batch Emacs: eglot drives the gloss binary.
# Usage: run.sh EMACS GLOSS TEST_DIR
set -euo pipefail
emacs="$1" gloss="$2" test_dir="$3"
# Emacs runs the server from the project directory: make a relative path absolute.
if [[ $gloss == */* ]]; then gloss="$(realpath -- "$gloss")"; fi
command -v -- "$gloss" >/dev/null || { echo "FAIL: cannot run the gloss binary '$gloss'" >&2; exit 1; }
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/project" "$scratch/home"
cp "$test_dir/fixture.py" "$scratch/project/fixture.py"
# Keep Emacs's and Gloss's state out of the user's home. --batch skips the
# init file but still loads the site files, which is where Debian's elpa-eglot
# puts itself on the load-path.
export HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data" \
  XDG_STATE_HOME="$scratch/state" XDG_CACHE_HOME="$scratch/cache"
export GLOSS_BINARY="$gloss" GLOSS_FIXTURE="$scratch/project/fixture.py"
status=0
timeout 50 "$emacs" --batch -l "$test_dir/hover.el" || status=$?
if [[ $status -eq 124 ]]; then echo "FAIL: Emacs did not finish within 50 seconds" >&2; fi
exit "$status"
