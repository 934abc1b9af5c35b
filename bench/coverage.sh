#!/usr/bin/env bash
# Times `gloss coverage` over real code installed on the machine, median of
# 3 runs. Usage: bench/coverage.sh [PATH…]  (default: the Python standard
# library; try /usr/include for millions of lines of C and C++ headers).
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
gloss="${GLOSS:-$repo_root/build/gloss}"
paths=("$@")
if ((${#paths[@]} == 0)); then
  paths=(/usr/lib/python3.*[0-9])
fi
times=()
for run in 1 2 3; do
  start=$(date +%s%N)
  summary=$("$gloss" coverage --top 1 "${paths[@]}" | head -1)
  end=$(date +%s%N)
  times+=("$(((end - start) / 1000000))")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
echo "$summary"
echo "median of 3 runs: ${median} ms on $(nproc) cores (runs, ms: ${times[*]})"
