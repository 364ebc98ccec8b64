import type { RateLimiter, RateLimiters, RateLimitVerdict } from '@placebo/adapters';
import type Koa from 'koa';
import { fail } from './httpError.js';
import type { AppState } from './state.js';

type Ctx = Koa.ParameterizedContext<AppState>;

/** The API's request budgets (0 is no limit). */
export interface Rates {
  readonly ipPerMin: number;
  readonly authIpPerMin: number;
  readonly authNamePerHour: number;
  readonly viewsPerMin: number;
  /** Console and analytics requests with an operator token (right or wrong), per client address. */
  readonly operatorPerMin: number;
}

export interface ApiLimits {
  /** Every request, per client address. */
  readonly ip: RateLimiter;
  /** Logins, registrations and seed-route player creations, per client address. */
  readonly authIp: RateLimiter;
  /** The same, per account name (normalised), whoever sends them. */
  readonly authName: RateLimiter;
  /** Seed 000's unauthenticated profile views, per viewed player. */
  readonly views: RateLimiter;
  /** The operator routes (analytics, status), per client address: each may run a query over the lake. */
  readonly operator: RateLimiter;
}

export const apiLimits = (store: RateLimiters, rates: Rates): ApiLimits => ({
  ip: store.limiter({ name: 'ip', points: rates.ipPerMin, windowS: 60 }),
  authIp: store.limiter({ name: 'auth-ip', points: rates.authIpPerMin, windowS: 60 }),
  authName: store.limiter({ name: 'auth-name', points: rates.authNamePerHour, windowS: 3600 }),
  views: store.limiter({ name: 'views', points: rates.viewsPerMin, windowS: 60 }),
  operator: store.limiter({ name: 'operator', points: rates.operatorPerMin, windowS: 60 }),
});

const unlimited = (l: RateLimiter): boolean => l.policy.points <= 0;

/**
 * The IETF RateLimit fields (draft-ietf-httpapi-ratelimit-headers): every policy the request was counted against,
 * with its quota and window, and what is left of each.
 */
const announce = (ctx: Ctx, l: RateLimiter, v: RateLimitVerdict): void => {
  const policy = `"${l.policy.name}";q=${l.policy.points};w=${l.policy.windowS}`;
  const left = `"${l.policy.name}";r=${v.remaining};t=${v.resetS}`;
  const join = (field: string, item: string): void => {
    const prior = ctx.response.get(field) as string | undefined;
    ctx.set(field, prior === undefined || prior === '' ? item : `${prior}, ${item}`);
  };
  join('RateLimit-Policy', policy);
  join('RateLimit', left);
};

/** Counts the request against `limiter` under `key`; over the limit, 429 with Retry-After names the field at fault. */
export const enforce = async (ctx: Ctx, limiter: RateLimiter, key: string, field: string, onFirstRefusal?: () => Promise<unknown>): Promise<void> => {
  if (unlimited(limiter)) return;
  const verdict = await limiter.consume(key);
  announce(ctx, limiter, verdict);
  if (verdict.allowed) return;
  if (verdict.firstRefusal && onFirstRefusal !== undefined) await onFirstRefusal();
  fail({
    status: 429,
    error: 'rate_limited',
    message: `too many requests for this ${field} (${limiter.policy.points} per ${limiter.policy.windowS} s); retry after ${verdict.resetS} s`,
    details: [{ path: field, message: `at most ${limiter.policy.points} per ${limiter.policy.windowS} s` }],
    headers: {
      'Retry-After': String(verdict.resetS),
      'RateLimit-Policy': ctx.response.get('RateLimit-Policy'),
      RateLimit: ctx.response.get('RateLimit'),
    },
  });
};

/** The client's address: the socket's, as the app trusts no proxy header. */
export const clientAddress = (ctx: Ctx): string => ctx.ip || 'unknown';

/** Every route: the per-address budget, counted before the body is read. */
export const limitEveryRequest =
  (limits: ApiLimits): Koa.Middleware<AppState> =>
  async (ctx, next) => {
    await enforce(ctx, limits.ip, clientAddress(ctx), 'ip');
    await next();
  };

/** Account names count as a person types them: case and Unicode compatibility forms fold together. */
export const nameBucket = (name: string): string => name.normalize('NFKC').trim().toLowerCase();

/** A login, a registration or a seed-route player creation: both budgets, the address's and the name's. */
export const enforceAuth = async (ctx: Ctx, limits: ApiLimits, name: string, onNameThrottled?: () => Promise<unknown>): Promise<void> => {
  await enforce(ctx, limits.authIp, clientAddress(ctx), 'ip');
  await enforce(ctx, limits.authName, nameBucket(name), 'name', onNameThrottled);
};
