#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks to build and test Gloss:
# the apt packages below, then the npm packages: the tree-sitter runtime and
# grammars (parsers/), the VS Code extension's tools (vscode-client/) and its
# end-to-end test's code-server and playwright-core (vscode-client/e2e/).
# Run by scripts/build (and so by the README's two commands); safe to run by hand.
# Idempotent: every step checks first and does nothing when already satisfied.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

apt_packages=(
  build-essential cmake pkg-config ca-certificates
  libboost-dev nlohmann-json3-dev libyaml-cpp-dev libcli11-dev libre2-dev libtoml11-dev
  googletest libgtest-dev libgmock-dev libbenchmark-dev
  nodejs npm
  neovim
  emacs-nox
  elpa-eglot
  clang libclang-rt-14-dev
  chromium libkrb5-dev libxkbfile-dev libsecret-1-dev python3
)

missing=()
for package in "${apt_packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    # A tool that is already on PATH (e.g. a newer Node than Debian's) counts as present.
    case "$package" in
      nodejs) command -v node >/dev/null && continue ;;
      npm) command -v npm >/dev/null && continue ;;
      cmake) command -v cmake >/dev/null && continue ;;
    esac
    missing+=("$package")
  fi
done

if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  sudo_cmd=()
  if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# `npm ci` in a folder, once per version of its lock file (a stamp remembers).
npm_ci_once() {
  local dir="$1"
  local stamp="$dir/node_modules/.gloss-lock-stamp"
  if [[ ! -f "$stamp" ]] || ! cmp -s "$dir/package-lock.json" "$stamp"; then
    echo "install-deps: npm ci in ${dir#"$repo_root"/}/"
    (cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
    cp "$dir/package-lock.json" "$stamp"
  fi
}

# The grammars ship their C sources in npm packages; the lock file pins them.
npm_ci_once "$repo_root/parsers"
# The VS Code extension: vscode-languageclient, esbuild, @vscode/vsce.
npm_ci_once "$repo_root/vscode-client"
# The peers bench/run measures Gloss against: pyright, bash-language-server, ast-grep.
npm_ci_once "$repo_root/bench"
# Its end-to-end test: code-server (its postinstall builds native modules
# with a Node 24 from npm, so it has its own installer) and playwright-core.
"$repo_root/vscode-client/e2e/install.sh"
