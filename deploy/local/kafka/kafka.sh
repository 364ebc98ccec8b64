# shellcheck shell=bash
# Kafka (KRaft) for deploy/local/stack.sh: jars from Maven Central (pom.xml next to this file), config rendered from
# deploy/config/kafka/server.properties. Defines the services kafka (one node, broker and controller) and kafka3
# (three nodes, each broker and controller: a 3-voter quorum, replication 3, min ISR 2), their _up, _down and
# _status, kafka_node_kill / kafka_node_start (one node, for fault drills) and kafka_tool.
#
# kafka_cluster <kafka|kafka3> selects the cluster the functions below act on; everything per node goes through
# kafka_node <n> (node id, ports, data dir, config, pid name). Both clusters share the installed classpath.

KAFKA_VERSION=${PLACEBO_KAFKA_VERSION:-3.9.1}
KAFKA_PORT=${PLACEBO_KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${PLACEBO_KAFKA_CONTROLLER_PORT:-9093}
KAFKA_DATA_DIR=${PLACEBO_KAFKA_DATA_DIR:-$STATE/kafka/data}
KAFKA_HEAP=${PLACEBO_KAFKA_HEAP:-512m}
KAFKA_AUTO_CREATE_TOPICS=${PLACEBO_KAFKA_AUTO_CREATE_TOPICS:-false}
KAFKA_TIMEOUT=${PLACEBO_KAFKA_TIMEOUT:-120}

# kafka3: node n listens on KAFKA3_PORT + 2(n-1) (clients) and the port after it (controller): 9192/9193, 9194/9195,
# 9196/9197.
KAFKA3_PORT=${PLACEBO_KAFKA3_PORT:-9192}
KAFKA3_DIR=${PLACEBO_KAFKA3_DIR:-$STATE/kafka3}
KAFKA3_HEAP=${PLACEBO_KAFKA3_HEAP:-384m}
KAFKA3_TIMEOUT=${PLACEBO_KAFKA3_TIMEOUT:-180}

KAFKA_HOME=$STATE/kafka
KAFKA_LIB=$KAFKA_HOME/lib-$KAFKA_VERSION

# the selected cluster: KC_SVC KAFKA_NODES KC_NODES (1..count) KC_HOME (config dir, cluster-id) KC_HEAP KC_TIMEOUT KC_REPLICATION KC_MIN_ISR
kafka_cluster() { # kafka|kafka3
  KC_SVC=$1
  case $1 in
    kafka) KAFKA_NODES=1 KC_HOME=$KAFKA_HOME KC_HEAP=$KAFKA_HEAP KC_TIMEOUT=$KAFKA_TIMEOUT KC_REPLICATION=1 KC_MIN_ISR=1 ;;
    kafka3) KAFKA_NODES=3 KC_HOME=$KAFKA3_DIR KC_HEAP=$KAFKA3_HEAP KC_TIMEOUT=$KAFKA3_TIMEOUT KC_REPLICATION=3 KC_MIN_ISR=2 ;;
    *) die "kafka: no cluster '$1'" ;;
  esac
  mapfile -t KC_NODES < <(seq 1 "$KAFKA_NODES")
}
kafka_cluster kafka

# per-node settings: KN_ID KN_NAME (pid file, log) KN_MARK (cmdline marker) KN_PORT KN_CONTROLLER_PORT KN_DATA KN_CONF
# KN_LOG
kafka_node() { # n (1-based)
  (($1 >= 1 && $1 <= KAFKA_NODES)) || die "$KC_SVC: no node $1 (KAFKA_NODES=$KAFKA_NODES)"
  KN_ID=$1
  if [[ $KC_SVC == kafka ]]; then
    KN_NAME=kafka
    KN_PORT=$KAFKA_PORT
    KN_CONTROLLER_PORT=$KAFKA_CONTROLLER_PORT
    KN_DATA=$KAFKA_DATA_DIR
    KN_CONF=$KAFKA_HOME/config/server.properties
  else
    KN_NAME=$KC_SVC-$1
    KN_PORT=$((KAFKA3_PORT + 2 * ($1 - 1)))
    KN_CONTROLLER_PORT=$((KN_PORT + 1))
    KN_DATA=$KC_HOME/node-$1
    KN_CONF=$KC_HOME/config/node-$1.properties
  fi
  KN_MARK="-Dplacebo.stack=$KN_NAME"
  KN_LOG=$LOGS/$KN_NAME.log
}

# pid of the current node's JVM (the marker is matched with the space after it: kafka is a prefix of kafka3-1)
kafka_node_pid() { pid_of "$KN_NAME" "$KN_MARK "; }

