# shellcheck shell=bash
# Redis for deploy/local/stack.sh: Debian's redis-server (installed with apt only when missing). Defines the services
# redis (one server, AOF on; a Redis that already answers on the port is used as is, "state":"external", and never
# stopped) and rediscluster (a Redis Cluster of 6 nodes, 3 masters with one replica each), their _up, _down and
# _status, and redis_node_kill / redis_node_start (one node, for fault drills).
#
# redis_cluster <redis|rediscluster> selects the service the functions below act on; everything per node goes through
# redis_node <n>.

REDIS_PORT=${PLACEBO_REDIS_PORT:-6379}
REDIS_DATA_DIR=${PLACEBO_REDIS_DATA_DIR:-$STATE/redis}
REDIS_TIMEOUT=${PLACEBO_REDIS_TIMEOUT:-20}

# rediscluster: node n on port REDISCLUSTER_PORT + n - 1 (7001..7006; cluster bus on port + 10000), data in
# $REDISCLUSTER_DIR/<port> (AOF and nodes.conf).
REDISCLUSTER_PORT=${PLACEBO_REDISCLUSTER_PORT:-7001}
REDISCLUSTER_DIR=${PLACEBO_REDISCLUSTER_DIR:-$STATE/rediscluster}
REDISCLUSTER_TIMEOUT=${PLACEBO_REDISCLUSTER_TIMEOUT:-60}
REDISCLUSTER_MASTERS=3
REDISCLUSTER_REPLICAS=1

# the selected service: RC_SVC REDIS_NODES RC_NODES (1..count) RC_ARGS (extra redis-server arguments)
redis_cluster() { # redis|rediscluster
  RC_SVC=$1
  case $1 in
    redis)
      REDIS_NODES=1
      RC_ARGS=()
      ;;
    rediscluster)
      REDIS_NODES=$((REDISCLUSTER_MASTERS * (1 + REDISCLUSTER_REPLICAS)))
      RC_ARGS=(--cluster-enabled yes --cluster-config-file nodes.conf --cluster-node-timeout 2000 --appendfsync everysec)
      ;;
    *) die "redis: no service '$1'" ;;
  esac
  mapfile -t RC_NODES < <(seq 1 "$REDIS_NODES")
}
redis_cluster redis

# per-node settings: RN_NAME (pid file, log) RN_PORT RN_DATA RN_MARK (cmdline marker: redis-server shows host:port)
redis_node() { # n (1-based)
  (($1 >= 1 && $1 <= REDIS_NODES)) || die "$RC_SVC: no node $1 (REDIS_NODES=$REDIS_NODES)"
  if [[ $RC_SVC == redis ]]; then
    RN_NAME=redis
    RN_PORT=$REDIS_PORT
    RN_DATA=$REDIS_DATA_DIR
  else
    RN_PORT=$((REDISCLUSTER_PORT + $1 - 1))
    RN_NAME=$RC_SVC-$RN_PORT
    RN_DATA=$REDISCLUSTER_DIR/$RN_PORT
  fi
  RN_MARK="$HOST:$RN_PORT"
}

redis_cli() { timeout 5 redis-cli -h "$HOST" -p "$RN_PORT" "$@"; } # on the current node
redis_ping() { [[ $(timeout 2 redis-cli -h "$HOST" -p "$RN_PORT" ping 2>/dev/null) == PONG ]]; }

redis_install() {
  command -v redis-server >/dev/null && command -v redis-cli >/dev/null && return 0
  mkdir -p "$LOGS"
  log "redis: installing Debian package redis-server"
  { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y redis-server; } >"$LOGS/apt-redis.log" 2>&1 ||
    die "apt-get install redis-server failed (see $LOGS/apt-redis.log)"
}

redis_spawn() { # starts the current node (daemonized, it writes its pid file) and waits for PONG
  local t0
  mkdir -p "$RN_DATA" "$RUN" "$LOGS"
  log "$RN_NAME: starting on $HOST:$RN_PORT (data $RN_DATA)"
  t0=$(now)
  redis-server --bind "$HOST" --port "$RN_PORT" --appendonly yes --dir "$RN_DATA" \
    --daemonize yes --pidfile "$RUN/$RN_NAME.pid" --logfile "$LOGS/$RN_NAME.log" --save '' "${RC_ARGS[@]}" ||
    fail_start "$RN_NAME" "$LOGS/$RN_NAME.log" "redis-server failed to start"
  while ! redis_ping; do
    (($(now) - t0 < REDIS_TIMEOUT)) || fail_start "$RN_NAME" "$LOGS/$RN_NAME.log" "no PONG after ${REDIS_TIMEOUT}s"
    sleep 0.2
  done
  log "$RN_NAME: ready in $(($(now) - t0))s"
}

