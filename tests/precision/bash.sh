#!/usr/bin/env bash
# <- bash/shebang
#
# deploy.sh - back up the running release of a web application, roll a new
# build out to every host of an environment, and report per-host results.
#
# Usage: deploy.sh [-n] [-p PARALLEL] [-e ENV] ARCHIVE
set -euo pipefail
#        ^ bash/strict-mode

readonly SCRIPT_NAME="${0##*/}"
#^ bash/declare
#                        ^ bash/remove-prefix-suffix
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly SCRIPT_DIR
readonly APP_NAME="${APP_NAME:-shop}"
#                            ^ bash/default-value
readonly RELEASE_ROOT="/srv/${APP_NAME}/releases"
readonly BACKUP_ROOT="${BACKUP_ROOT:-/var/backups/${APP_NAME}}"
readonly KEEP_BACKUPS=5
readonly MIN_FREE_KB=$(( 2 * 1024 * 1024 ))
#                    ^ bash/arithmetic-expansion

dry_run=0
parallel=4
env_name="staging"
archive=""
tmp_dir=""
lock_dir="/tmp/${APP_NAME}-deploy.lock"
declare -a hosts=()
declare -A host_status=()
# <- bash/associative-array

# shellcheck source=lib/log.sh
source "$SCRIPT_DIR/lib/log.sh"
# <- bash/source

usage() {
  cat <<EOF
Usage: $SCRIPT_NAME [-n] [-p PARALLEL] [-e ENV] ARCHIVE

Deploys ARCHIVE (a .tar.gz build of $APP_NAME) to every host listed in
inventory/ENV.txt, after backing up the release that is running there.

  -n            dry run: only print the remote commands
  -p PARALLEL   hosts deployed at the same time (default: $parallel)
  -e ENV        target environment (default: $env_name)
EOF
# <- bash/here-document
}

die() {
  local code="${2:-1}"
# ^ bash/local
  log_error "$1"
  exit "$code"
# ^ bash/return-exit
}

cleanup() {
  local status=$?
  #            ^ bash/exit-status
  if [[ -n $tmp_dir && -d $tmp_dir ]]; then
# ^ bash/if-statement
  #  ^ bash/double-bracket-test
  #     ^ bash/string-tests
  #                    ^ bash/file-tests
    rm -rf -- "$tmp_dir"
#   ^ !bash/if-statement
  fi
  rmdir "$lock_dir" 2>/dev/null || true
  #                 ^ bash/fd-redirection
  #                             ^ bash/and-or-list
  (( status == 0 )) || log_error "deploy failed with status $status"
  #  ^ bash/arithmetic-command
}
trap cleanup EXIT
# <- bash/trap
trap 'log_error "interrupted"; exit 130' INT TERM
#    ^ bash/single-quotes

run() {
  if (( dry_run )); then
    printf '[dry-run] %s\n' "$*"
  else
    "$@"
    #^ bash/positional-parameters
  fi
}

parse_args() {
  local opt
  while getopts ":np:e:h" opt; do
# ^ bash/while-loop
  #     ^ bash/getopts
    case $opt in
#   ^ bash/case-statement
      n) dry_run=1 ;;
      #  ^ bash/variable-assignment
      p) parallel="$OPTARG" ;;
      e) env_name="${OPTARG,,}" ;;
      #                    ^ bash/case-modification
      h) usage; exit 0 ;;
      :) die "option -$OPTARG needs a value" 2 ;;
      *) die "unknown option -$OPTARG (see -h)" 2 ;;
    esac
  done
  shift $((OPTIND - 1))
  archive="${1:?missing ARCHIVE argument, see -h}"
  #           ^ bash/required-parameter
  [[ $parallel =~ ^[1-9][0-9]*$ ]] || die "-p expects a positive number, got '$parallel'" 2
  #            ^ bash/regex-match
}

acquire_lock() {
  local waited=0
  until mkdir "$lock_dir" 2>/dev/null; do
# ^ bash/while-loop
    if (( waited >= 60 )); then
      die "another deploy holds $lock_dir"
    fi
    sleep 5
#   ^ !bash/while-loop
    waited=$(( waited + 5 ))
  done
}

