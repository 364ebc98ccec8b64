# shellcheck shell=bash
# Shared helpers of deploy/local/stack.sh, sourced before the service files (kafka/, hdfs/, presto/, redis/).
# Nothing here knows a service: settings of the state dir, logging, the JDK, pid files, readiness waits, Maven
# downloads, config rendering and the JSON status lines.

HOST=127.0.0.1 # every listener of the local stack binds here
STATE=${PLACEBO_STACK_DIR:-$HOME/.cache/placebo-stack}
LOGS=$STATE/logs
RUN=$STATE/run
CONFIG=$(cd "$HERE/../config" && pwd) # templates shared with deploy/docker-compose.yml and deploy/docker/

log() { printf '[stack %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() {
  log "ERROR: $*"
  exit 1
}
now() { date +%s; }

# ---------------------------------------------------------------- JDK 17
find_java17() {
  local c
  if [[ -n ${PLACEBO_JAVA_HOME:-} ]]; then
    echo "$PLACEBO_JAVA_HOME"
    return
  fi
  for c in /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/java-17-openjdk-* /usr/lib/jvm/*-17* /usr/lib/jvm/*17*; do
    if [[ -x $c/bin/java ]] && grep -q '^JAVA_VERSION="17' "$c/release" 2>/dev/null; then
      echo "$c"
      return
    fi
  done
  return 1
}
JAVA_HOME=$(find_java17) || die "no JDK 17 found under /usr/lib/jvm (set PLACEBO_JAVA_HOME)"
export JAVA_HOME
JAVA=$JAVA_HOME/bin/java

# ---------------------------------------------------------------- processes
port_open() { timeout 1 bash -c "exec 3<>/dev/tcp/$HOST/$1" 2>/dev/null; }

check_port_free() { # service port
  if port_open "$2"; then
    die "$1: port $HOST:$2 is already in use by a process this script did not start (see: ss -ltnp | grep :$2)"
  fi
}

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

# start a detached process, write its pid file
spawn() { # name logfile cmd...
  local name=$1 logf=$2
  shift 2
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

# Polls `<svc>_ready` every <interval> s until it succeeds. The start fails when `<svc>_alive` says a process of the
# service is gone, or after <timeout> s (then `<svc>_down` stops what was started and `<svc>_waited` may say what the
# last readiness check saw).
await_ready() { # svc logfile timeout interval
  local svc=$1 logf=$2 timeout=$3 interval=$4 t0 why
  t0=$(now)
  while ! "${svc}_ready"; do
    if ! why=$("${svc}_alive"); then fail_start "$svc" "$logf" "${why:-process exited during startup}"; fi
    if (($(now) - t0 >= timeout)); then
      why=$("${svc}_waited" 2>/dev/null || true)
      "${svc}_down"
      fail_start "$svc" "$logf" "not ready after ${timeout}s${why:+ ($why)}"
    fi
    sleep "$interval"
  done
  log "$svc: ready in $(($(now) - t0))s"
}

# ---------------------------------------------------------------- artifacts and configs
# Resolves artifacts from Maven Central into ~/.m2 through one of the poms next to the service scripts. Maven checks
# each download against the repository's published checksum; --strict-checksums makes a mismatch fatal.
mvn_fetch() { # name pom goal props...
  local name=$1 pom=$2 goal=$3 t0
  shift 3
  mkdir -p "$LOGS"
  log "$name: resolving artifacts with Maven (cached in ~/.m2), log: $LOGS/mvn-$name.log"
  t0=$(now)
  if ! mvn -B --strict-checksums -f "$pom" "$goal" "$@" >"$LOGS/mvn-$name.log" 2>&1; then
    tail -n 30 "$LOGS/mvn-$name.log" >&2
    die "$name: maven failed (full log $LOGS/mvn-$name.log)"
  fi
  log "$name: artifacts ready in $(($(now) - t0))s"
}

# Installs a pom's runtime classpath once into <dir> (marked complete only when the copy finished).
mvn_classpath() { # name pom dir props...
  local name=$1 pom=$2 dir=$3
  shift 3
  [[ -f $dir/.complete ]] && return 0
  rm -rf "$dir.tmp"
  mvn_fetch "$name" "$pom" dependency:copy-dependencies -DoutputDir="$dir.tmp" "$@"
  touch "$dir.tmp/.complete"
  rm -rf "$dir"
  mv "$dir.tmp" "$dir"
}

# deploy/config/<template> -> <output>, every {{NAME}} replaced (see deploy/config/render.sh)
render() { # template output NAME=VALUE...
  local tmpl=$1
  shift
  sh "$CONFIG/render.sh" "$CONFIG/$tmpl" "$@" || die "rendering $tmpl failed"
}

# ---------------------------------------------------------------- status
json_line() { # key=value...  (integers unquoted, empty values omitted)
  local out="{" first=1 kv k v
  for kv in "$@"; do
    k=${kv%%=*}
    v=${kv#*=}
    [[ -n $v ]] || continue
    [[ $first == 1 ]] || out+=","
    first=0
    if [[ $v =~ ^-?[0-9]+$ ]]; then out+="\"$k\":$v"; else out+="\"$k\":\"$v\""; fi
  done
  echo "$out}"
}

# the status line of a service run by one process: up / starting / foreign (someone else's) / down
process_status() { # service name marker port ready-fn extra-key=value...
  local svc=$1 name=$2 mark=$3 port=$4 ready=$5 pid
  shift 5
  if pid=$(pid_of "$name" "$mark"); then
    if "$ready"; then json_line service="$svc" state=up pid="$pid" port="$port" "$@"
    else json_line service="$svc" state=starting pid="$pid" port="$port"; fi
  elif port_open "$port"; then json_line service="$svc" state=foreign port="$port"
  else json_line service="$svc" state=down port="$port"; fi
}
