# shellcheck shell=bash
# HDFS (one NameNode + one DataNode JVM) for deploy/local/stack.sh: jars from Maven Central (pom.xml next to this
# file), configs rendered from deploy/config/hdfs/. Defines hdfs_up, hdfs_down, hdfs_status.

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
HDFS_TIMEOUT=${PLACEBO_HDFS_TIMEOUT:-180}

HDFS_HOME=$STATE/hdfs
HDFS_CONF=$HDFS_HOME/conf
HDFS_LIB=$HDFS_HOME/lib-$HADOOP_VERSION
NN_MARK="-Dplacebo.stack=hdfs-namenode"
DN_MARK="-Dplacebo.stack=hdfs-datanode"
NN_LOG=$LOGS/hdfs-namenode.log
DN_LOG=$LOGS/hdfs-datanode.log

# flags Hadoop needs on Java 17
JDK17_OPENS=(-XX:+IgnoreUnrecognizedVMOptions)
for _p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
  java.util.concurrent.atomic sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  JDK17_OPENS+=("--add-opens=java.base/$_p=ALL-UNNAMED")
done
unset _p

hdfs_config() {
  mkdir -p "$HDFS_CONF" "$HDFS_NAME_DIR" "$HDFS_DATA_DIR" "$HDFS_HOME/tmp"
  render hdfs/core-site.xml "$HDFS_CONF/core-site.xml" NAMENODE_HOST="$HOST" NAMENODE_PORT="$HDFS_NAMENODE_PORT" \
    TMP_DIR="$HDFS_HOME/tmp" STATIC_USER="$(id -un)"
  render hdfs/hdfs-site.xml "$HDFS_CONF/hdfs-site.xml" REPLICATION=1 NAME_DIR="$HDFS_NAME_DIR" \
    DATA_DIR="$HDFS_DATA_DIR" BIND_HOST="$HOST" NAMENODE_HOST="$HOST" NAMENODE_PORT="$HDFS_NAMENODE_PORT" \
    NAMENODE_HTTP_PORT="$HDFS_NAMENODE_HTTP_PORT" DATANODE_HOST="$HOST" DATANODE_PORT="$HDFS_DATANODE_PORT" \
    DATANODE_HTTP_PORT="$HDFS_DATANODE_HTTP_PORT" DATANODE_HTTPS_PORT="$HDFS_DATANODE_HTTPS_PORT" \
    DATANODE_IPC_PORT="$HDFS_DATANODE_IPC_PORT" DATANODE_PROXY_PORT="$HDFS_DATANODE_PROXY_PORT"
  render hdfs/log4j.properties "$HDFS_CONF/log4j.properties"
  # The Maven jars do not ship the webapps/ directories of the binary tarball, but the
  # NameNode/DataNode HTTP servers look them up on the classpath (conf dir is first).
  local w
  for w in hdfs datanode static; do
    mkdir -p "$HDFS_CONF/webapps/$w/WEB-INF"
    [[ $w == static ]] || cp "$HERE/hdfs/web.xml" "$HDFS_CONF/webapps/$w/WEB-INF/web.xml"
  done
}

hdfs_java() { # mark heap mainclass args...  -> fills array HDFS_CMD
  local mark=$1 heap=$2
  shift 2
  # shellcheck disable=SC2054 # the commas are part of log4j values, not separators
  HDFS_CMD=("$JAVA" "$mark" -Xmx"$heap" "${JDK17_OPENS[@]}" -Djava.net.preferIPv4Stack=true
    -Dhadoop.home.dir="$HDFS_HOME" -Dhadoop.log.dir="$LOGS" -Dhadoop.tmp.dir="$HDFS_HOME/tmp"
    -Dhadoop.root.logger=INFO,console -Dhadoop.security.logger=WARN,console
    -cp "$HDFS_CONF:$HDFS_LIB/*" "$@")
}

hdfs_format() { # once: a fresh namespace (and a fresh DataNode dir, whose clusterID must match)
  [[ -f $HDFS_NAME_DIR/current/VERSION ]] && return 0
  log "hdfs: formatting NameNode in $HDFS_NAME_DIR"
  rm -rf "${HDFS_DATA_DIR:?}"/*
  hdfs_java "-Dplacebo.stack=hdfs-format" 256m org.apache.hadoop.hdfs.server.namenode.NameNode \
    -format -force -nonInteractive -clusterid placebo-local
  "${HDFS_CMD[@]}" >>"$LOGS/hdfs-format.log" 2>&1 || fail_start hdfs "$LOGS/hdfs-format.log" "NameNode format failed"
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
hdfs_alive() {
  pid_of hdfs-namenode "$NN_MARK" >/dev/null || { echo "NameNode exited during startup"; return 1; }
  pid_of hdfs-datanode "$DN_MARK" >/dev/null || {
    tail -n 40 "$DN_LOG" >&2 || true
    echo "DataNode exited during startup (log above: $DN_LOG)"
    return 1
  }
}
hdfs_waited() {
  tail -n 20 "$DN_LOG" >&2 || true
  echo "jmx live-datanodes/state: $(cat "$RUN/hdfs-ready.out" 2>/dev/null || echo unreachable)"
}

hdfs_up() {
  local nn_running=0 dn_running=0 p
  pid_of hdfs-namenode "$NN_MARK" >/dev/null && nn_running=1
  pid_of hdfs-datanode "$DN_MARK" >/dev/null && dn_running=1
  if ((nn_running && dn_running)); then
    log "hdfs already running"
    return 0
  fi
  if ((!nn_running)); then
    for p in "$HDFS_NAMENODE_PORT" "$HDFS_NAMENODE_HTTP_PORT"; do check_port_free hdfs "$p"; done
  fi
  if ((!dn_running)); then
    for p in "$HDFS_DATANODE_PORT" "$HDFS_DATANODE_HTTP_PORT" "$HDFS_DATANODE_IPC_PORT" "$HDFS_DATANODE_PROXY_PORT"; do
      check_port_free hdfs "$p"
    done
  fi
  mvn_classpath hdfs "$HERE/hdfs/pom.xml" "$HDFS_LIB" -Dhadoop.version="$HADOOP_VERSION"
  hdfs_config
  hdfs_format
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
  await_ready hdfs "$NN_LOG" "$HDFS_TIMEOUT" 1
}

hdfs_down() {
  stop_pid hdfs-datanode "$DN_MARK"
  stop_pid hdfs-namenode "$NN_MARK"
}

hdfs_status() {
  local nn dn st=down
  nn=$(pid_of hdfs-namenode "$NN_MARK" || true)
  dn=$(pid_of hdfs-datanode "$DN_MARK" || true)
  if [[ -n $nn || -n $dn ]]; then
    st=starting
    if [[ -n $nn && -n $dn ]] && hdfs_ready; then st=up; fi
  elif port_open "$HDFS_NAMENODE_PORT"; then st=foreign; fi
  json_line service=hdfs state=$st pid="$nn" port="$HDFS_NAMENODE_PORT" webhdfs_port="$HDFS_NAMENODE_HTTP_PORT" \
    datanode_pid="$dn" datanode_http_port="$HDFS_DATANODE_HTTP_PORT"
}