kafka_quorum_voters() {
  local n v=()
  for n in "${KC_NODES[@]}"; do
    kafka_node "$n"
    v+=("$n@$HOST:$KN_CONTROLLER_PORT")
  done
  (IFS=,; echo "${v[*]}")
}

kafka_bootstrap() { # n...: host:port,host:port of those nodes of the selected cluster
  local n b=()
  for n in "$@"; do
    kafka_node "$n"
    b+=("$HOST:$KN_PORT")
  done
  (IFS=,; echo "${b[*]}")
}

kafka_config() { # renders the current node's server.properties and the log4j files
  local n=$KN_ID voters
  voters=$(kafka_quorum_voters)
  kafka_node "$n"
  mkdir -p "$KAFKA_HOME/config" "$(dirname "$KN_CONF")" "$KN_DATA"
  render kafka/server.properties "$KN_CONF" NODE_ID="$KN_ID" QUORUM_VOTERS="$voters" \
    LISTEN_HOST="$HOST" ADVERTISED_HOST="$HOST" PORT="$KN_PORT" CONTROLLER_PORT="$KN_CONTROLLER_PORT" \
    DATA_DIR="$KN_DATA" REPLICATION="$KC_REPLICATION" MIN_ISR="$KC_MIN_ISR" AUTO_CREATE_TOPICS="$KAFKA_AUTO_CREATE_TOPICS"
  render kafka/log4j.properties "$KAFKA_HOME/config/log4j.properties"
  kafka_tool_config
}
kafka_tool_config() { render kafka/tools-log4j.properties "$KAFKA_HOME/config/tools-log4j.properties"; }

kafka_install() { mvn_classpath kafka "$HERE/kafka/pom.xml" "$KAFKA_LIB" -Dkafka.version="$KAFKA_VERSION"; }

# runs a Kafka command-line tool (TopicCommand, StorageTool, ...) on the installed classpath
kafka_tool() { # main-class args...
  "$JAVA" -Xmx192m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
    -Dlog4j.configuration="file:$KAFKA_HOME/config/tools-log4j.properties" \
    -cp "$KAFKA_LIB/*" "$@"
}

kafka_format() { # formats the current node's storage once (one cluster id for all nodes of the cluster)
  local cid
  [[ -f $KN_DATA/meta.properties ]] && return 0
  mkdir -p "$KC_HOME"
  if [[ -f $KC_HOME/cluster-id ]]; then cid=$(<"$KC_HOME/cluster-id"); else
    cid=$(kafka_tool kafka.tools.StorageTool random-uuid | tail -n 1)
    echo "$cid" >"$KC_HOME/cluster-id"
  fi
  log "$KN_NAME: formatting storage (cluster id $cid)"
  kafka_tool kafka.tools.StorageTool format -t "$cid" -c "$KN_CONF" >>"$LOGS/$KC_SVC-format.log" 2>&1 ||
    fail_start "$KC_SVC" "$LOGS/$KC_SVC-format.log" "storage format of $KN_NAME failed"
}

kafka_spawn() { # starts the current node's JVM
  log "$KN_NAME: starting on $HOST:$KN_PORT (controller $KN_CONTROLLER_PORT, heap $KC_HEAP)"
  spawn "$KN_NAME" "$KN_LOG" "$JAVA" "$KN_MARK" -Xmx"$KC_HEAP" -Xms"$KC_HEAP" -XX:+UseG1GC \
    -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true -Djava.net.preferIPv4Stack=true \
    -Dlog4j.configuration="file:$KAFKA_HOME/config/log4j.properties" -Dkafka.logs.dir="$LOGS" \
    -cp "$KAFKA_LIB/*" kafka.Kafka "$KN_CONF"
}

# Readiness is checked for the nodes in KC_WAIT, the alive check and the stop after a timeout for KC_STARTED (the
# nodes this run started).
KC_WAIT=()
KC_STARTED=()

