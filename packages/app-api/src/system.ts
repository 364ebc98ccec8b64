import type { Router } from '@koa/router';
import { createRouter } from './router.js';
import type { ApiDeps } from './deps.js';
import { openApiDocument } from './openapi.js';
import type { AppState } from './state.js';

/**
 * Probes for orchestrators. They write nothing — no event, no request count: they are served before the rate limits,
 * so a load balancer polling every second neither fills a log nor spends the budget of the address it polls from.
 */
export const probesRouter = (deps: ApiDeps): Router<AppState> => {
  const router = createRouter();

  router.get('/healthz', (ctx) => {
    ctx.body = { status: 'ok' };
  });

  router.get('/readyz', async (ctx) => {
    const ready = await deps.ready().catch(() => false);
    ctx.status = ready ? 200 : 503;
    ctx.body = ready ? { status: 'ready' } : { error: 'unavailable', message: 'the stores do not answer' };
  });

  return router;
};

/** The API's own description and its metrics (behind the rate limits, like every other route). */
export const systemRouter = (deps: ApiDeps): Router<AppState> => {
  const router = createRouter();
  const document = openApiDocument({ seedRoutes: deps.seedRoutes });

  router.get('/metrics', async (ctx) => {
    ctx.body = await deps.metrics.render();
    ctx.type = deps.metrics.contentType;
  });

  router.get('/openapi.json', (ctx) => {
    ctx.body = document;
  });

  return router;
};
