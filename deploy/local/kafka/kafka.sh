# shellcheck shell=bash
# Kafka (KRaft) for deploy/local/stack.sh: jars from Maven Central (pom.xml next to this file), config rendered from
# deploy/config/kafka/server.properties. Defines kafka_up, kafka_down, kafka_status and kafka_tool.
#
# The stack runs KAFKA_NODES=1 node that is broker and controller. Everything per node goes through kafka_node <n>
# (node id, ports, data dir, pid name); a multi-broker stack (issue 12) raises the count, loops over the nodes, and
# gives the template every node in QUORUM_VOTERS and a replication above 1.

KAFKA_VERSION=${PLACEBO_KAFKA_VERSION:-3.9.1}
KAFKA_PORT=${PLACEBO_KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${PLACEBO_KAFKA_CONTROLLER_PORT:-9093}
KAFKA_DATA_DIR=${PLACEBO_KAFKA_DATA_DIR:-$STATE/kafka/data}
KAFKA_HEAP=${PLACEBO_KAFKA_HEAP:-512m}
KAFKA_AUTO_CREATE_TOPICS=${PLACEBO_KAFKA_AUTO_CREATE_TOPICS:-false}
KAFKA_TIMEOUT=${PLACEBO_KAFKA_TIMEOUT:-120}
KAFKA_NODES=1

KAFKA_HOME=$STATE/kafka
KAFKA_LIB=$KAFKA_HOME/lib-$KAFKA_VERSION
KAFKA_LOG=$LOGS/kafka.log

# per-node settings: KN_ID KN_NAME (pid file, log) KN_MARK (cmdline marker) KN_PORT KN_CONTROLLER_PORT KN_DATA KN_CONF
kafka_node() { # n (1-based)
  (($1 >= 1 && $1 <= KAFKA_NODES)) || die "kafka: no node $1 (KAFKA_NODES=$KAFKA_NODES)"
  KN_ID=$1
  KN_NAME=kafka
  KN_PORT=$KAFKA_PORT
  KN_CONTROLLER_PORT=$KAFKA_CONTROLLER_PORT
  KN_DATA=$KAFKA_DATA_DIR
  KN_MARK="-Dplacebo.stack=$KN_NAME"
  KN_CONF=$KAFKA_HOME/config/server.properties
}

kafka_quorum_voters() { echo "1@$HOST:$KAFKA_CONTROLLER_PORT"; }

kafka_config() { # renders the current node's server.properties and the log4j files
  mkdir -p "$KAFKA_HOME/config" "$KN_DATA"
  render kafka/server.properties "$KN_CONF" NODE_ID="$KN_ID" QUORUM_VOTERS="$(kafka_quorum_voters)" \
    LISTEN_HOST="$HOST" ADVERTISED_HOST="$HOST" PORT="$KN_PORT" CONTROLLER_PORT="$KN_CONTROLLER_PORT" \
    DATA_DIR="$KN_DATA" REPLICATION="$KAFKA_NODES" MIN_ISR=1 AUTO_CREATE_TOPICS="$KAFKA_AUTO_CREATE_TOPICS"
  render kafka/log4j.properties "$KAFKA_HOME/config/log4j.properties"
  render kafka/tools-log4j.properties "$KAFKA_HOME/config/tools-log4j.properties"
}

# runs a Kafka command-line tool (TopicCommand, StorageTool, ...) on the installed classpath
kafka_tool() { # main-class args...
  "$JAVA" -Xmx192m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
    -Dlog4j.configuration="file:$KAFKA_HOME/config/tools-log4j.properties" \
    -cp "$KAFKA_LIB/*" "$@"
}

kafka_format() { # formats the current node's storage once (one cluster id for all nodes)
  local cid
  [[ -f $KN_DATA/meta.properties ]] && return 0
  if [[ -f $KAFKA_HOME/cluster-id ]]; then cid=$(<"$KAFKA_HOME/cluster-id"); else
    cid=$(kafka_tool kafka.tools.StorageTool random-uuid | tail -n 1)
    echo "$cid" >"$KAFKA_HOME/cluster-id"
  fi
  log "kafka: formatting storage (cluster id $cid)"
  kafka_tool kafka.tools.StorageTool format -t "$cid" -c "$KN_CONF" >>"$LOGS/kafka-format.log" 2>&1 ||
    fail_start kafka "$LOGS/kafka-format.log" "storage format failed"
}

kafka_ready() {
  port_open "$KN_PORT" || return 1
  kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$HOST:$KN_PORT" --list \
    >"$RUN/kafka-ready.out" 2>&1
}
kafka_alive() { pid_of "$KN_NAME" "$KN_MARK" >/dev/null; }
kafka_waited() { echo "last check: $(tail -n 3 "$RUN/kafka-ready.out" 2>/dev/null | tr '\n' ' ')"; }

kafka_up() {
  local pid
  kafka_node 1
  if pid=$(pid_of "$KN_NAME" "$KN_MARK"); then
    log "kafka already running (pid $pid)"
    return 0
  fi
  check_port_free kafka "$KN_PORT"
  check_port_free kafka "$KN_CONTROLLER_PORT"
  mvn_classpath kafka "$HERE/kafka/pom.xml" "$KAFKA_LIB" -Dkafka.version="$KAFKA_VERSION"
  kafka_config
  kafka_format
  log "kafka: starting on $HOST:$KN_PORT (controller $KN_CONTROLLER_PORT)"
  spawn "$KN_NAME" "$KAFKA_LOG" "$JAVA" "$KN_MARK" -Xmx"$KAFKA_HEAP" -Xms"$KAFKA_HEAP" -XX:+UseG1GC \
    -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true -Djava.net.preferIPv4Stack=true \
    -Dlog4j.configuration="file:$KAFKA_HOME/config/log4j.properties" -Dkafka.logs.dir="$LOGS" \
    -cp "$KAFKA_LIB/*" kafka.Kafka "$KN_CONF"
  await_ready kafka "$KAFKA_LOG" "$KAFKA_TIMEOUT" 1
}

kafka_down() {
  kafka_node 1
  stop_pid "$KN_NAME" "$KN_MARK"
}

kafka_status() {
  kafka_node 1
  process_status kafka "$KN_NAME" "$KN_MARK" "$KN_PORT" kafka_port_open controller_port="$KN_CONTROLLER_PORT"
}
kafka_port_open() { port_open "$KN_PORT"; }
