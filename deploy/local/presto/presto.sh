# shellcheck shell=bash
# Presto (coordinator + worker in one JVM, hive connector with a file metastore on HDFS) for deploy/local/stack.sh:
# the presto-server tarball from Maven Central (pom.xml next to this file), configs rendered from deploy/config/presto/.
# Defines presto_up, presto_down, presto_status and presto_sql.

PRESTO_VERSION=${PLACEBO_PRESTO_VERSION:-0.287}
PRESTO_PORT=${PLACEBO_PRESTO_PORT:-8090}
PRESTO_THRIFT_PORT=${PLACEBO_PRESTO_THRIFT_PORT:-18080}
PRESTO_DATA_DIR=${PLACEBO_PRESTO_DATA_DIR:-$STATE/presto/data}
PRESTO_METASTORE_DIR=${PLACEBO_PRESTO_METASTORE_DIR:-$STATE/presto-metastore}
PRESTO_HEAP=${PLACEBO_PRESTO_HEAP:-1G}
PRESTO_PLUGINS=${PLACEBO_PRESTO_PLUGINS:-hive-hadoop2} # plugin dirs kept after unpacking (fewer = faster start)
PRESTO_TIMEOUT=${PLACEBO_PRESTO_TIMEOUT:-420}

PRESTO_BASE=$STATE/presto
PRESTO_HOME=$PRESTO_BASE/presto-server-$PRESTO_VERSION
PRESTO_ETC=$PRESTO_BASE/etc
PRESTO_MARK="-Dplacebo.stack=presto"
PRESTO_LOG=$LOGS/presto.log
# the hive plugin's metastore jar, the unpatched copy it is rebuilt from, and the sources the patch compiles
METASTORE_JAR=$PRESTO_HOME/plugin/hive-hadoop2/presto-hive-metastore-$PRESTO_VERSION.jar
METASTORE_PRISTINE=$PRESTO_BASE/pristine-$PRESTO_VERSION/presto-hive-metastore-$PRESTO_VERSION.jar
METASTORE_SOURCES=$PRESTO_BASE/pristine-$PRESTO_VERSION/presto-hive-metastore-$PRESTO_VERSION-sources.jar
PATCH_SCRIPT=$CONFIG/presto/patch-file-metastore.sh
PATCH_CACHE=$PRESTO_BASE/patch-cache

