# syntax=docker/dockerfile:1
# The Placebo sink (`placebo sink`: log -> Parquet on HDFS -> Presto tables). Build context: the repository root.
# api.Dockerfile has the same build stage; only the command differs.

FROM node:20-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/domain/package.json packages/domain/
COPY packages/adapters/package.json packages/adapters/
COPY packages/app-api/package.json packages/app-api/
COPY packages/app-sink/package.json packages/app-sink/
COPY packages/cli/package.json packages/cli/
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.base.json ./
COPY packages packages
RUN npx tsc -b \
 && npm prune --omit=dev --no-audit --no-fund \
 && find packages -name '*.tsbuildinfo' -delete

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    PLACEBO_DATA_DIR=/var/lib/placebo
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/packages packages
COPY config config
RUN mkdir -p /var/lib/placebo && chown node:node /var/lib/placebo
USER node
# Several sink containers may run: they share the Kafka partitions through one consumer group.
ENTRYPOINT ["node", "/app/packages/cli/bin/placebo.js"]
CMD ["sink"]
