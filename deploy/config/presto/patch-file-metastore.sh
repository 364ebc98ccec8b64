#!/bin/sh
# Builds the one fix Placebo applies to Presto 0.287, shared by deploy/local/presto/presto.sh (which caches the result
# keyed by a checksum of this file and the Presto version) and deploy/docker/presto.Dockerfile.
#
# Why: 0.287's FileHiveMetastore.createTable checks the table location with java.io.File, so with hive.metastore=file
# every hdfs:// table fails with 'URI scheme is not "file"'. The external-location check just above it already goes
# through the Hadoop FileSystem, so the java.io.File check is dropped and the class is recompiled from the published
# sources (presto-hive-metastore-<version>-sources.jar on Maven Central). Later Presto releases fixed it upstream.
#
#   patch-file-metastore.sh SOURCES_JAR CLASSPATH OUT_DIR
#
# Writes the patched com/facebook/presto/hive/metastore/file/FileHiveMetastore*.class under OUT_DIR/classes, to be
# added to the plugin's presto-hive-metastore-<version>.jar with `jar uf`. Exits 0 with an empty OUT_DIR/classes when
# the sources have no such check (nothing to patch). Needs jar, javac (JDK 17) and perl on PATH.
set -eu
[ $# -eq 3 ] || { echo "usage: patch-file-metastore.sh SOURCES_JAR CLASSPATH OUT_DIR" >&2; exit 2; }
src=$(cd "$(dirname "$1")" && pwd)/$(basename "$1") cp=$2 out=$3
f=com/facebook/presto/hive/metastore/file/FileHiveMetastore

rm -rf "$out"
mkdir -p "$out/src" "$out/classes"
(cd "$out/src" && jar xf "$src" "$f.java")
if ! grep -q 'File location = new File(new Path(table.getStorage().getLocation()).toUri());' "$out/src/$f.java"; then
  echo "FileHiveMetastore has no java.io.File location check: nothing to patch"
  exit 0
fi
perl -0pi -e 's/\n\s*if \(!table\.getTableType\(\)\.equals\(VIRTUAL_VIEW\)\) \{\n\s*File location = new File\(new Path\(table\.getStorage\(\)\.getLocation\(\)\)\.toUri\(\)\);\n[^\n]*\n[^\n]*\n\s*\}\n/\n        \/\/ placebo: java.io.File location check removed (breaks hdfs:\/\/ locations)\n/' "$out/src/$f.java"
if grep -q 'new File(new Path(table.getStorage' "$out/src/$f.java"; then
  echo "FileHiveMetastore patch did not apply" >&2
  exit 1
fi
javac --release 8 -nowarn -proc:none -encoding UTF-8 -d "$out/classes" -cp "$cp" "$out/src/$f.java"
echo "FileHiveMetastore patched: $(find "$out/classes" -name '*.class' | wc -l) class files"