presto_install() {
  if [[ -f $PRESTO_HOME/.complete && ! -f $METASTORE_PRISTINE ]]; then
    log "presto: install has no unpatched metastore jar (older stack.sh), unpacking again"
    rm -f "$PRESTO_HOME/.complete"
  fi
  [[ -f $PRESTO_HOME/.complete ]] && return 0
  local dl=$PRESTO_BASE/download t0 d keep k jar name
  rm -rf "$dl"
  mvn_fetch presto "$HERE/presto/pom.xml" dependency:copy -Dpresto.version="$PRESTO_VERSION" -DoutputDir="$dl"
  log "presto: unpacking (GNU tar) into $PRESTO_BASE"
  t0=$(now)
  rm -rf "$PRESTO_HOME"
  tar -xzf "$dl/presto-server-$PRESTO_VERSION.tar.gz" -C "$PRESTO_BASE"
  for d in "$PRESTO_HOME"/plugin/*/; do
    d=${d%/}
    keep=0
    for k in $PRESTO_PLUGINS; do if [[ ${d##*/} == "$k" ]]; then keep=1; fi; done
    ((keep)) || rm -rf "$d"
  done
  # Java 17: replace ASM 9.0 (max class version 60) by the newer ASM fetched next to the tarball
  for d in "$PRESTO_HOME/lib" "$PRESTO_HOME"/plugin/*; do
    for jar in "$dl"/asm*.jar; do
      name=$(basename "$jar")
      name=${name%-*.jar} # asm, asm-tree, ...
      if compgen -G "$d/$name-[0-9]*.jar" >/dev/null; then
        rm -f "$d/$name"-[0-9]*.jar
        cp "$jar" "$d/"
      fi
    done
  done
  mkdir -p "${METASTORE_PRISTINE%/*}"
  mv "$dl/presto-hive-metastore-$PRESTO_VERSION-sources.jar" "$METASTORE_SOURCES"
  if [[ -f $METASTORE_JAR ]]; then cp "$METASTORE_JAR" "$METASTORE_PRISTINE"; else : >"$METASTORE_PRISTINE"; fi
  rm -rf "$dl" # the tarball stays cached in ~/.m2
  touch "$PRESTO_HOME/.complete"
  log "presto: unpacked in $(($(now) - t0))s, plugins kept: $(cd "$PRESTO_HOME/plugin" && echo *)"
}

# ---------------------------------------------------------------- the FileHiveMetastore fix
# Presto 0.287's file metastore rejects hdfs:// table locations (a java.io.File check; the reason and the fix are in
# deploy/config/presto/patch-file-metastore.sh, which deploy/docker/presto.Dockerfile runs too). The patched classes
# are built once into $PATCH_CACHE/<key>, key = sha256 of that script and the Presto version, with a SHA256SUMS of
# the classes. Each start only checks: the plugin jar's sha256 against the one recorded when the patch went in
# (.patched), and else the cache against its SHA256SUMS. javac runs only when the key (or the cache) changes.

presto_patch_key() { { cat "$PATCH_SCRIPT"; echo "presto-server $PRESTO_VERSION"; } | sha256sum | cut -c1-64; }

patch_cache_ok() { # dir
  [[ -f $1/SHA256SUMS && -d $1/classes ]] || return 1
  [[ -s $1/SHA256SUMS ]] || return 0 # built, nothing to patch in this release
  (cd "$1/classes" && sha256sum --quiet --status -c ../SHA256SUMS)
}

presto_patch_build() { # dir
  local dir=$1 key=${1##*/} t0
  t0=$(now)
  log "presto: building the FileHiveMetastore patch ${key:0:12} (javac), log: $LOGS/presto-patch.log"
  rm -rf "${PATCH_CACHE:?}"/*
  mkdir -p "$PATCH_CACHE"
  PATH="$JAVA_HOME/bin:$PATH" sh "$PATCH_SCRIPT" "$METASTORE_SOURCES" \
    "$PRESTO_HOME/plugin/hive-hadoop2/*:$PRESTO_HOME/lib/*" "$dir.tmp" >"$LOGS/presto-patch.log" 2>&1 ||
    { cat "$LOGS/presto-patch.log" >&2; die "presto: building the FileHiveMetastore patch failed"; }
  (cd "$dir.tmp/classes" && find . -type f -name '*.class' | sort | xargs -r sha256sum) >"$dir.tmp/SHA256SUMS"
  mv "$dir.tmp" "$dir"
  log "presto: patch built in $(($(now) - t0))s ($(wc -l <"$dir/SHA256SUMS") class files)"
}

presto_patch() {
  local key dir sum
  key=$(presto_patch_key)
  dir=$PATCH_CACHE/$key
  if [[ -f $PRESTO_HOME/.patched && -f $METASTORE_JAR ]] &&
    [[ $(<"$PRESTO_HOME/.patched") == "$key $(sha256sum "$METASTORE_JAR" | cut -c1-64)" ]]; then
    log "presto: FileHiveMetastore patch ${key:0:12} in place (plugin jar checksum verified, nothing to build)"
    return 0
  fi
  if patch_cache_ok "$dir"; then log "presto: FileHiveMetastore patch ${key:0:12} found in the cache (checksums verified)"
  else presto_patch_build "$dir"; fi
  [[ -s $METASTORE_PRISTINE ]] || {
    log "presto: $METASTORE_JAR not found, file metastore patch skipped"
    return 0
  }
  cp "$METASTORE_PRISTINE" "$METASTORE_JAR"
  if [[ -s $dir/SHA256SUMS ]]; then "$JAVA_HOME/bin/jar" uf "$METASTORE_JAR" -C "$dir/classes" com; fi
  sum=$(sha256sum "$METASTORE_JAR" | cut -c1-64)
  echo "$key $sum" >"$PRESTO_HOME/.patched"
  log "presto: FileHiveMetastore patch ${key:0:12} applied to the hive plugin"
}

# ---------------------------------------------------------------- config, start, stop
presto_config() {
  mkdir -p "$PRESTO_ETC/catalog" "$PRESTO_DATA_DIR" "$PRESTO_METASTORE_DIR"
  render presto/node.properties "$PRESTO_ETC/node.properties" DATA_DIR="$PRESTO_DATA_DIR" HOST="$HOST"
  render presto/jvm.config "$PRESTO_ETC/jvm.config" HEAP="$PRESTO_HEAP" HOST="$HOST"
  render presto/config.properties "$PRESTO_ETC/config.properties" HTTP_PORT="$PRESTO_PORT" DISCOVERY_HOST="$HOST" \
    THRIFT_PORT="$PRESTO_THRIFT_PORT" PLUGIN_DIR="$PRESTO_HOME/plugin" CATALOG_DIR="$PRESTO_ETC/catalog"
  render presto/log.properties "$PRESTO_ETC/log.properties"
  render presto/core-site.xml "$PRESTO_ETC/core-site.xml" NAMENODE_HOST="$HOST" NAMENODE_PORT="$HDFS_NAMENODE_PORT"
  render presto/catalog/hive.properties "$PRESTO_ETC/catalog/hive.properties" METASTORE_DIR="$PRESTO_METASTORE_DIR" \
    METASTORE_USER="$(id -un)" CORE_SITE="$PRESTO_ETC/core-site.xml"
}

presto_info() { curl -sf --max-time 3 "http://$HOST:$PRESTO_PORT/v1/info"; }
presto_started() { [[ $(presto_info 2>/dev/null | jq -r '.starting' 2>/dev/null) == false ]]; }

# run one statement through the REST protocol; prints the JSON "data" rows on success
presto_sql() { # sql
  local r next state err rows='[]' i=0
  r=$(curl -sf --max-time 30 -X POST -H 'X-Presto-User: placebo' -H 'X-Presto-Source: stack.sh' \
    --data-binary "$1" "http://$HOST:$PRESTO_PORT/v1/statement") || {
    echo "POST /v1/statement failed" >&2
    return 1
  }
  while :; do
    err=$(jq -c '.error // empty' <<<"$r")
    if [[ -n $err ]]; then
      echo "query failed: $(jq -r '.error.message' <<<"$r")" >&2
      return 1
    fi
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

presto_ready() { presto_started && [[ $(presto_sql 'SELECT 1' 2>"$RUN/presto-ready.out") == '[[1]]' ]]; }
presto_alive() { pid_of presto "$PRESTO_MARK" >/dev/null; }
presto_waited() { tail -n 1 "$RUN/presto-ready.out" 2>/dev/null; }

presto_up() {
  local pid args=() line k v
  if pid=$(pid_of presto "$PRESTO_MARK"); then
    log "presto already running (pid $pid)"
    return 0
  fi
  check_port_free presto "$PRESTO_PORT"
  check_port_free presto "$PRESTO_THRIFT_PORT"
  presto_install
  presto_patch
  presto_config
  # same thing the launcher does: jvm.config lines + node.properties as -D, run in the data dir
  while IFS= read -r line; do [[ -z $line || $line == \#* ]] || args+=("$line"); done <"$PRESTO_ETC/jvm.config"
  while IFS='=' read -r k v; do [[ -z $k || $k == \#* ]] || args+=("-D$k=$v"); done <"$PRESTO_ETC/node.properties"
  log "presto: starting on $HOST:$PRESTO_PORT"
  (cd "$PRESTO_DATA_DIR" && spawn presto "$PRESTO_LOG" "$JAVA" "$PRESTO_MARK" "${args[@]}" \
    -Dconfig="$PRESTO_ETC/config.properties" -Dlog.levels-file="$PRESTO_ETC/log.properties" \
    -cp "$PRESTO_HOME/lib/*" com.facebook.presto.server.PrestoServer)
  await_ready presto "$PRESTO_LOG" "$PRESTO_TIMEOUT" 2
}

presto_down() { stop_pid presto "$PRESTO_MARK"; }

presto_status() { process_status presto presto "$PRESTO_MARK" "$PRESTO_PORT" presto_started; }