redis_up() {
  local pid
  redis_cluster redis
  redis_node 1
  if pid=$(pid_of "$RN_NAME" "$RN_MARK"); then
    log "redis already running (pid $pid)"
    return 0
  fi
  if redis_ping; then
    log "redis: something already answers PING on $HOST:$RN_PORT, using it (external)"
    return 0
  fi
  check_port_free redis "$RN_PORT"
  redis_install
  redis_spawn
}

redis_down() {
  redis_cluster redis
  redis_node 1
  if pid_of "$RN_NAME" "$RN_MARK" >/dev/null; then
    stop_pid "$RN_NAME" "$RN_MARK"
  elif redis_ping; then
    log "redis on $HOST:$RN_PORT was not started by this script; leaving it alone"
  fi
  rm -f "$RUN/$RN_NAME.pid"
}

redis_status() {
  local pid
  redis_cluster redis
  redis_node 1
  if pid=$(pid_of "$RN_NAME" "$RN_MARK"); then json_line service=redis state=up pid="$pid" port="$RN_PORT"
  elif redis_ping; then json_line service=redis state=external port="$RN_PORT"
  else json_line service=redis state=down port="$RN_PORT"; fi
}

# ---------------------------------------------------------------- rediscluster

rc_info() { redis_cli cluster info 2>/dev/null | tr -d '\r' | sed -n "s/^$1://p"; } # field of the current node's CLUSTER INFO

# Readiness is checked for the nodes in RC_WAIT (all of them after up, the one started by redis_node_start), the alive
# check and the stop after a timeout for RC_STARTED (the nodes this run started).
RC_WAIT=()
RC_STARTED=()
RC_STARTING=0

