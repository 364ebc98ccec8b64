// The ceiling of the HTTP benches: Koa and @koa/router serving a route with nothing behind it, in a child process.
import { newRunId, runEachMode } from './modes.mjs';

/** Serves the routes `addRoutes(router)` declares on 127.0.0.1 and prints its URL; stops on SIGTERM. */
export const serveBareKoa = async (addRoutes) => {
  const { default: Koa } = await import('koa');
  const { Router } = await import('@koa/router');
  const router = new Router();
  addRoutes(router);
  const app = new Koa();
  app.use(router.routes()).use(router.allowedMethods());
  const server = app.listen(0, '127.0.0.1', () => process.stdout.write(`Koa listening on http://127.0.0.1:${server.address().port}\n`));
  process.once('SIGTERM', () => server.close(() => process.exit(0)));
};

/**
 * A side-by-side bench's entry point: with --serve-koa this process is the bare Koa server; otherwise every mode runs
 * in turn and `report` prints the table.
 */
export const benchMain = async ({ parseArgs, serveKoa, runMode, report }) => {
  const opts = parseArgs(process.argv.slice(2));
  if (opts['serve-koa']) return serveKoa();
  const runId = newRunId();
  const results = await runEachMode(opts.modes, (mode) => runMode(mode, opts, runId));
  report(opts, results);
};
