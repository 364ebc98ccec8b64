import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createScryptHasher, cryptoIds, systemClock, type Config, type Infrastructure, type Logger } from '@placebo/adapters';
import { createApp } from './app.js';
import { createHandler } from './compose.js';

const listen = (server: Server, port: number, host: string): Promise<AddressInfo> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });

/** Requests still running after this long at shutdown are cut off. */
const graceMs = 10_000;

/**
 * The API's composition root: handler over the given infrastructure, the Koa app, an HTTP server on
 * PLACEBO_HOST:PLACEBO_PORT. `close` stops accepting, lets requests in flight finish, then resolves; the caller
 * still owns (and closes) `infra`.
 */
export const startApi = async (config: Config, infra: Infrastructure, logger: Logger): Promise<{ url: string; close: () => Promise<void> }> => {
  const handler = createHandler({
    infra,
    catalogue: config.catalogue,
    clock: systemClock,
    ids: cryptoIds,
    hasher: createScryptHasher({ cost: config.PLACEBO_SCRYPT_COST }),
    sessionTtlSeconds: config.PLACEBO_SESSION_TTL_S,
  });
  const app = createApp({
    handler,
    catalogue: config.catalogue,
    logger: logger.child({ component: 'api' }),
    seedRoutes: config.PLACEBO_SEED_ROUTES,
    bodyLimit: config.PLACEBO_BODY_LIMIT,
    ready: infra.ready,
    roll: cryptoIds.roll,
  });
  const server = createServer(app.callback());
  const address = await listen(server, config.PLACEBO_PORT, config.PLACEBO_HOST);
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      const force = setTimeout(() => server.closeAllConnections(), graceMs);
      server.close(() => {
        clearTimeout(force);
        resolve();
      });
      server.closeIdleConnections();
    });
    return closing;
  };
  return { url: `http://${host}:${address.port}`, close };
};
