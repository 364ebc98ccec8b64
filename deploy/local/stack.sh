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
# never in the git tree. Artifacts come from Maven Central via the poms next to
# this script and are cached in ~/.m2. See README.md next to this file.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ALL_SERVICES=(redis kafka hdfs presto)

# ---------------------------------------------------------------- settings
HOST=127.0.0.1
STATE=${PLACEBO_STACK_DIR:-$HOME/.cache/placebo-stack}
LOGS=$STATE/logs
RUN=$STATE/run

KAFKA_VERSION=${PLACEBO_KAFKA_VERSION:-3.9.1}
KAFKA_PORT=${PLACEBO_KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${PLACEBO_KAFKA_CONTROLLER_PORT:-9093}
KAFKA_DATA_DIR=${PLACEBO_KAFKA_DATA_DIR:-$STATE/kafka/data}
KAFKA_HEAP=${PLACEBO_KAFKA_HEAP:-512m}
KAFKA_AUTO_CREATE_TOPICS=${PLACEBO_KAFKA_AUTO_CREATE_TOPICS:-false}

HADOOP_VERSION=${PLACEBO_HADOOP_VERSION:-3.4.2}
HDFS_NAMENODE_PORT=${PLACEBO_HDFS_NAMENODE_PORT:-8020}
HDFS_NAMENODE_HTTP_PORT=${PLACEBO_HDFS_NAMENODE_HTTP_PORT:-9870}
HDFS_DATANODE_HTTP_PORT=${PLACEBO_HDFS_DATANODE_HTTP_PORT:-9864}
HDFS_DATANODE_HTTPS_PORT=${PLACEBO_HDFS_DATANODE_HTTPS_PORT:-9865}
HDFS_DATANODE_PORT=${PLACEBO_HDFS_DATANODE_PORT:-9866}
HDFS_DATANODE_IPC_PORT=${PLACEBO_HDFS_DATANODE_IPC_PORT:-9867}
HDFS_DATANODE_PROXY_PORT=${PLACEBO_HDFS_DATANODE_PROXY_PORT:-9869}
HDFS_NAME_DIR=${PLACEBO_HDFS_NAME_DIR:-$STATE/hdfs/name}
HDFS_DATA_DIR=${PLACEBO_HDFS_DATA_DIR:-$STATE/hdfs/data}
HDFS_HEAP=${PLACEBO_HDFS_HEAP:-512m}

PRESTO_VERSION=${PLACEBO_PRESTO_VERSION:-0.287}
PRESTO_PORT=${PLACEBO_PRESTO_PORT:-8090}
# Presto's internal Thrift (drift) task server: drift always binds it on 0.0.0.0 (no
# bind-address setting in 0.287), so at least its port is fixed instead of random.
PRESTO_THRIFT_PORT=${PLACEBO_PRESTO_THRIFT_PORT:-18080}
PRESTO_DATA_DIR=${PLACEBO_PRESTO_DATA_DIR:-$STATE/presto/data}
PRESTO_METASTORE_DIR=${PLACEBO_PRESTO_METASTORE_DIR:-$STATE/presto-metastore}
PRESTO_HEAP=${PLACEBO_PRESTO_HEAP:-1G}
# plugin dirs kept after unpacking (everything else is deleted to cut startup time)
PRESTO_PLUGINS=${PLACEBO_PRESTO_PLUGINS:-hive-hadoop2}

REDIS_PORT=${PLACEBO_REDIS_PORT:-6379}
REDIS_DATA_DIR=${PLACEBO_REDIS_DATA_DIR:-$STATE/redis}

# readiness timeouts (seconds); CPU is scarce, so they are generous
KAFKA_TIMEOUT=${PLACEBO_KAFKA_TIMEOUT:-120}
HDFS_TIMEOUT=${PLACEBO_HDFS_TIMEOUT:-180}
PRESTO_TIMEOUT=${PLACEBO_PRESTO_TIMEOUT:-420}
REDIS_TIMEOUT=${PLACEBO_REDIS_TIMEOUT:-20}

# ---------------------------------------------------------------- helpers
log() { printf '[stack %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

find_java17() {
  local c
  if [[ -n ${PLACEBO_JAVA_HOME:-} ]]; then echo "$PLACEBO_JAVA_HOME"; return; fi
  for c in /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/java-17-openjdk-* /usr/lib/jvm/*-17* /usr/lib/jvm/*17*; do
    if [[ -x $c/bin/java ]] && grep -q '^JAVA_VERSION="17' "$c/release" 2>/dev/null; then
      echo "$c"; return
    fi
  done
  return 1
}
JAVA_HOME=$(find_java17) || die "no JDK 17 found under /usr/lib/jvm (set PLACEBO_JAVA_HOME)"
export JAVA_HOME
JAVA=$JAVA_HOME/bin/java

# flags Hadoop needs on Java 17 (Presto has its own list in its jvm.config)
JDK17_OPENS=(
  -XX:+IgnoreUnrecognizedVMOptions
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
)

now() { date +%s; }

port_open() { timeout 1 bash -c "exec 3<>/dev/tcp/$HOST/$1" 2>/dev/null; }

# pid of a process we started, if it is alive and really ours (marker in its cmdline)
pid_of() { # name marker
  local f=$RUN/$1.pid pid
  [[ -f $f ]] || return 1
  pid=$(<"$f")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  [[ -r /proc/$pid/cmdline ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$2" || return 1
  echo "$pid"
}

# start a detached java process, write its pid file
spawn() { # name logfile cmd...
  local name=$1 logf=$2; shift 2
  mkdir -p "$RUN" "$LOGS"
  printf '\n===== %s start %s =====\n' "$name" "$(date -Is)" >>"$logf"
  setsid "$@" >>"$logf" 2>&1 </dev/null &
  echo $! >"$RUN/$name.pid"
}

fail_start() { # name logfile message
  local f
  for f in "$RUN/$1"*.pid; do # drop pid files of processes that are gone
    [[ -f $f && -d /proc/$(<"$f") ]] || rm -f "$f"
  done
  log "ERROR: $1: $3"
  log "----- last 40 lines of $2 -----"
  tail -n 40 "$2" >&2 || true
  log "-----"
  exit 1
}

stop_pid() { # name marker
  local pid i
  if pid=$(pid_of "$1" "$2"); then
    log "stopping $1 (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 60; i++)); do
      [[ -d /proc/$pid ]] || break
      sleep 0.5
    done
    if [[ -d /proc/$pid ]]; then
      log "$1 did not stop within 30s, sending KILL"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$RUN/$1.pid"
}

check_port_free() { # service port
  if port_open "$2"; then
    die "$1: port $HOST:$2 is already in use by a process this script did not start (see: ss -ltnp | grep :$2)"
  fi
}

mvn_fetch() { # name pom goal props...
  local name=$1 pom=$2 goal=$3; shift 3
  mkdir -p "$LOGS"
  log "$name: resolving artifacts with Maven (cached in ~/.m2), log: $LOGS/mvn-$name.log"
  local t0; t0=$(now)
  if ! mvn -B -f "$pom" "$goal" "$@" >"$LOGS/mvn-$name.log" 2>&1; then
    tail -n 30 "$LOGS/mvn-$name.log" >&2
    die "$name: maven failed (full log $LOGS/mvn-$name.log)"
  fi
  log "$name: artifacts ready in $(($(now) - t0))s"
}

json_line() { # key=value...  (integers unquoted, empty values omitted)
  local out="{" first=1 kv k v
  for kv in "$@"; do
    k=${kv%%=*}; v=${kv#*=}
    [[ -n $v ]] || continue
    [[ $first == 1 ]] || out+=","
    first=0
    if [[ $v =~ ^-?[0-9]+$ ]]; then out+="\"$k\":$v"; else out+="\"$k\":\"$v\""; fi
  done
  echo "$out}"
}

# ================================================================ kafka
KAFKA_HOME=$STATE/kafka
KAFKA_MARK="-Dplacebo.stack=kafka"
KAFKA_LOG=$LOGS/kafka.log

kafka_install() {
  local lib=$KAFKA_HOME/lib-$KAFKA_VERSION
  if [[ ! -f $lib/.complete ]]; then
    rm -rf "$lib.tmp"
    mvn_fetch kafka "$HERE/kafka/pom.xml" dependency:copy-dependencies \
      -Dkafka.version="$KAFKA_VERSION" -DoutputDir="$lib.tmp"
    touch "$lib.tmp/.complete"
    rm -rf "$lib"; mv "$lib.tmp" "$lib"
  fi
  KAFKA_LIB=$lib
}

kafka_config() {
  mkdir -p "$KAFKA_HOME/config" "$KAFKA_DATA_DIR"
  cat >"$KAFKA_HOME/config/server.properties" <<EOF
# generated by deploy/local/stack.sh -- edits are overwritten on every 'up'
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$HOST:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://$HOST:$KAFKA_PORT,CONTROLLER://$HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$HOST:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$KAFKA_DATA_DIR
num.partitions=1
default.replication.factor=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
min.insync.replicas=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=$KAFKA_AUTO_CREATE_TOPICS
num.network.threads=2
num.io.threads=4
EOF
  cat >"$KAFKA_HOME/config/log4j.properties" <<'EOF'
log4j.rootLogger=INFO, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.request.logger=WARN
log4j.logger.kafka.log.LogCleaner=WARN
log4j.logger.state.change.logger=WARN
log4j.logger.org.apache.kafka.clients=WARN
log4j.logger.org.apache.kafka.common.utils.AppInfoParser=WARN
EOF
  cat >"$KAFKA_HOME/config/tools-log4j.properties" <<'EOF'
log4j.rootLogger=WARN, stderr
log4j.appender.stderr=org.apache.log4j.ConsoleAppender
log4j.appender.stderr.layout=org.apache.log4j.PatternLayout
log4j.appender.stderr.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.appender.stderr.Target=System.err
EOF
}

kafka_tool() { # main-class args...
  "$JAVA" -Xmx192m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
    -Dlog4j.configuration="file:$KAFKA_HOME/config/tools-log4j.properties" \
    -cp "$KAFKA_LIB/*" "$@"
}

kafka_ready() {
  port_open "$KAFKA_PORT" || return 1
  kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$HOST:$KAFKA_PORT" --list \
    >"$RUN/kafka-ready.out" 2>&1
}

kafka_up() {
  local pid t0
  if pid=$(pid_of kafka "$KAFKA_MARK"); then log "kafka already running (pid $pid)"; return 0; fi
  check_port_free kafka "$KAFKA_PORT"
  check_port_free kafka "$KAFKA_CONTROLLER_PORT"
  kafka_install
  kafka_config
  if [[ ! -f $KAFKA_DATA_DIR/meta.properties ]]; then
    local cid
    if [[ -f $KAFKA_HOME/cluster-id ]]; then cid=$(<"$KAFKA_HOME/cluster-id")
    else cid=$(kafka_tool kafka.tools.StorageTool random-uuid | tail -n 1); echo "$cid" >"$KAFKA_HOME/cluster-id"; fi
    log "kafka: formatting storage (cluster id $cid)"
    kafka_tool kafka.tools.StorageTool format -t "$cid" -c "$KAFKA_HOME/config/server.properties" \
      >>"$LOGS/kafka-format.log" 2>&1 || fail_start kafka "$LOGS/kafka-format.log" "storage format failed"
  fi
  log "kafka: starting on $HOST:$KAFKA_PORT (controller $KAFKA_CONTROLLER_PORT)"
  t0=$(now)
  spawn kafka "$KAFKA_LOG" "$JAVA" "$KAFKA_MARK" -Xmx"$KAFKA_HEAP" -Xms"$KAFKA_HEAP" -XX:+UseG1GC \
    -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true -Djava.net.preferIPv4Stack=true \
    -Dlog4j.configuration="file:$KAFKA_HOME/config/log4j.properties" \
    -Dkafka.logs.dir="$LOGS" \
    -cp "$KAFKA_LIB/*" kafka.Kafka "$KAFKA_HOME/config/server.properties"
  while ! kafka_ready; do
    pid_of kafka "$KAFKA_MARK" >/dev/null || fail_start kafka "$KAFKA_LOG" "process exited during startup"
    (($(now) - t0 < KAFKA_TIMEOUT)) || { stop_pid kafka "$KAFKA_MARK"; fail_start kafka "$KAFKA_LOG" "not ready after ${KAFKA_TIMEOUT}s (last check: $(tail -n 3 "$RUN/kafka-ready.out" 2>/dev/null | tr '\n' ' '))"; }
    sleep 1
  done
  log "kafka: ready in $(($(now) - t0))s"
}

kafka_down() { stop_pid kafka "$KAFKA_MARK"; }

# ================================================================ hdfs
HDFS_HOME=$STATE/hdfs
HDFS_CONF=$HDFS_HOME/conf
NN_MARK="-Dplacebo.stack=hdfs-namenode"
DN_MARK="-Dplacebo.stack=hdfs-datanode"
NN_LOG=$LOGS/hdfs-namenode.log
DN_LOG=$LOGS/hdfs-datanode.log

hdfs_install() {
  local lib=$HDFS_HOME/lib-$HADOOP_VERSION
  if [[ ! -f $lib/.complete ]]; then
    rm -rf "$lib.tmp"
    mvn_fetch hdfs "$HERE/hdfs/pom.xml" dependency:copy-dependencies \
      -Dhadoop.version="$HADOOP_VERSION" -DoutputDir="$lib.tmp"
    touch "$lib.tmp/.complete"
    rm -rf "$lib"; mv "$lib.tmp" "$lib"
  fi
  HDFS_LIB=$lib
}

hdfs_config() {
  mkdir -p "$HDFS_CONF" "$HDFS_NAME_DIR" "$HDFS_DATA_DIR" "$HDFS_HOME/tmp"
  cat >"$HDFS_CONF/core-site.xml" <<EOF
<?xml version="1.0"?>
<!-- generated by deploy/local/stack.sh -->
<configuration>
  <property><name>fs.defaultFS</name><value>hdfs://$HOST:$HDFS_NAMENODE_PORT</value></property>
  <property><name>hadoop.tmp.dir</name><value>$HDFS_HOME/tmp</value></property>
  <property><name>hadoop.http.staticuser.user</name><value>$(id -un)</value></property>
</configuration>
EOF
  cat >"$HDFS_CONF/hdfs-site.xml" <<EOF
<?xml version="1.0"?>
<!-- generated by deploy/local/stack.sh -->
<configuration>
  <property><name>dfs.replication</name><value>1</value></property>
  <property><name>dfs.permissions.enabled</name><value>false</value></property>
  <property><name>dfs.webhdfs.enabled</name><value>true</value></property>
  <property><name>dfs.namenode.name.dir</name><value>file://$HDFS_NAME_DIR</value></property>
  <property><name>dfs.datanode.data.dir</name><value>file://$HDFS_DATA_DIR</value></property>
  <property><name>dfs.namenode.rpc-address</name><value>$HOST:$HDFS_NAMENODE_PORT</value></property>
  <property><name>dfs.namenode.http-address</name><value>$HOST:$HDFS_NAMENODE_HTTP_PORT</value></property>
  <property><name>dfs.datanode.hostname</name><value>$HOST</value></property>
  <property><name>dfs.datanode.address</name><value>$HOST:$HDFS_DATANODE_PORT</value></property>
  <property><name>dfs.datanode.http.address</name><value>$HOST:$HDFS_DATANODE_HTTP_PORT</value></property>
  <property><name>dfs.datanode.https.address</name><value>$HOST:$HDFS_DATANODE_HTTPS_PORT</value></property>
  <property><name>dfs.datanode.ipc.address</name><value>$HOST:$HDFS_DATANODE_IPC_PORT</value></property>
  <property><name>dfs.datanode.http.internal-proxy.port</name><value>$HDFS_DATANODE_PROXY_PORT</value></property>
  <property><name>dfs.namenode.safemode.extension</name><value>0</value></property>
  <property><name>dfs.namenode.datanode.registration.ip-hostname-check</name><value>false</value></property>
  <property><name>dfs.client.use.datanode.hostname</name><value>true</value></property>
  <property><name>dfs.namenode.fs-limits.min-block-size</name><value>0</value></property>
  <!-- WebHDFS writes go through the DataNode's own HDFS client: its first wait for a block to be complete is 400 ms
       by default, paid on about every other small file; 20 ms took 1 MiB publishes from ~4 to ~10 files/s. -->
  <property><name>dfs.client.block.write.locateFollowingBlock.initial.delay.ms</name><value>20</value></property>
  <!-- A committed lake file must survive a power cut, not only a process crash (WebHDFS cannot ask for hsync). -->
  <property><name>dfs.datanode.synconclose</name><value>true</value></property>
</configuration>
EOF
  cat >"$HDFS_CONF/log4j.properties" <<'EOF'
log4j.rootLogger=INFO,console
log4j.appender.console=org.apache.log4j.ConsoleAppender
log4j.appender.console.layout=org.apache.log4j.PatternLayout
log4j.appender.console.layout.ConversionPattern=%d{ISO8601} %p %c{2}: %m%n
log4j.logger.org.apache.hadoop.util.NativeCodeLoader=ERROR
log4j.logger.org.apache.hadoop.hdfs.server.namenode.FSNamesystem.audit=WARN
log4j.logger.org.apache.hadoop.hdfs.server.datanode.DataNode.clienttrace=WARN
EOF
  # The Maven jars do not ship the webapps/ directories of the binary tarball, but the
  # NameNode/DataNode HTTP servers look them up on the classpath (conf dir is first).
  local w
  for w in hdfs datanode static; do
    mkdir -p "$HDFS_CONF/webapps/$w/WEB-INF"
    [[ $w == static ]] || cat >"$HDFS_CONF/webapps/$w/WEB-INF/web.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<web-app version="2.5" xmlns="http://java.sun.com/xml/ns/javaee"/>
EOF
  done
}

hdfs_java() { # mark heap mainclass args...  -> fills array HDFS_CMD
  local mark=$1 heap=$2; shift 2
  # shellcheck disable=SC2054 # the commas are part of log4j values, not separators
  HDFS_CMD=("$JAVA" "$mark" -Xmx"$heap" "${JDK17_OPENS[@]}" -Djava.net.preferIPv4Stack=true
    -Dhadoop.home.dir="$HDFS_HOME" -Dhadoop.log.dir="$LOGS" -Dhadoop.tmp.dir="$HDFS_HOME/tmp"
    -Dhadoop.root.logger=INFO,console -Dhadoop.security.logger=WARN,console
    -cp "$HDFS_CONF:$HDFS_LIB/*" "$@")
}

hdfs_jmx_state() { # prints "<live datanodes> <FSState>"
  local j
  j=$(curl -sf --max-time 3 "http://$HOST:$HDFS_NAMENODE_HTTP_PORT/jmx?qry=Hadoop:service=NameNode,name=FSNamesystemState") || return 1
  printf '%s %s\n' "$(jq -r '.beans[0].NumLiveDataNodes // 0' <<<"$j")" "$(jq -r '.beans[0].FSState // "?"' <<<"$j")"
}

hdfs_ready() {
  local s
  s=$(hdfs_jmx_state) || return 1
  echo "$s" >"$RUN/hdfs-ready.out"
  [[ ${s%% *} -ge 1 && ${s#* } == Operational ]]
}

hdfs_up() {
  local pid t0 nn_running=0 dn_running=0
  pid_of hdfs-namenode "$NN_MARK" >/dev/null && nn_running=1
  pid_of hdfs-datanode "$DN_MARK" >/dev/null && dn_running=1
  if ((nn_running && dn_running)); then log "hdfs already running"; return 0; fi
  ((nn_running)) || { check_port_free hdfs "$HDFS_NAMENODE_PORT"; check_port_free hdfs "$HDFS_NAMENODE_HTTP_PORT"; }
  ((dn_running)) || for p in "$HDFS_DATANODE_PORT" "$HDFS_DATANODE_HTTP_PORT" "$HDFS_DATANODE_IPC_PORT" "$HDFS_DATANODE_PROXY_PORT"; do check_port_free hdfs "$p"; done
  hdfs_install
  hdfs_config
  if [[ ! -f $HDFS_NAME_DIR/current/VERSION ]]; then
    log "hdfs: formatting NameNode in $HDFS_NAME_DIR"
    rm -rf "${HDFS_DATA_DIR:?}"/*   # a fresh namespace needs a fresh DataNode dir (clusterID)
    hdfs_java "-Dplacebo.stack=hdfs-format" 256m org.apache.hadoop.hdfs.server.namenode.NameNode \
      -format -force -nonInteractive -clusterid placebo-local
    "${HDFS_CMD[@]}" >>"$LOGS/hdfs-format.log" 2>&1 \
      || fail_start hdfs "$LOGS/hdfs-format.log" "NameNode format failed"
  fi
  t0=$(now)
  if ((!nn_running)); then
    log "hdfs: starting NameNode (rpc $HOST:$HDFS_NAMENODE_PORT, http $HOST:$HDFS_NAMENODE_HTTP_PORT)"
    hdfs_java "$NN_MARK" "$HDFS_HEAP" org.apache.hadoop.hdfs.server.namenode.NameNode
    spawn hdfs-namenode "$NN_LOG" "${HDFS_CMD[@]}"
  fi
  if ((!dn_running)); then
    log "hdfs: starting DataNode (http $HOST:$HDFS_DATANODE_HTTP_PORT, data $HDFS_DATANODE_PORT, ipc $HDFS_DATANODE_IPC_PORT)"
    hdfs_java "$DN_MARK" "$HDFS_HEAP" org.apache.hadoop.hdfs.server.datanode.DataNode
    spawn hdfs-datanode "$DN_LOG" "${HDFS_CMD[@]}"
  fi
  while ! hdfs_ready; do
    pid_of hdfs-namenode "$NN_MARK" >/dev/null || fail_start hdfs "$NN_LOG" "NameNode exited during startup"
    pid_of hdfs-datanode "$DN_MARK" >/dev/null || fail_start hdfs "$DN_LOG" "DataNode exited during startup"
    if (($(now) - t0 >= HDFS_TIMEOUT)); then
      tail -n 20 "$DN_LOG" >&2 || true
      hdfs_down
      fail_start hdfs "$NN_LOG" "not ready after ${HDFS_TIMEOUT}s (jmx live-datanodes/state: $(cat "$RUN/hdfs-ready.out" 2>/dev/null || echo unreachable))"
    fi
    sleep 1
  done
  log "hdfs: ready in $(($(now) - t0))s"
}

hdfs_down() {
  stop_pid hdfs-datanode "$DN_MARK"
  stop_pid hdfs-namenode "$NN_MARK"
}

# ================================================================ presto
PRESTO_BASE=$STATE/presto
PRESTO_HOME=$PRESTO_BASE/presto-server-$PRESTO_VERSION
PRESTO_ETC=$PRESTO_BASE/etc
PRESTO_MARK="-Dplacebo.stack=presto"
PRESTO_LOG=$LOGS/presto.log

presto_install() {
  [[ -f $PRESTO_HOME/.complete ]] && return 0
  local dl=$PRESTO_BASE/download t0
  rm -rf "$dl"
  mvn_fetch presto "$HERE/presto/pom.xml" dependency:copy \
    -Dpresto.version="$PRESTO_VERSION" -DoutputDir="$dl"
  log "presto: unpacking (GNU tar) into $PRESTO_BASE"
  t0=$(now)
  rm -rf "$PRESTO_HOME"
  tar -xzf "$dl/presto-server-$PRESTO_VERSION.tar.gz" -C "$PRESTO_BASE"
  local d keep k
  for d in "$PRESTO_HOME"/plugin/*/; do
    d=${d%/}; keep=0
    for k in $PRESTO_PLUGINS; do if [[ ${d##*/} == "$k" ]]; then keep=1; fi; done
    ((keep)) || rm -rf "$d"
  done
  # Java 17: replace ASM 9.0 (max class version 60) by the newer ASM fetched next to the tarball
  local jar name
  for d in "$PRESTO_HOME/lib" "$PRESTO_HOME"/plugin/*; do
    for jar in "$dl"/asm*.jar; do
      name=$(basename "$jar"); name=${name%-*.jar}          # asm, asm-tree, ...
      if compgen -G "$d/$name-[0-9]*.jar" >/dev/null; then
        rm -f "$d/$name"-[0-9]*.jar
        cp "$jar" "$d/"
      fi
    done
  done
  presto_patch_file_metastore "$dl/presto-hive-metastore-$PRESTO_VERSION-sources.jar"
  rm -rf "$dl" # the tarball stays cached in ~/.m2
  touch "$PRESTO_HOME/.complete"
  log "presto: unpacked in $(($(now) - t0))s, plugins kept: $(ls "$PRESTO_HOME/plugin" | tr '\n' ' ')"
}

# Presto 0.287's FileHiveMetastore.createTable checks the table location with java.io.File,
# so any hdfs:// location fails with 'URI scheme is not "file"'. The external-location check
# just above it already goes through the Hadoop FileSystem, so the java.io.File check is
# dropped and the class recompiled from the published sources into the plugin jar.
presto_patch_file_metastore() { # sources-jar
  local src=$1 w=$PRESTO_BASE/patch f=com/facebook/presto/hive/metastore/file/FileHiveMetastore
  local jar=$PRESTO_HOME/plugin/hive-hadoop2/presto-hive-metastore-$PRESTO_VERSION.jar
  [[ -f $jar ]] || { log "presto: $jar not found, file metastore patch skipped"; return 0; }
  rm -rf "$w"; mkdir -p "$w/src" "$w/out"
  (cd "$w/src" && "$JAVA_HOME/bin/jar" xf "$src" "$f.java")
  if ! grep -q 'File location = new File(new Path(table.getStorage().getLocation()).toUri());' "$w/src/$f.java"; then
    log "presto: FileHiveMetastore has no java.io.File location check, no patch needed"; rm -rf "$w"; return 0
  fi
  log "presto: patching FileHiveMetastore (hdfs:// table locations with hive.metastore=file)"
  perl -0pi -e 's/\n\s*if \(!table\.getTableType\(\)\.equals\(VIRTUAL_VIEW\)\) \{\n\s*File location = new File\(new Path\(table\.getStorage\(\)\.getLocation\(\)\)\.toUri\(\)\);\n[^\n]*\n[^\n]*\n\s*\}\n/\n        \/\/ placebo stack.sh: java.io.File location check removed (breaks hdfs:\/\/ locations)\n/' "$w/src/$f.java"
  ! grep -q 'new File(new Path(table.getStorage' "$w/src/$f.java" || die "presto: FileHiveMetastore patch did not apply"
  "$JAVA_HOME/bin/javac" --release 8 -nowarn -proc:none -encoding UTF-8 -d "$w/out" \
    -cp "$PRESTO_HOME/plugin/hive-hadoop2/*:$PRESTO_HOME/lib/*" "$w/src/$f.java" >"$LOGS/presto-patch.log" 2>&1 \
    || { cat "$LOGS/presto-patch.log" >&2; die "presto: compiling patched FileHiveMetastore failed"; }
  (cd "$w/out" && "$JAVA_HOME/bin/jar" uf "$jar" com/facebook/presto/hive/metastore/file/FileHiveMetastore*.class)
  rm -rf "$w"
}

presto_config() {
  mkdir -p "$PRESTO_ETC/catalog" "$PRESTO_DATA_DIR" "$PRESTO_METASTORE_DIR"
  cat >"$PRESTO_ETC/node.properties" <<EOF
node.environment=placebo_local
node.id=placebo-local-1
node.data-dir=$PRESTO_DATA_DIR
node.bind-ip=$HOST
node.internal-address=$HOST
EOF
  cat >"$PRESTO_ETC/jvm.config" <<EOF
-server
-Xmx$PRESTO_HEAP
-XX:+UseG1GC
-XX:G1HeapRegionSize=32M
-XX:+ExplicitGCInvokesConcurrent
-XX:+ExitOnOutOfMemoryError
-XX:ReservedCodeCacheSize=256M
-XX:+UseGCOverheadLimit
-Djdk.attach.allowAttachSelf=true
-Djdk.nio.maxCachedBufferSize=2000000
-Dio.netty.tryReflectionSetAccessible=true
-Djava.net.preferIPv4Stack=true
-Djava.rmi.server.hostname=$HOST
-Dcom.sun.management.jmxremote.host=$HOST
--add-opens=java.base/java.io=ALL-UNNAMED
--add-opens=java.base/java.lang=ALL-UNNAMED
--add-opens=java.base/java.lang.ref=ALL-UNNAMED
--add-opens=java.base/java.lang.reflect=ALL-UNNAMED
--add-opens=java.base/java.net=ALL-UNNAMED
--add-opens=java.base/java.nio=ALL-UNNAMED
--add-opens=java.base/java.security=ALL-UNNAMED
--add-opens=java.base/javax.security.auth=ALL-UNNAMED
--add-opens=java.base/javax.security.auth.login=ALL-UNNAMED
--add-opens=java.base/java.text=ALL-UNNAMED
--add-opens=java.base/java.util=ALL-UNNAMED
--add-opens=java.base/java.util.concurrent=ALL-UNNAMED
--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
--add-opens=java.base/java.util.regex=ALL-UNNAMED
--add-opens=java.base/jdk.internal.loader=ALL-UNNAMED
--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED
--add-opens=java.base/sun.nio.ch=ALL-UNNAMED
--add-opens=java.base/sun.security.action=ALL-UNNAMED
--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED
EOF
  cat >"$PRESTO_ETC/config.properties" <<EOF
coordinator=true
node-scheduler.include-coordinator=true
http-server.http.port=$PRESTO_PORT
discovery-server.enabled=true
discovery.uri=http://$HOST:$PRESTO_PORT
http-server.admin.enabled=false
thrift.server.port=$PRESTO_THRIFT_PORT
query.max-memory=512MB
query.max-memory-per-node=384MB
query.max-total-memory=512MB
query.max-total-memory-per-node=512MB
memory.heap-headroom-per-node=256MB
plugin.dir=$PRESTO_HOME/plugin
catalog.config-dir=$PRESTO_ETC/catalog
task.concurrency=2
EOF
  cat >"$PRESTO_ETC/log.properties" <<'EOF'
com.facebook.presto=INFO
org.apache.hadoop=WARN
EOF
  cat >"$PRESTO_ETC/core-site.xml" <<EOF
<?xml version="1.0"?>
<configuration>
  <property><name>fs.defaultFS</name><value>hdfs://$HOST:$HDFS_NAMENODE_PORT</value></property>
  <property><name>dfs.client.use.datanode.hostname</name><value>true</value></property>
</configuration>
EOF
  cat >"$PRESTO_ETC/catalog/hive.properties" <<EOF
connector.name=hive-hadoop2
hive.metastore=file
hive.metastore.catalog.dir=file://$PRESTO_METASTORE_DIR
hive.metastore.user=$(id -un)
hive.config.resources=$PRESTO_ETC/core-site.xml
hive.parquet.use-column-names=true
hive.non-managed-table-writes-enabled=true
hive.allow-drop-table=true
hive.allow-rename-table=true
hive.allow-add-column=true
hive.allow-drop-column=true
hive.allow-rename-column=true
EOF
}

presto_info() { curl -sf --max-time 3 "http://$HOST:$PRESTO_PORT/v1/info"; }

# run one statement through the REST protocol; prints the JSON "data" rows on success
presto_sql() { # sql
  local r next state err rows='[]' i=0
  r=$(curl -sf --max-time 30 -X POST -H 'X-Presto-User: placebo' -H 'X-Presto-Source: stack.sh' \
    --data-binary "$1" "http://$HOST:$PRESTO_PORT/v1/statement") || { echo "POST /v1/statement failed" >&2; return 1; }
  while :; do
    err=$(jq -c '.error // empty' <<<"$r")
    if [[ -n $err ]]; then echo "query failed: $(jq -r '.error.message' <<<"$r")" >&2; return 1; fi
    rows=$(jq -c --argjson acc "$rows" '$acc + (.data // [])' <<<"$r")
    next=$(jq -r '.nextUri // empty' <<<"$r")
    [[ -n $next ]] || break
    ((++i < 2000)) || { echo "query did not finish" >&2; return 1; }
    r=$(curl -sf --max-time 30 -H 'X-Presto-User: placebo' "$next") || { echo "GET nextUri failed" >&2; return 1; }
  done
  state=$(jq -r '.stats.state // "?"' <<<"$r")
  [[ $state == FINISHED ]] || { echo "query ended in state $state" >&2; return 1; }
  echo "$rows"
}

presto_ready() {
  local info
  info=$(presto_info) || return 1
  [[ $(jq -r '.starting' <<<"$info") == false ]] || return 1
  [[ $(presto_sql 'SELECT 1' 2>"$RUN/presto-ready.out") == '[[1]]' ]]
}

presto_up() {
  local pid t0 args=() line k v
  if pid=$(pid_of presto "$PRESTO_MARK"); then log "presto already running (pid $pid)"; return 0; fi
  check_port_free presto "$PRESTO_PORT"
  check_port_free presto "$PRESTO_THRIFT_PORT"
  presto_install
  presto_config
  # same thing the launcher does: jvm.config lines + node.properties as -D, run in the data dir
  while IFS= read -r line; do [[ -z $line || $line == \#* ]] || args+=("$line"); done <"$PRESTO_ETC/jvm.config"
  while IFS='=' read -r k v; do [[ -z $k || $k == \#* ]] || args+=("-D$k=$v"); done <"$PRESTO_ETC/node.properties"
  log "presto: starting on $HOST:$PRESTO_PORT"
  t0=$(now)
  (cd "$PRESTO_DATA_DIR" && spawn presto "$PRESTO_LOG" "$JAVA" "$PRESTO_MARK" "${args[@]}" \
    -Dconfig="$PRESTO_ETC/config.properties" -Dlog.levels-file="$PRESTO_ETC/log.properties" \
    -cp "$PRESTO_HOME/lib/*" com.facebook.presto.server.PrestoServer)
  while ! presto_ready; do
    pid_of presto "$PRESTO_MARK" >/dev/null || fail_start presto "$PRESTO_LOG" "process exited during startup"
    (($(now) - t0 < PRESTO_TIMEOUT)) || { stop_pid presto "$PRESTO_MARK"; fail_start presto "$PRESTO_LOG" "not ready after ${PRESTO_TIMEOUT}s"; }
    sleep 2
  done
  log "presto: ready in $(($(now) - t0))s"
}

presto_down() { stop_pid presto "$PRESTO_MARK"; }

# ================================================================ redis
REDIS_MARK="$HOST:$REDIS_PORT"

redis_ping() { [[ $(timeout 2 redis-cli -h "$HOST" -p "$REDIS_PORT" ping 2>/dev/null) == PONG ]]; }

redis_up() {
  local pid t0
  if pid=$(pid_of redis "$REDIS_MARK"); then log "redis already running (pid $pid)"; return 0; fi
  if redis_ping; then log "redis: something already answers PING on $HOST:$REDIS_PORT, using it (external)"; return 0; fi
  check_port_free redis "$REDIS_PORT"
  if ! command -v redis-server >/dev/null; then
    log "redis: installing Debian package redis-server"
    { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y redis-server; } >"$LOGS/apt-redis.log" 2>&1 \
      || die "apt-get install redis-server failed (see $LOGS/apt-redis.log)"
  fi
  mkdir -p "$REDIS_DATA_DIR" "$RUN" "$LOGS"
  log "redis: starting on $HOST:$REDIS_PORT (data $REDIS_DATA_DIR)"
  t0=$(now)
  redis-server --bind "$HOST" --port "$REDIS_PORT" --appendonly yes --dir "$REDIS_DATA_DIR" \
    --daemonize yes --pidfile "$RUN/redis.pid" --logfile "$LOGS/redis.log" --save '' \
    || fail_start redis "$LOGS/redis.log" "redis-server failed to start"
  while ! redis_ping; do
    (($(now) - t0 < REDIS_TIMEOUT)) || fail_start redis "$LOGS/redis.log" "no PONG after ${REDIS_TIMEOUT}s"
    sleep 0.2
  done
  log "redis: ready in $(($(now) - t0))s"
}

redis_down() {
  if pid_of redis "$REDIS_MARK" >/dev/null; then stop_pid redis "$REDIS_MARK"
  elif redis_ping; then log "redis on $HOST:$REDIS_PORT was not started by this script; leaving it alone"
  fi
  rm -f "$RUN/redis.pid"
}

# ================================================================ status
status_one() {
  local pid nn dn
  case $1 in
    kafka)
      if pid=$(pid_of kafka "$KAFKA_MARK"); then
        if port_open "$KAFKA_PORT"; then json_line service=kafka state=up pid="$pid" port="$KAFKA_PORT" controller_port="$KAFKA_CONTROLLER_PORT"
        else json_line service=kafka state=starting pid="$pid" port="$KAFKA_PORT"; fi
      elif port_open "$KAFKA_PORT"; then json_line service=kafka state=foreign port="$KAFKA_PORT"
      else json_line service=kafka state=down port="$KAFKA_PORT"; fi ;;
    hdfs)
      nn=$(pid_of hdfs-namenode "$NN_MARK" || true); dn=$(pid_of hdfs-datanode "$DN_MARK" || true)
      local st=down s
      if [[ -n $nn || -n $dn ]]; then
        st=starting
        if [[ -n $nn && -n $dn ]] && s=$(hdfs_jmx_state); then
          [[ ${s%% *} -ge 1 && ${s#* } == Operational ]] && st=up
        fi
      elif port_open "$HDFS_NAMENODE_PORT"; then st=foreign; fi
      json_line service=hdfs state=$st pid="$nn" port="$HDFS_NAMENODE_PORT" webhdfs_port="$HDFS_NAMENODE_HTTP_PORT" \
        datanode_pid="$dn" datanode_http_port="$HDFS_DATANODE_HTTP_PORT" ;;
    presto)
      if pid=$(pid_of presto "$PRESTO_MARK"); then
        if [[ $(presto_info 2>/dev/null | jq -r '.starting' 2>/dev/null) == false ]]; then json_line service=presto state=up pid="$pid" port="$PRESTO_PORT"
        else json_line service=presto state=starting pid="$pid" port="$PRESTO_PORT"; fi
      elif port_open "$PRESTO_PORT"; then json_line service=presto state=foreign port="$PRESTO_PORT"
      else json_line service=presto state=down port="$PRESTO_PORT"; fi ;;
    redis)
      if pid=$(pid_of redis "$REDIS_MARK"); then json_line service=redis state=up pid="$pid" port="$REDIS_PORT"
      elif redis_ping; then json_line service=redis state=external port="$REDIS_PORT"
      else json_line service=redis state=down port="$REDIS_PORT"; fi ;;
  esac
}

# ================================================================ smoke test
smoke() {
  local u=placebo nn="http://$HOST:$HDFS_NAMENODE_HTTP_PORT/webhdfs/v1" d=/tmp/placebo_smoke loc
  log "smoke: WebHDFS mkdirs/create/rename/list/open/delete"
  curl -sf -X PUT "$nn$d?op=MKDIRS&user.name=$u" | grep -q '"boolean":true'
  loc=$(curl -sf -o /dev/null -w '%{redirect_url}' -X PUT "$nn$d/a.txt?op=CREATE&overwrite=true&user.name=$u")
  [[ $loc == http://$HOST:$HDFS_DATANODE_HTTP_PORT/* ]] || die "unexpected CREATE redirect: $loc"
  printf 'hello placebo\n' | curl -sf -X PUT -T - "$loc" >/dev/null
  curl -sf -X PUT "$nn$d/a.txt?op=RENAME&destination=$d/b.txt&user.name=$u" | grep -q '"boolean":true'
  curl -sf "$nn$d?op=LISTSTATUS&user.name=$u" | jq -e '.FileStatuses.FileStatus[] | select(.pathSuffix=="b.txt" and .length==14)' >/dev/null
  [[ $(curl -sfL "$nn$d/b.txt?op=OPEN&user.name=$u") == 'hello placebo' ]] || die "OPEN returned other bytes"
  curl -sf -X DELETE "$nn$d?op=DELETE&recursive=true&user.name=$u" | grep -q '"boolean":true'
  log "smoke: WebHDFS ok"
  log "smoke: Presto hive connector on HDFS"
  curl -sf -X PUT "$nn/tmp/placebo_smoke_t/t?op=MKDIRS&user.name=$u" >/dev/null
  presto_sql "CREATE SCHEMA IF NOT EXISTS hive.placebo_smoke" >/dev/null
  presto_sql "CREATE TABLE hive.placebo_smoke.t (a bigint, b varchar) WITH (format='PARQUET', external_location='hdfs://$HOST:$HDFS_NAMENODE_PORT/tmp/placebo_smoke_t/t')" >/dev/null
  presto_sql "INSERT INTO hive.placebo_smoke.t VALUES (1, 'x'), (2, 'y')" >/dev/null
  [[ $(presto_sql "SELECT count(*), sum(a) FROM hive.placebo_smoke.t") == '[[2,3]]' ]] || die "unexpected select result"
  presto_sql "CREATE VIEW hive.placebo_smoke.v AS SELECT b FROM hive.placebo_smoke.t WHERE a > 1" >/dev/null
  [[ $(presto_sql "SELECT * FROM hive.placebo_smoke.v") == '[["y"]]' ]] || die "unexpected view result"
  presto_sql "DROP VIEW hive.placebo_smoke.v" >/dev/null
  presto_sql "DROP TABLE hive.placebo_smoke.t" >/dev/null
  presto_sql "DROP SCHEMA hive.placebo_smoke" >/dev/null
  curl -sf -X DELETE "$nn/tmp/placebo_smoke_t?op=DELETE&recursive=true&user.name=$u" >/dev/null
  log "smoke: Presto ok (external PARQUET table on HDFS: create/insert/select, view create/select/drop)"
}

# ================================================================ main
usage() { sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }

cmd=${1:-}; [[ -n $cmd ]] || usage; shift
svcs=("$@"); ((${#svcs[@]})) || svcs=("${ALL_SERVICES[@]}")
for s in "${svcs[@]}"; do
  case $s in redis | kafka | hdfs | presto) ;; *) [[ $cmd == sql ]] || die "unknown service '$s' (known: ${ALL_SERVICES[*]})" ;; esac
done
mkdir -p "$LOGS" "$RUN"

want() { [[ " ${svcs[*]} " == *" $1 "* ]]; }

case $cmd in
  up)
    for s in "${ALL_SERVICES[@]}"; do if want "$s"; then "${s}_up"; fi; done
    for s in "${ALL_SERVICES[@]}"; do if want "$s"; then status_one "$s"; fi; done ;;
  down)
    for ((i = ${#ALL_SERVICES[@]} - 1; i >= 0; i--)); do
      s=${ALL_SERVICES[i]}
      if want "$s"; then "${s}_down"; fi
    done ;;
  status)
    for s in "${ALL_SERVICES[@]}"; do if want "$s"; then status_one "$s"; fi; done ;;
  smoke) smoke ;;
  sql) [[ ${#svcs[@]} -eq 1 ]] || die 'usage: stack.sh sql "SELECT ..."'; presto_sql "${svcs[0]}" ;;
  *) usage ;;
esac