# Ready: each waited-for node answers, and every node that answers (a node killed on purpose may stay down) says
# cluster_state:ok and has the same view in CLUSTER NODES: 3 masters, not failed, own all 16384 slots, and no answering
# node is flagged fail or pfail. (A node restarted from its nodes.conf first says ok with its old view, e.g. that it
# is still a master; it is ready once its view agrees with the others'.) Writes what it saw to
# $RUN/rediscluster-ready.out.
rediscluster_ready() {
  local n out=$RUN/rediscluster-ready.out live=() view first=''
  redis_cluster rediscluster
  for n in "${RC_WAIT[@]}"; do
    redis_node "$n"
    redis_ping || { echo "$RN_NAME: no PONG" >"$out"; return 1; }
  done
  for n in "${RC_NODES[@]}"; do
    redis_node "$n"
    if redis_ping; then live+=("$RN_PORT"); fi
  done
  for RN_PORT in "${live[@]}"; do
    [[ $(rc_info cluster_state) == ok ]] || { echo "$RN_PORT: cluster_state:$(rc_info cluster_state)" >"$out"; return 1; }
    # the view: "<master id> <slot ranges>" sorted, then a check line
    view=$(redis_cli cluster nodes 2>/dev/null | tr -d '\r' | awk -v want="$REDISCLUSTER_MASTERS" -v live=" ${live[*]} " '
      { split($2, a, "[:@]") }
      $3 ~ /fail/ && index(live, " " a[2] " ") { bad = bad " " a[2] "(" $3 ")" }
      $3 ~ /master/ && $3 !~ /fail/ && NF > 8 {
        m++; r = ""
        for (i = 9; i <= NF; i++) {
          if ($i ~ /^\[/) continue
          k = split($i, x, "-"); s += (k == 2 ? x[2] - x[1] + 1 : 1); r = r " " $i
        }
        print $1 r | "sort"
      }
      END {
        close("sort")
        ok = (m == want && s == 16384 && bad == "")
        printf "check %s: masters owning slots %d, slots %d, flagged%s\n", (ok ? "ok" : "no"), m, s, (bad == "" ? " none" : bad)
      }')
    printf '%s: %s\n' "$RN_PORT" "$(tail -n 1 <<<"$view")" >"$out"
    [[ $(tail -n 1 <<<"$view") == "check ok:"* ]] || return 1
    [[ -n $first ]] || first=$view
    [[ $view == "$first" ]] || { echo "$RN_PORT: its view of the masters differs from ${live[0]}'s" >>"$out"; return 1; }
  done
}
rediscluster_waited() { echo "last check: $(tr '\n' ' ' <"$RUN/rediscluster-ready.out" 2>/dev/null)"; }

rediscluster_alive() { # the nodes this run started still run
  local n
  redis_cluster rediscluster
  for n in "${RC_STARTED[@]}"; do
    redis_node "$n"
    pid_of "$RN_NAME" "$RN_MARK" >/dev/null || { echo "$RN_NAME exited"; return 1; }
  done
}

rediscluster_nodes_up() { # n...: starts those of the given nodes that are not running
  local n pid
  RC_WAIT=("$@")
  RC_STARTED=()
  RC_STARTING=1
  for n in "$@"; do
    redis_node "$n"
    if pid=$(pid_of "$RN_NAME" "$RN_MARK"); then
      log "$RN_NAME already running (pid $pid)"
      continue
    fi
    check_port_free "$RN_NAME" "$RN_PORT"
    check_port_free "$RN_NAME" $((RN_PORT + 10000))
    redis_install
    redis_spawn
    RC_STARTED+=("$n")
  done
}

# Starts the nodes that are not running (each from its own nodes.conf and AOF, so a restarted node rejoins), and joins
# them into a cluster once: only when every node is empty (knows no other node, owns no slot). A second up finds
# everything running and only checks readiness.
rediscluster_up() {
  local n fresh=0 joined=0 addrs=()
  redis_cluster rediscluster
  rediscluster_nodes_up "${RC_NODES[@]}"
  for n in "${RC_NODES[@]}"; do
    redis_node "$n"
    addrs+=("$HOST:$RN_PORT")
    if [[ $(rc_info cluster_known_nodes) == 1 && $(rc_info cluster_slots_assigned) == 0 ]]; then
      fresh=$((fresh + 1))
    else joined=$((joined + 1)); fi
  done
  if ((joined == 0)); then
    log "rediscluster: creating the cluster (${REDISCLUSTER_MASTERS} masters, ${REDISCLUSTER_REPLICAS} replica each)"
    timeout 60 redis-cli --cluster create "${addrs[@]}" --cluster-replicas "$REDISCLUSTER_REPLICAS" --cluster-yes \
      >"$LOGS/rediscluster-create.log" 2>&1 ||
      fail_start rediscluster "$LOGS/rediscluster-create.log" "redis-cli --cluster create failed"
  elif ((fresh > 0)); then
    die "rediscluster: $fresh node(s) have no cluster state while $joined belong to a cluster; start from scratch with" \
      "stack.sh down rediscluster && rm -rf $REDISCLUSTER_DIR"
  fi
  redis_node 1
  await_ready rediscluster "$LOGS/$RN_NAME.log" "$REDISCLUSTER_TIMEOUT" 0.5
}

rediscluster_down() { # all nodes; after a failed start only those that run started
  local n nodes stops=()
  redis_cluster rediscluster
  if ((RC_STARTING)); then nodes=("${RC_STARTED[@]}"); else mapfile -t nodes < <(printf '%s\n' "${RC_NODES[@]}" | tac); fi
  for n in "${nodes[@]}"; do
    redis_node "$n"
    stop_pid "$RN_NAME" "$RN_MARK" &
    stops+=($!)
  done
  wait "${stops[@]}"
}

rediscluster_status() { # one line per node: state, pid, port, role (master/slave), cluster_state as the node sees it
  local n pid st
  redis_cluster rediscluster
  for n in "${RC_NODES[@]}"; do
    redis_node "$n"
    pid='' st=down
    if pid=$(pid_of "$RN_NAME" "$RN_MARK"); then
      st=starting
      if redis_ping; then st=up; fi
    elif port_open "$RN_PORT"; then st=foreign; fi
    if [[ $st == up ]]; then
      json_line service=rediscluster node="$RN_NAME" state=up pid="$pid" port="$RN_PORT" \
        role="$(redis_cli role 2>/dev/null | head -n 1 | tr -d '\r')" cluster_state="$(rc_info cluster_state)"
    else
      json_line service=rediscluster node="$RN_NAME" state=$st pid="$pid" port="$RN_PORT"
    fi
  done
}

# fault drills: SIGKILL one node / start it again from its data and wait until the cluster is ok again
redis_node_kill() { # service port
  local pid
  redis_cluster "$1"
  redis_node $(($2 - REDISCLUSTER_PORT + 1))
  pid=$(pid_of "$RN_NAME" "$RN_MARK") || die "$RN_NAME is not running"
  log "$RN_NAME: SIGKILL pid $pid"
  kill -KILL "$pid"
  while [[ -d /proc/$pid ]]; do sleep 0.1; done
  rm -f "$RUN/$RN_NAME.pid"
}
redis_node_start() { # service port
  local n
  redis_cluster "$1"
  n=$(($2 - REDISCLUSTER_PORT + 1))
  redis_node "$n"
  [[ -f $RN_DATA/nodes.conf ]] || die "$RN_NAME has no nodes.conf in $RN_DATA (never started: use stack.sh up rediscluster)"
  rediscluster_nodes_up "$n"
  await_ready rediscluster "$LOGS/$RN_NAME.log" "$REDISCLUSTER_TIMEOUT" 0.5
}
