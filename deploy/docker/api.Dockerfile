# syntax=docker/dockerfile:1
# The Placebo API (`placebo api`). Build context: the repository root (see deploy/docker-compose.yml).
# sink.Dockerfile has the same build stage; only the command differs.

FROM node:20-bookworm AS build
WORKDIR /app
# Manifests first, so the dependency layer is rebuilt only when the lock file or a manifest changes.
COPY package.json package-lock.json ./
COPY packages/domain/package.json packages/domain/
COPY packages/adapters/package.json packages/adapters/
COPY packages/app-api/package.json packages/app-api/
COPY packages/app-sink/package.json packages/app-sink/
COPY packages/cli/package.json packages/cli/
# The bookworm image has python3, make and g++ for better-sqlite3 when no prebuilt binding can be fetched.
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.base.json ./
COPY packages packages
RUN npx tsc -b \
 && npm prune --omit=dev --no-audit --no-fund \
 && find packages -name '*.tsbuildinfo' -delete

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    PLACEBO_HOST=0.0.0.0 \
    PLACEBO_PORT=8080 \
    PLACEBO_DATA_DIR=/var/lib/placebo
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/packages packages
COPY config config
RUN mkdir -p /var/lib/placebo && chown node:node /var/lib/placebo
USER node
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PLACEBO_PORT || 8080) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM reaches node directly (exec form), which closes the server gracefully.
ENTRYPOINT ["node", "/app/packages/cli/bin/placebo.js"]
CMD ["api"]
