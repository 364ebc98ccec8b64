# shellcheck shell=bash
# Redis for deploy/local/stack.sh: Debian's redis-server (installed with apt only when missing), AOF on. A Redis that
# already answers on the port is used as is ("state":"external") and never stopped. Defines redis_up, redis_down,
# redis_status.
#
# REDIS_NODES=1 server today; everything per node goes through redis_node <n>, so a Redis Cluster (issue 12) raises
# the count, starts each node with --cluster-enabled yes and joins them with redis-cli --cluster create.

REDIS_PORT=${PLACEBO_REDIS_PORT:-6379}
REDIS_DATA_DIR=${PLACEBO_REDIS_DATA_DIR:-$STATE/redis}
REDIS_TIMEOUT=${PLACEBO_REDIS_TIMEOUT:-20}
REDIS_NODES=1

# per-node settings: RN_NAME (pid file, log) RN_PORT RN_DATA RN_MARK (cmdline marker: redis-server shows host:port)
redis_node() { # n (1-based)
  (($1 >= 1 && $1 <= REDIS_NODES)) || die "redis: no node $1 (REDIS_NODES=$REDIS_NODES)"
  RN_NAME=redis
  RN_PORT=$REDIS_PORT
  RN_DATA=$REDIS_DATA_DIR
  RN_MARK="$HOST:$RN_PORT"
}

redis_ping() { [[ $(timeout 2 redis-cli -h "$HOST" -p "$RN_PORT" ping 2>/dev/null) == PONG ]]; }

redis_up() {
  local pid t0
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
  if ! command -v redis-server >/dev/null; then
    log "redis: installing Debian package redis-server"
    { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y redis-server; } >"$LOGS/apt-redis.log" 2>&1 ||
      die "apt-get install redis-server failed (see $LOGS/apt-redis.log)"
  fi
  mkdir -p "$RN_DATA" "$RUN" "$LOGS"
  log "redis: starting on $HOST:$RN_PORT (data $RN_DATA)"
  t0=$(now)
  redis-server --bind "$HOST" --port "$RN_PORT" --appendonly yes --dir "$RN_DATA" \
    --daemonize yes --pidfile "$RUN/$RN_NAME.pid" --logfile "$LOGS/$RN_NAME.log" --save '' ||
    fail_start redis "$LOGS/$RN_NAME.log" "redis-server failed to start"
  while ! redis_ping; do
    (($(now) - t0 < REDIS_TIMEOUT)) || fail_start redis "$LOGS/$RN_NAME.log" "no PONG after ${REDIS_TIMEOUT}s"
    sleep 0.2
  done
  log "redis: ready in $(($(now) - t0))s"
}

redis_down() {
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
  redis_node 1
  if pid=$(pid_of "$RN_NAME" "$RN_MARK"); then json_line service=redis state=up pid="$pid" port="$RN_PORT"
  elif redis_ping; then json_line service=redis state=external port="$RN_PORT"
  else json_line service=redis state=down port="$RN_PORT"; fi
}
