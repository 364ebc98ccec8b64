#!/usr/bin/env bash
# Placebo local infrastructure stack without Docker.
#
#   deploy/local/stack.sh up     [service...]   start (idempotent), wait for readiness
#   deploy/local/stack.sh down   [service...]   stop what this script started (pid files)
#   deploy/local/stack.sh status [service...]   one JSON line per service
#   deploy/local/stack.sh smoke                 end-to-end checks (WebHDFS, Presto on HDFS)
#   deploy/local/stack.sh sql "SELECT 1"        run one statement through Presto's REST API
#
# Services: redis kafka hdfs presto (default: all, started in that order).
# Everything runtime lives under $PLACEBO_STACK_DIR (default ~/.cache/placebo-stack),
# never in the git tree. Artifacts come from Maven Central via the poms next to the
# service scripts and are cached in ~/.m2. See README.md next to this file.
#
# This file only dispatches: common.sh holds the shared helpers, <service>/<service>.sh defines
# <service>_up, <service>_down and <service>_status, and deploy/config/ the config templates.
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ALL_SERVICES=(redis kafka hdfs presto)

# shellcheck source=common.sh
. "$HERE/common.sh"
# shellcheck source=redis/redis.sh
. "$HERE/redis/redis.sh"
# shellcheck source=kafka/kafka.sh
. "$HERE/kafka/kafka.sh"
# shellcheck source=hdfs/hdfs.sh
. "$HERE/hdfs/hdfs.sh"
# shellcheck source=presto/presto.sh
. "$HERE/presto/presto.sh"
# shellcheck source=smoke.sh
. "$HERE/smoke.sh"

usage() {
  sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
}

cmd=${1:-}
[[ -n $cmd ]] || usage
shift
svcs=("$@")
((${#svcs[@]})) || svcs=("${ALL_SERVICES[@]}")
if [[ $cmd != sql ]]; then
  for s in "${svcs[@]}"; do
    case $s in redis | kafka | hdfs | presto) ;; *) die "unknown service '$s' (known: ${ALL_SERVICES[*]})" ;; esac
  done
fi
mkdir -p "$LOGS" "$RUN"

want() { [[ " ${svcs[*]} " == *" $1 "* ]]; }
each() { # verb [reverse]: runs <service>_<verb> for the wanted services, in start order or reversed
  local i s n=${#ALL_SERVICES[@]}
  for ((i = 0; i < n; i++)); do
    if [[ ${2:-} == reverse ]]; then s=${ALL_SERVICES[n - 1 - i]}; else s=${ALL_SERVICES[i]}; fi
    if want "$s"; then "${s}_$1"; fi
  done
}

case $cmd in
  up) each up && each status ;;
  down) each down reverse ;;
  status) each status ;;
  smoke) smoke ;;
  sql)
    [[ ${#svcs[@]} -eq 1 ]] || die 'usage: stack.sh sql "SELECT ..."'
    presto_sql "${svcs[0]}"
    ;;
  *) usage ;;
esac