load_inventory() {
  local inventory="$SCRIPT_DIR/inventory/$env_name.txt"
  [[ -r $inventory ]] || die "no inventory for '$env_name': $inventory"
  local line
  while IFS= read -r line || [[ -n $line ]]; do
# ^ bash/while-read
  #          ^ bash/read
    line="${line%%#*}"
    line="${line//[[:space:]]/}"
    #           ^ bash/pattern-substitution
    [[ -z $line ]] && continue
    hosts+=("$line")
    #    ^ bash/indexed-array
  done < "$inventory"
  #    ^ bash/redirection
  (( ${#hosts[@]} > 0 )) || die "inventory $inventory lists no hosts"
  #    ^ bash/string-length
}

check_disk() {
  local free_kb use
  read -r free_kb use <<< "$(df -Pk "$BACKUP_ROOT" | awk 'NR == 2 {print $4, $5}')"
  #                   ^ bash/here-string
  #                        ^ bash/command-substitution
  #                                                ^ bash/pipeline
  if [ "$free_kb" -lt "$MIN_FREE_KB" ]; then
  #  ^ bash/single-bracket-test
  #               ^ bash/numeric-tests
    die "only ${free_kb} KB free in $BACKUP_ROOT ($use used)"
    #         ^ bash/variable-expansion
  fi
}

release_id() {
  local base="${archive##*/}"
  local rev
  rev="$(git -C "$SCRIPT_DIR" rev-parse HEAD 2>/dev/null || echo unknown)"
  echo "${base%.tar.gz}-$(date +%Y%m%d%H%M%S)-${rev:0:7}"
  #                                                ^ bash/substring
}

backup_current() {
# <- bash/function-definition
  local host="$1"
  local target="$BACKUP_ROOT/$host/$(date +%F).tar.gz"
  #              ^ !bash/function-definition
  run ssh -n "$host" "mkdir -p '${target%/*}' && tar -czf '$target' -C /srv/$APP_NAME current" \
    > "$tmp_dir/logs/$host.backup.log" 2>&1
}

prune_backups() {
  local host="$1" count
  count=$(ssh -n "$host" "ls -1 $BACKUP_ROOT/$host" | wc -l)
  if (( count > KEEP_BACKUPS )); then
    log_info "$host: removing $(( count - KEEP_BACKUPS )) old backup(s)"
    run ssh -n "$host" "ls -1t $BACKUP_ROOT/$host/*.tar.gz | tail -n +$(( KEEP_BACKUPS + 1 )) | xargs -r rm --"
  fi
}

check_health() {
  local host="$1" attempt
  for (( attempt = 1; attempt <= 10; attempt++ )); do
# ^ bash/c-style-for
    if curl -fsS --max-time 3 "http://$host:8080/health" | grep -q '"status":"ok"'; then
      return 0
    fi
    sleep $(( attempt * 2 ))
#   ^ !bash/c-style-for
  done
  return 1
}

deploy_host() {
  local host="$1" release="$2"
  local dest="$RELEASE_ROOT/$release"
  backup_current "$host" || return 1
  run scp -q "$archive" "$host:/tmp/$release.tar.gz" || return 1
  run ssh "$host" bash -s -- "$dest" "$release" <<'REMOTE' &>> "$tmp_dir/logs/$host.deploy.log" || return 1
set -e
mkdir -p "$1"
tar -xzf "/tmp/$2.tar.gz" -C "$1"
ln -sfn "$1" "${1%/releases/*}/current"
sudo systemctl reload app
REMOTE
# <- bash/here-document
  check_health "$host"
}

deploy_all() {
  local release="$1" host
  declare -A pids=()
  for host in "${hosts[@]}"; do
# ^ bash/for-loop
  #              ^ bash/array-expansion
    deploy_host "$host" "$release" &
    #                              ^ bash/background-jobs
    pids[$host]=$!
    while (( $(jobs -rp | wc -l) >= parallel )); do
      wait -n || true
#     ^ bash/background-jobs
    done
  done
  for host in "${!pids[@]}"; do
    if wait "${pids[$host]}"; then
      host_status[$host]="ok"
      #                   ^ !bash/for-loop
    else
      host_status[$host]="failed"
    fi
  done
}

summarize() {
  local host failed=0
  local report="$tmp_dir/summary.txt"
  {
# ^ bash/brace-group
    echo "Deploy summary for $APP_NAME (${env_name^^})"
    for host in "${hosts[@]}"; do
      printf '  %-24s %s\n' "$host" "${host_status[$host]:-skipped}"
      [[ ${host_status[$host]:-} == ok ]] || failed=$(( failed + 1 ))
      #                          ^ bash/string-tests
    done
  } > "$report"
# ^ bash/brace-group
  cat "$report" >&2
  cat "$report" >> "$BACKUP_ROOT/deploy-history.log"
  return $failed
  #      ^ bash/unquoted-expansion
}

main() {
  parse_args "$@"
  [[ -f $archive ]] || die "archive not found: $archive"
  case "$archive" in
    *.tar.gz|*.tgz) ;;
    *) die "expected a .tar.gz archive, got .${archive##*.}" 2 ;;
  esac
  acquire_lock
# ^ !bash/function-definition
  load_inventory
  check_disk
  tmp_dir="$(mktemp -d "/tmp/${SCRIPT_NAME%.sh}.XXXXXX")"
  mkdir -p "$tmp_dir"/{logs,state}
  #                    ^ bash/brace-expansion
  export DEPLOY_ENV="$env_name"
# ^ bash/export
  local release
  release="$(release_id)"
  log_info "deploying $release to ${#hosts[@]} host(s): ${hosts[*]}"
  deploy_all "$release"
  if ! summarize; then
    log_error "some hosts failed; logs kept in $BACKUP_ROOT"
    cp -r "$tmp_dir/logs" "$BACKUP_ROOT/logs-$release" || true
    exit 1
  fi
  while read -r host; do
    prune_backups "$host"
  done < <(printf '%s\n' "${hosts[@]}")
  #      ^ bash/process-substitution
  (cd "$BACKUP_ROOT" && ls -1t deploy-history.log* | tail -n +4 | xargs -r rm --)
# ^ bash/subshell
  log_info "done: $release is live on all hosts"
}

main "$@"
# <- !bash/function-definition
