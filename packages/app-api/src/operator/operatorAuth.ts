import { createHash, timingSafeEqual } from 'node:crypto';
import type Koa from 'koa';
import type { ApiLimits } from '../rateLimit.js';
import { clientAddress, enforce } from '../rateLimit.js';
import { fail } from '../httpError.js';
import type { AppState } from '../state.js';

type Ctx = Koa.ParameterizedContext<AppState>;

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

const refuse = (message: string): never =>
  fail({ status: 401, error: 'operator_unauthorized', message, headers: { 'WWW-Authenticate': 'Bearer realm="operator"' } });

/**
 * The operator routes' guard: the request's budget per address is counted first (so guessing costs a request
 * like any other), then `Authorization: Bearer <PLACEBO_OPERATOR_TOKEN>` is compared with the setting in constant time
 * (digests of equal length, so neither the length nor a prefix of the token shows in the time). With no token set the
 * routes are closed to everyone.
 */
export const requireOperator = async (ctx: Ctx, token: string, limits: ApiLimits): Promise<void> => {
  await enforce(ctx, limits.operator, clientAddress(ctx), 'ip');
  if (token === '') refuse('the operator routes are closed: this server has no PLACEBO_OPERATOR_TOKEN');
  const m = /^Bearer +(\S{1,512})$/i.exec(ctx.get('authorization'));
  if (m === null) refuse('send Authorization: Bearer <operator token>');
  if (!timingSafeEqual(digest(m![1]!), digest(token))) refuse('the operator token is wrong');
};
