#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks to build and test Gloss:
# the apt packages below, then `npm ci --ignore-scripts` in parsers/ for the
# tree-sitter runtime and grammars. Run by scripts/build (and so by the
# README's two commands); safe to run by hand.
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

# The grammars ship their C sources in npm packages; the lock file pins them.
parsers_dir="$repo_root/parsers"
stamp="$parsers_dir/node_modules/.gloss-lock-stamp"
if [[ ! -f "$stamp" ]] || ! cmp -s "$parsers_dir/package-lock.json" "$stamp"; then
  echo "install-deps: npm ci in parsers/"
  (cd "$parsers_dir" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  cp "$parsers_dir/package-lock.json" "$stamp"
fi
