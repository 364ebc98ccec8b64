import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import * as E from 'fp-ts/lib/Either.js';
import {
  createMetrics,
  createScryptHasher,
  cryptoIds,
  systemClock,
  type Config,
  type Infrastructure,
  type LogIndex,
  type Logger,
  type Metrics,
  repoRoot,
} from '@placebo/adapters';
import type { Clock, CommandHandler } from '@placebo/domain';
import { createApp } from './app.js';
import { createHandler } from './compose.js';
import { createBackgroundWrites } from './background.js';
import { apiLimits } from './rateLimit.js';
import { loadCatalogue } from './analytics/questionCatalogue.js';
import type { ConsoleDeps, SinkView } from './consoleDeps.js';
import { createRecentFailures } from './operator/recentFailures.js';

const listen = (server: Server, port: number, host: string): Promise<AddressInfo> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });

/**
 * Cluster mode: players whose write was cut off (a process killed between deciding and storing) are settled in the
 * background — the open intent produced and closed, the snapshot brought up to the log — instead of waiting for the
 * player's next command. Every API process sweeps; the intents' leases keep them from doing the same work twice.
 */
const startSweeper = (index: LogIndex, handler: CommandHandler, leaseMs: number, logger: Logger): { stop: () => Promise<void> } => {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const sweep = async (): Promise<void> => {
    const players = await index.pending(leaseMs, 500)();
    if (E.isLeft(players)) return void logger.warn('cannot list pending players', { error: players.left.message });
    for (const id of players.right) {
      if (stopped) return;
      const completed = await index.completeIntent(id);
      const refreshed = E.isRight(completed) ? await handler.refresh(id)() : completed;
      if (E.isLeft(refreshed))
        logger.warn('cannot settle player', { player_id: id, error: 'message' in refreshed.left ? refreshed.left.message : refreshed.left._tag });
      else {
        await index
          .settled(id)
          .catch((e: unknown) => logger.warn('cannot unlist settled player', { player_id: id, error: e instanceof Error ? e.message : String(e) }));
        logger.info('settled player', { player_id: id, version: refreshed.right.version });
      }
    }
  };
  const tick = (): void => {
    timer = setTimeout(
      () => {
        running = sweep().finally(() => {
          if (!stopped) tick();
        });
      },
      Math.max(500, Math.floor(leaseMs / 2)),
    );
  };
  tick();
  return {
    stop: async () => {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      await running;
    },
  };
};

/**
 * The console's sources. The catalogue is read and checked once, before the API listens, so a broken question file
 * stops the start instead of failing its requests; the built pages are beside this file (dist/web/).
 */
const consoleOf = async (config: Config, infra: Infrastructure, sink: () => SinkView | null): Promise<ConsoleDeps> => {
  const questions = await loadCatalogue(join(repoRoot(), 'queries'));
  return {
    operatorToken: config.PLACEBO_OPERATOR_TOKEN,
    mode: config.PLACEBO_MODE,
    log: infra.log,
    engine: infra.query,
    questions: async () => questions,
    services: infra.health,
    sink,
    failures: createRecentFailures(),
    consoleDir: fileURLToPath(new URL('./web/', import.meta.url)),
  };
};

/** Requests still running after this long at shutdown are cut off. */
const graceMs = 10_000;

/**
 * The API's composition root: handler over the given infrastructure, the Koa app, an HTTP server on
 * PLACEBO_HOST:PLACEBO_PORT. `close` stops accepting, lets requests in flight finish, then resolves; the caller
 * still owns (and closes) `infra`. `runtime` dates the events and draws the fights' rolls: the system's clock and
 * crypto's draws, except in a process that composes a deployment of its own (the simulator's calendar, seeded) — no
 * setting and nothing a client sends can choose them.
 */
export const startApi = async (
  config: Config,
  infra: Infrastructure,
  logger: Logger,
  metrics: Metrics = createMetrics(),
  runtime: { readonly clock?: Clock; readonly roll?: () => number; readonly sink?: () => SinkView | null } = {},
): Promise<{ url: string; close: () => Promise<void>; settle: () => Promise<void> }> => {
  const ids = runtime.roll === undefined ? cryptoIds : { ...cryptoIds, roll: runtime.roll };
  const consoleDeps = await consoleOf(config, infra, runtime.sink ?? (() => null));
  const handler = createHandler({
    infra,
    catalogue: config.catalogue,
    clock: runtime.clock ?? systemClock,
    ids,
    hasher: createScryptHasher({ cost: config.PLACEBO_SCRYPT_COST }),
    sessionTtlSeconds: config.PLACEBO_SESSION_TTL_S,
    maxWaitingLogins: config.PLACEBO_LOGIN_QUEUE,
    maxSessionsPerPlayer: config.PLACEBO_MAX_SESSIONS,
  });
  const limits = apiLimits(infra.rateLimits, {
    ipPerMin: config.PLACEBO_RATE_IP_PER_MIN,
    authIpPerMin: config.PLACEBO_RATE_AUTH_IP_PER_MIN,
    authNamePerHour: config.PLACEBO_RATE_AUTH_NAME_PER_HOUR,
    viewsPerMin: config.PLACEBO_RATE_VIEWS_PER_MIN,
    operatorPerMin: config.PLACEBO_RATE_OPERATOR_PER_MIN,
  });
  const background = createBackgroundWrites((e) => logger.warn('background write failed', { error: e instanceof Error ? e.message : String(e) }));
  const app = createApp({
    handler,
    catalogue: config.catalogue,
    logger: logger.child({ component: 'api' }),
    seedRoutes: config.PLACEBO_SEED_ROUTES,
    limits,
    background,
    idempotencyKeys: infra.rateLimits.idempotencyKeys,
    idempotencyTtlSeconds: config.PLACEBO_IDEMPOTENCY_TTL_S,
    bodyLimit: config.PLACEBO_BODY_LIMIT,
    ready: infra.ready,
    roll: ids.roll,
    metrics,
    console: consoleDeps,
  });
  const sweeper =
    infra.logIndex === undefined ? null : startSweeper(infra.logIndex, handler, config.PLACEBO_WRITE_LEASE_MS, logger.child({ component: 'sweeper' }));
  const server = createServer(
    {
      headersTimeout: config.PLACEBO_HEADERS_TIMEOUT_MS,
      requestTimeout: config.PLACEBO_REQUEST_TIMEOUT_MS,
      keepAliveTimeout: config.PLACEBO_KEEPALIVE_TIMEOUT_MS,
      // How often slow headers and requests are looked for: often enough for the timeouts to hold.
      connectionsCheckingInterval: Math.min(1000, Math.floor(config.PLACEBO_HEADERS_TIMEOUT_MS / 4)),
    },
    app.callback(),
  );
  // Past the cap Node closes a new connection at once, before reading anything from it.
  server.maxConnections = config.PLACEBO_MAX_CONNECTIONS;
  const address = await listen(server, config.PLACEBO_PORT, config.PLACEBO_HOST);
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      const force = setTimeout(() => server.closeAllConnections(), graceMs);
      server.close(() => {
        clearTimeout(force);
        resolve(background.settle().then(() => sweeper?.stop()));
      });
      server.closeIdleConnections();
    });
    return closing;
  };
  // settle: the writes done after answering (records of reads) have finished — a caller that moves the clock waits for it.
  return { url: `http://${host}:${address.port}`, close, settle: background.settle };
};
