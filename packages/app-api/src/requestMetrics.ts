import type Koa from 'koa';
import type { Metrics } from '@placebo/adapters';

/** What a command's answer says of it, for `placebo_commands_total`. */
const outcomeOf = (status: number): string => {
  if (status < 300) return 'accepted';
  if (status === 409) return 'conflict';
  if (status === 400 || status === 413 || status === 415) return 'invalid';
  if (status === 429) return 'limited';
  if (status === 503) return 'unavailable';
  if (status >= 500) return 'failed';
  return 'rejected';
};

const errorCode = (body: unknown): string =>
  typeof body === 'object' && body !== null && typeof (body as { error?: unknown }).error === 'string' ? (body as { error: string }).error : '';

/**
 * Counts a request into the HTTP histogram (by route pattern, never the raw path: ids would make a series per
 * player) and, for a command (any POST or DELETE, seed routes' GETs that act aside), its outcome with the error code.
 */
export const observeRequest = (metrics: Metrics, ctx: Koa.Context, seconds: number): void => {
  const route = (ctx as { _matchedRoute?: unknown })._matchedRoute;
  const pattern = typeof route === 'string' ? route : 'unmatched';
  const status = String(ctx.status);
  metrics.http.observe({ route: pattern, method: ctx.method, status }, seconds);
  if (ctx.method === 'POST' || ctx.method === 'DELETE') {
    metrics.commands.inc({ route: pattern, outcome: outcomeOf(ctx.status), code: ctx.status < 300 ? '' : errorCode(ctx.body) });
  }
};
