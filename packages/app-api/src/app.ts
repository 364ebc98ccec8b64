import { randomUUID } from 'node:crypto';
import Koa from 'koa';
import { readBody } from './body.js';
import type { ApiDeps } from './deps.js';
import { errorBody, failureOf, type HttpError } from './httpError.js';
import { limitEveryRequest } from './rateLimit.js';
import { observeRequest } from './requestMetrics.js';
import { seedRouter } from './seedRoutes.js';
import type { AppState } from './state.js';
import { consoleRouter } from './console/consoleRoutes.js';
import { probesRouter, systemRouter } from './system.js';
import { v1Router } from './v1.js';

export type { ApiDeps } from './deps.js';

/** Statuses Koa or the router set without a body (no route, wrong method), as JSON like every other error. */
const bare: Readonly<Record<number, HttpError>> = {
  404: { status: 404, error: 'not_found', message: 'no such route' },
  405: { status: 405, error: 'method_not_allowed', message: 'the route does not take this method; Allow lists the ones it takes' },
};

const render = (ctx: Koa.ParameterizedContext<AppState>, e: HttpError): void => {
  ctx.status = e.status;
  for (const [k, v] of Object.entries(e.headers ?? {})) ctx.set(k, v);
  ctx.body = errorBody(e);
};

const incomingId = (v: string): string | null => (/^[A-Za-z0-9._:-]{1,128}$/.test(v) ? v : null);

/** A failure's tag and message for the log: never its whole object, which may hold driver internals. */
const summary = (e: unknown): unknown =>
  e !== null && typeof e === 'object' && 'message' in e ? { ...('_tag' in e ? { tag: e._tag } : {}), message: e.message } : String(e);

/**
 * The first middleware: a request id, one log line per request (method, path, status, time: never headers, bodies or
 * query strings, which may carry secrets), and every failure as JSON `{ error, message?, details? }`.
 */
const handleErrors =
  (deps: ApiDeps): Koa.Middleware<AppState> =>
  async (ctx, next) => {
    const started = performance.now();
    ctx.state.requestId = incomingId(ctx.get('x-request-id')) ?? randomUUID();
    ctx.state.log = deps.logger.child({ request_id: ctx.state.requestId });
    ctx.set('X-Request-Id', ctx.state.requestId);
    try {
      await next();
      const e = bare[ctx.status];
      if (e !== undefined && (ctx.body === null || ctx.body === undefined)) render(ctx, e);
    } catch (thrown) {
      const failure = failureOf(thrown);
      if (failure !== undefined) {
        render(ctx, failure.http);
        if (failure.http.status >= 500) ctx.state.log.warn('request failed', { status: failure.http.status, cause: summary(failure.cause) });
      } else {
        render(ctx, { status: 500, error: 'internal_error', message: 'something went wrong; the request id is in X-Request-Id' });
        ctx.state.log.error('unexpected error', { error: summary(thrown), stack: thrown instanceof Error ? thrown.stack : undefined });
      }
    }
    const ms = performance.now() - started;
    observeRequest(deps.metrics, ctx, ms / 1000);
    deps.console.failures.observe(ctx, ctx.state.requestId);
    ctx.state.log.info('request', { method: ctx.method, path: ctx.path, status: ctx.status, ms: Math.round(ms) });
  };

/** The HTTP API: the JSON API under /v1, the seeds' plain-text routes (optional) and the operations probes. */
export const createApp = (deps: ApiDeps): Koa<AppState> => {
  const app = new Koa<AppState>({ proxy: false });
  app.use(handleErrors(deps));
  const probes = probesRouter(deps);
  app.use(probes.routes()).use(probes.allowedMethods());
  app.use(limitEveryRequest(deps.limits));
  app.use(readBody({ limit: deps.bodyLimit }));
  const routers = [systemRouter(deps), v1Router(deps), consoleRouter(deps.console.consoleDir), ...(deps.seedRoutes ? [seedRouter(deps)] : [])];
  for (const router of routers) app.use(router.routes()).use(router.allowedMethods());
  return app;
};
