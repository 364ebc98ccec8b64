#!/usr/bin/env bash
# Placebo local infrastructure stack without Docker.
#
#   deploy/local/stack.sh up     [service...]   start (idempotent), wait for readiness
#   deploy/local/stack.sh down   [service...]   stop what this script started (pid files)
#   deploy/local/stack.sh status [service...]   one JSON line per service (per node for kafka3, rediscluster)
#   deploy/local/stack.sh smoke                 end-to-end checks (WebHDFS, Presto on HDFS)
#   deploy/local/stack.sh sql "SELECT 1"        run one statement through Presto's REST API
#   deploy/local/stack.sh kill  <node>          SIGKILL one node (kafka3-2, rediscluster-7001, kafka, redis)
#   deploy/local/stack.sh start <node>          start that node again with its data, wait until it is up
#   deploy/local/stack.sh env [single|multi]    the PLACEBO_* settings of a Placebo process for that stack
#   deploy/local/stack.sh kafka-tool <MainClass> [args...]   a Kafka CLI tool on the stack's classpath
#
# Services: redis kafka hdfs presto (the default, started in that order), and the multi-node kafka3 (3 KRaft
# brokers+controllers) and rediscluster (6 Redis Cluster nodes), started only when named or with
# `up --kafka-brokers 3 --redis-cluster 3` (= the default services with kafka3 and rediscluster instead); `all` = all six.
# Everything runtime lives under $PLACEBO_STACK_DIR (default ~/.cache/placebo-stack),
# never in the git tree. Artifacts come from Maven Central via the poms next to the
# service scripts and are cached in ~/.m2. See README.md next to this file.
#
# This file only dispatches: common.sh holds the shared helpers, <service>/<service>.sh defines
# <service>_up, <service>_down and <service>_status, and deploy/config/ the config templates.
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ALL_SERVICES=(redis rediscluster kafka kafka3 hdfs presto) # start order (stopped in reverse)
DEFAULT_SERVICES=(redis kafka hdfs presto)

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
  sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
}

cmd=${1:-}
[[ -n $cmd ]] || usage
shift
mkdir -p "$LOGS" "$RUN"

case $cmd in
  sql)
    [[ $# -eq 1 ]] || die 'usage: stack.sh sql "SELECT ..."'
    presto_sql "$1"
    exit
    ;;
  kill | start)
    [[ $# -eq 1 ]] || die "usage: stack.sh $cmd <node> (kafka3-1..3, rediscluster-7001..7006, kafka, redis)"
    case $1 in
      kafka) "kafka_node_$cmd" kafka 1 ;;
      kafka3-[1-3]) "kafka_node_$cmd" kafka3 "${1#kafka3-}" ;;
      redis) if [[ $cmd == start ]]; then redis_up; else die "kill redis: not supported (it may be an external Redis)"; fi ;;
      rediscluster-*)
        p=${1#rediscluster-}
        redis_cluster rediscluster
        if ! [[ $p =~ ^[0-9]+$ ]] || ((p < REDISCLUSTER_PORT || p >= REDISCLUSTER_PORT + REDIS_NODES)); then die "unknown node '$1'"; fi
        "redis_node_$cmd" rediscluster "$p"
        ;;
      *) die "unknown node '$1' (known: kafka3-1..3, rediscluster-$REDISCLUSTER_PORT..$((REDISCLUSTER_PORT + 5)), kafka, redis)" ;;
    esac
    exit
    ;;
  env)
    case ${1:-single} in
      single)
        echo "PLACEBO_KAFKA_BROKERS=$HOST:$KAFKA_PORT"
        echo "PLACEBO_KAFKA_REPLICATION=1"
        echo "PLACEBO_REDIS_URL=redis://$HOST:$REDIS_PORT/0"
        ;;
      multi)
        kafka_cluster kafka3
        echo "PLACEBO_KAFKA_BROKERS=$(kafka_bootstrap "${KC_NODES[@]}")"
        echo "PLACEBO_KAFKA_REPLICATION=$KC_REPLICATION"
        seeds=()
        for ((i = 0; i < REDISCLUSTER_MASTERS; i++)); do seeds+=("$HOST:$((REDISCLUSTER_PORT + i))"); done
        echo "PLACEBO_REDIS_URL=redis+cluster://$(IFS=,; echo "${seeds[*]}")"
        ;;
      *) die "usage: stack.sh env [single|multi]" ;;
    esac
    exit
    ;;
  kafka-tool)
    [[ $# -ge 1 ]] || die "usage: stack.sh kafka-tool <MainClass> [args...] (e.g. org.apache.kafka.tools.TopicCommand)"
    kafka_install
    kafka_tool_config
    kafka_tool "$@"
    exit
    ;;
esac

# services: the arguments, else the default set; --kafka-brokers 1|3 and --redis-cluster 3 swap in the multi-node ones
svcs=()
kafka_svc='' redis_svc=''
while (($#)); do
  case $1 in
    --kafka-brokers | --redis-cluster)
      [[ $# -ge 2 ]] || die "$1 needs a value"
      set -- "$1=$2" "${@:3}"
      continue
      ;;
    --kafka-brokers=1) kafka_svc=kafka ;;
    --kafka-brokers=3) kafka_svc=kafka3 ;;
    --kafka-brokers=*) die "--kafka-brokers: 1 or 3 (got ${1#*=})" ;;
    --redis-cluster=3) redis_svc=rediscluster ;;
    --redis-cluster=*) die "--redis-cluster: 3 masters (each with a replica) is the one cluster there is (got ${1#*=})" ;;
    -*) die "unknown option '$1'" ;;
    all) svcs+=("${ALL_SERVICES[@]}") ;;
    *) svcs+=("$1") ;;
  esac
  shift
done
((${#svcs[@]})) || svcs=("${DEFAULT_SERVICES[@]}")
for i in "${!svcs[@]}"; do
  case ${svcs[i]} in
    kafka) [[ -z $kafka_svc ]] || svcs[i]=$kafka_svc ;;
    redis) [[ -z $redis_svc ]] || svcs[i]=$redis_svc ;;
  esac
done
for s in "${svcs[@]}"; do
  [[ " ${ALL_SERVICES[*]} " == *" $s "* ]] || die "unknown service '$s' (known: ${ALL_SERVICES[*]})"
done

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
  *) usage ;;
esac
