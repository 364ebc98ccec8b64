# shellcheck shell=bash
# `stack.sh smoke`: end-to-end checks of a running stack (WebHDFS round trip, Presto's hive connector on HDFS).

smoke() {
  local u=placebo nn="http://$HOST:$HDFS_NAMENODE_HTTP_PORT/webhdfs/v1" d=/tmp/placebo_smoke loc
  log "smoke: WebHDFS mkdirs/create/rename/list/open/delete"
  curl -sf -X PUT "$nn$d?op=MKDIRS&user.name=$u" | grep -q '"boolean":true'
  loc=$(curl -sf -o /dev/null -w '%{redirect_url}' -X PUT "$nn$d/a.txt?op=CREATE&overwrite=true&user.name=$u")
  [[ $loc == http://$HOST:$HDFS_DATANODE_HTTP_PORT/* ]] || die "unexpected CREATE redirect: $loc"
  printf 'hello placebo\n' | curl -sf -X PUT -T - "$loc" >/dev/null
  curl -sf -X PUT "$nn$d/a.txt?op=RENAME&destination=$d/b.txt&user.name=$u" | grep -q '"boolean":true'
  curl -sf "$nn$d?op=LISTSTATUS&user.name=$u" |
    jq -e '.FileStatuses.FileStatus[] | select(.pathSuffix=="b.txt" and .length==14)' >/dev/null
  [[ $(curl -sfL "$nn$d/b.txt?op=OPEN&user.name=$u") == 'hello placebo' ]] || die "OPEN returned other bytes"
  curl -sf -X DELETE "$nn$d?op=DELETE&recursive=true&user.name=$u" | grep -q '"boolean":true'
  log "smoke: WebHDFS ok"

  local t=hive.placebo_smoke.t
  log "smoke: Presto hive connector on HDFS"
  curl -sf -X PUT "$nn/tmp/placebo_smoke_t/t?op=MKDIRS&user.name=$u" >/dev/null
  presto_sql "CREATE SCHEMA IF NOT EXISTS hive.placebo_smoke" >/dev/null
  presto_sql "CREATE TABLE $t (a bigint, b varchar) WITH (format='PARQUET', external_location='hdfs://$HOST:$HDFS_NAMENODE_PORT/tmp/placebo_smoke_t/t')" >/dev/null
  presto_sql "INSERT INTO $t VALUES (1, 'x'), (2, 'y')" >/dev/null
  [[ $(presto_sql "SELECT count(*), sum(a) FROM $t") == '[[2,3]]' ]] || die "unexpected select result"
  presto_sql "CREATE VIEW hive.placebo_smoke.v AS SELECT b FROM $t WHERE a > 1" >/dev/null
  [[ $(presto_sql "SELECT * FROM hive.placebo_smoke.v") == '[["y"]]' ]] || die "unexpected view result"
  presto_sql "DROP VIEW hive.placebo_smoke.v" >/dev/null
  presto_sql "DROP TABLE $t" >/dev/null
  presto_sql "DROP SCHEMA hive.placebo_smoke" >/dev/null
  curl -sf -X DELETE "$nn/tmp/placebo_smoke_t?op=DELETE&recursive=true&user.name=$u" >/dev/null
  log "smoke: Presto ok (external PARQUET table on HDFS: create/insert/select, view create/select/drop)"
}
