# syntax=docker/dockerfile:1
# prestodb/presto with the one fix deploy/local/stack.sh applies to the same release: 0.287's
# FileHiveMetastore.createTable checks a table's location with java.io.File, so with hive.metastore=file every
# hdfs:// table fails with 'URI scheme is not "file"'. The check is dropped and the class recompiled from the
# published sources into the plugin jar. A release without that check is used unchanged.
# Build context: deploy/docker (nothing is copied from it; the configs are mounted by deploy/docker-compose.yml).

ARG PRESTO_VERSION=0.287
FROM prestodb/presto:${PRESTO_VERSION} AS presto

FROM eclipse-temurin:17-jdk AS patch
ARG PRESTO_VERSION
WORKDIR /patch
COPY --from=presto /opt/presto-server/plugin/hive-hadoop2 plugin
COPY --from=presto /opt/presto-server/lib lib
ADD https://repo1.maven.org/maven2/com/facebook/presto/presto-hive-metastore/${PRESTO_VERSION}/presto-hive-metastore-${PRESTO_VERSION}-sources.jar sources.jar
RUN set -eu; \
    f=com/facebook/presto/hive/metastore/file/FileHiveMetastore; \
    jar xf sources.jar "$f.java"; \
    if grep -q 'File location = new File(new Path(table.getStorage().getLocation()).toUri());' "$f.java"; then \
      perl -0pi -e 's/\n\s*if \(!table\.getTableType\(\)\.equals\(VIRTUAL_VIEW\)\) \{\n\s*File location = new File\(new Path\(table\.getStorage\(\)\.getLocation\(\)\)\.toUri\(\)\);\n[^\n]*\n[^\n]*\n\s*\}\n/\n        \/\/ placebo: java.io.File location check removed (breaks hdfs:\/\/ locations)\n/' "$f.java"; \
      if grep -q 'new File(new Path(table.getStorage' "$f.java"; then echo "FileHiveMetastore patch did not apply" >&2; exit 1; fi; \
      mkdir out; \
      javac --release 8 -nowarn -proc:none -encoding UTF-8 -d out -cp 'plugin/*:lib/*' "$f.java"; \
      (cd out && jar uf "../plugin/presto-hive-metastore-${PRESTO_VERSION}.jar" com/facebook/presto/hive/metastore/file/FileHiveMetastore*.class); \
    else \
      echo "FileHiveMetastore has no java.io.File location check: no patch needed"; \
    fi

FROM presto
ARG PRESTO_VERSION
COPY --from=patch /patch/plugin/presto-hive-metastore-${PRESTO_VERSION}.jar /opt/presto-server/plugin/hive-hadoop2/
RUN mkdir -p /var/lib/presto/metastore
