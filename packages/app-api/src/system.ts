import type { Router } from '@koa/router';
import { createRouter } from './router.js';
import type { ApiDeps } from './deps.js';
import { openApiDocument } from './openapi.js';
import type { AppState } from './state.js';

/** Probes for orchestrators and the API's own description. */
export const systemRouter = (deps: ApiDeps): Router<AppState> => {
  const router = createRouter();
  const document = openApiDocument({ seedRoutes: deps.seedRoutes });

  router.get('/healthz', (ctx) => {
    ctx.body = { status: 'ok' };
  });

  router.get('/readyz', async (ctx) => {
    const ready = await deps.ready().catch(() => false);
    ctx.status = ready ? 200 : 503;
    ctx.body = ready ? { status: 'ready' } : { error: 'unavailable', message: 'the stores do not answer' };
  });

  router.get('/metrics', async (ctx) => {
    ctx.body = await deps.metrics.render();
    ctx.type = deps.metrics.contentType;
  });

  router.get('/openapi.json', (ctx) => {
    ctx.body = document;
  });

  return router;
};
