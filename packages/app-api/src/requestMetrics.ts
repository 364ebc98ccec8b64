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

type HttpChild = ReturnType<Metrics['http']['labels']>;
const children = new WeakMap<Metrics, Map<string, HttpChild>>();

/** The histogram's child of (route, method, status), bound once: the hot path then looks nothing up by label. */
const httpChild = (metrics: Metrics, route: string, method: string, status: number): HttpChild => {
  let byKey = children.get(metrics);
  if (byKey === undefined) children.set(metrics, (byKey = new Map()));
  const key = `${status} ${method} ${route}`;
  let child = byKey.get(key);
  if (child === undefined) byKey.set(key, (child = metrics.http.labels({ route, method, status: String(status) })));
  return child;
};

const accepted = new WeakMap<Metrics, Map<string, ReturnType<Metrics['commands']['labels']>>>();

/** The accepted-commands counter of a route, bound once (the common answer; refusals look their labels up). */
const commandChild = (metrics: Metrics, route: string): ReturnType<Metrics['commands']['labels']> => {
  let byRoute = accepted.get(metrics);
  if (byRoute === undefined) accepted.set(metrics, (byRoute = new Map()));
  let child = byRoute.get(route);
  if (child === undefined) byRoute.set(route, (child = metrics.commands.labels({ route, outcome: 'accepted', code: '' })));
  return child;
};

/**
 * Counts a request into the HTTP histogram (by route pattern, never the raw path: ids would make a series per
 * player) and, for a command (any POST or DELETE, seed routes' GETs that act aside), its outcome with the error code.
 */
export const observeRequest = (metrics: Metrics, ctx: Koa.Context, seconds: number): void => {
  const route = (ctx as { _matchedRoute?: unknown })._matchedRoute;
  const pattern = typeof route === 'string' ? route : 'unmatched';
  httpChild(metrics, pattern, ctx.method, ctx.status).observe(seconds);
  if (ctx.method === 'POST' || ctx.method === 'DELETE') {
    if (ctx.status < 300) commandChild(metrics, pattern).inc();
    else metrics.commands.inc({ route: pattern, outcome: outcomeOf(ctx.status), code: errorCode(ctx.body) });
  }
};
