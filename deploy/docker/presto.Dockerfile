# syntax=docker/dockerfile:1
# prestodb/presto with Placebo's configs and the one fix deploy/local applies to the same release, both from the
# shared deploy/config/presto/: the configs are rendered with the compose service names, and
# patch-file-metastore.sh (which says why: 0.287's file metastore rejects hdfs:// table locations) recompiles
# FileHiveMetastore from the published sources into the plugin jar. A release without that check is used unchanged.
# Build context: deploy/ (see deploy/docker-compose.yml).

ARG PRESTO_VERSION=0.287
FROM prestodb/presto:${PRESTO_VERSION} AS presto

FROM eclipse-temurin:17-jdk AS patch
ARG PRESTO_VERSION
WORKDIR /patch
COPY --from=presto /opt/presto-server/plugin/hive-hadoop2 plugin
COPY --from=presto /opt/presto-server/lib lib
COPY config /placebo/config
ADD https://repo1.maven.org/maven2/com/facebook/presto/presto-hive-metastore/${PRESTO_VERSION}/presto-hive-metastore-${PRESTO_VERSION}-sources.jar sources.jar
RUN set -eu; \
    sh /placebo/config/presto/patch-file-metastore.sh sources.jar 'plugin/*:lib/*' out; \
    if [ -d out/classes/com ]; then jar uf "plugin/presto-hive-metastore-${PRESTO_VERSION}.jar" -C out/classes com; fi
RUN set -eu; c=/placebo/config; mkdir -p etc/catalog; \
    sh $c/render.sh $c/presto/config.properties etc/config.properties HTTP_PORT=8080 DISCOVERY_HOST=localhost \
      THRIFT_PORT=18080 PLUGIN_DIR=/opt/presto-server/plugin CATALOG_DIR=/opt/presto-server/etc/catalog; \
    sh $c/render.sh $c/presto/core-site.xml etc/core-site.xml NAMENODE_HOST=namenode NAMENODE_PORT=8020; \
    sh $c/render.sh $c/presto/catalog/hive.properties etc/catalog/hive.properties \
      METASTORE_DIR=/var/lib/presto/metastore METASTORE_USER=presto CORE_SITE=/opt/presto-server/etc/core-site.xml

FROM presto
ARG PRESTO_VERSION
COPY --from=patch /patch/plugin/presto-hive-metastore-${PRESTO_VERSION}.jar /opt/presto-server/plugin/hive-hadoop2/
# config.properties, core-site.xml and catalog/hive.properties; the image keeps its own jvm.config and node.properties
COPY --from=patch /patch/etc/ /opt/presto-server/etc/
RUN mkdir -p /var/lib/presto/metastore