# One node: it answers on its port and TopicCommand --list through it succeeds. Several: each answers on its port and
# all of them are registered, unfenced brokers (BrokerApiVersionsCommand lists the brokers of the cluster's metadata
# and asks each of them for its API versions; a fenced or unreachable broker is missing or shows an error).
kafka_nodes_ready() {
  local n out=$RUN/$KC_SVC-ready.out
  for n in "${KC_WAIT[@]}"; do
    kafka_node "$n"
    port_open "$KN_PORT" || { echo "$KN_NAME: port $KN_PORT closed" >"$out"; return 1; }
  done
  if [[ $KC_SVC == kafka ]]; then
    kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$HOST:$KN_PORT" --list >"$out" 2>&1
    return
  fi
  kafka_tool kafka.admin.BrokerApiVersionsCommand --bootstrap-server "$(kafka_bootstrap "${KC_WAIT[@]}")" >"$out" 2>&1 ||
    return 1
  for n in "${KC_WAIT[@]}"; do
    kafka_node "$n"
    grep -q "^$HOST:$KN_PORT (id: $n rack: [^)]*) -> ($" "$out" || return 1
  done
}
kafka_nodes_alive() {
  local n
  for n in "${KC_STARTED[@]}"; do
    kafka_node "$n"
    kafka_node_pid >/dev/null || { echo "$KN_NAME exited during startup"; return 1; }
  done
}
kafka_nodes_waited() { echo "last check: $(tail -n 3 "$RUN/$KC_SVC-ready.out" 2>/dev/null | tr '\n' ' ')"; }
# All at once: stopped one after the other, the last node of a quorum waits in vain for a controller to ack its
# controlled shutdown (killed after 30 s, its logs then recovered on the next start).
kafka_nodes_stop() { # n...
  local n stops=()
  for n in "$@"; do
    kafka_node "$n"
    stop_pid "$KN_NAME" "$KN_MARK " &
    stops+=($!)
  done
  wait "${stops[@]}"
}

# starts the given nodes of the selected cluster that are not running (data formatted once), waits until all the
# given nodes are ready; nothing to start: returns at once
kafka_nodes_up() { # n...
  local n pid
  KC_WAIT=("$@")
  KC_STARTED=()
  for n in "$@"; do
    kafka_node "$n"
    if pid=$(kafka_node_pid); then
      log "$KN_NAME already running (pid $pid)"
      continue
    fi
    check_port_free "$KN_NAME" "$KN_PORT"
    check_port_free "$KN_NAME" "$KN_CONTROLLER_PORT"
    KC_STARTED+=("$n")
  done
  ((${#KC_STARTED[@]})) || return 0
  kafka_install
  for n in "${KC_STARTED[@]}"; do
    kafka_node "$n"
    kafka_config
    kafka_format
  done
  for n in "${KC_STARTED[@]}"; do
    kafka_node "$n"
    kafka_spawn
  done
  await_ready "$KC_SVC" "$KN_LOG" "$KC_TIMEOUT" 1
}

kafka_node_status() { # the current node's status line (kafka3): up when it runs and answers on its port
  local pid='' st=down
  if pid=$(kafka_node_pid); then
    st=starting
    if port_open "$KN_PORT"; then st=up; fi
  elif port_open "$KN_PORT"; then st=foreign; fi
  json_line service="$KC_SVC" node="$KN_NAME" state=$st pid="$pid" port="$KN_PORT" controller_port="$KN_CONTROLLER_PORT"
}

# fault drills: SIGKILL one node / start it again with its data and wait until it is a registered broker again
kafka_node_kill() { # cluster n
  local pid
  kafka_cluster "$1"
  kafka_node "$2"
  pid=$(kafka_node_pid) || die "$KN_NAME is not running"
  log "$KN_NAME: SIGKILL pid $pid"
  kill -KILL "$pid"
  while [[ -d /proc/$pid ]]; do sleep 0.1; done
  rm -f "$RUN/$KN_NAME.pid"
}
kafka_node_start() { # cluster n
  kafka_cluster "$1"
  kafka_nodes_up "$2"
}

# the await_ready hooks of both clusters
kafka_ready() { kafka_cluster kafka && kafka_nodes_ready; }
kafka_alive() { kafka_cluster kafka && kafka_nodes_alive; }
kafka_waited() { kafka_cluster kafka && kafka_nodes_waited; }
kafka3_ready() { kafka_cluster kafka3 && kafka_nodes_ready; }
kafka3_alive() { kafka_cluster kafka3 && kafka_nodes_alive; }
kafka3_waited() { kafka_cluster kafka3 && kafka_nodes_waited; }

kafka_up() {
  kafka_cluster kafka
  kafka_nodes_up 1
}
kafka3_up() {
  kafka_cluster kafka3
  kafka_nodes_up "${KC_NODES[@]}"
}

# stop: after a failed start only the nodes that run started, else all of them
kafka_down() {
  kafka_cluster kafka
  kafka_nodes_stop 1
}
kafka3_down() {
  kafka_cluster kafka3
  if ((${#KC_STARTED[@]})); then kafka_nodes_stop "${KC_STARTED[@]}"; else kafka_nodes_stop "${KC_NODES[@]}"; fi
}

kafka_status() {
  kafka_cluster kafka
  kafka_node 1
  process_status kafka "$KN_NAME" "$KN_MARK " "$KN_PORT" kafka_port_open controller_port="$KN_CONTROLLER_PORT"
}
kafka_port_open() { port_open "$KN_PORT"; }
kafka3_status() {
  local n
  kafka_cluster kafka3
  for n in "${KC_NODES[@]}"; do
    kafka_node "$n"
    kafka_node_status
  done
}
