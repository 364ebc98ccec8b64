import type { CommandMeta, RequestInfo } from '@placebo/domain';
import type Koa from 'koa';
import { fail, invalidField } from './httpError.js';
import { CommandId } from './requests.js';
import { decodeField } from './validation.js';

const header = (ctx: Koa.Context | Koa.ParameterizedContext<unknown>, name: string): string | null => {
  const v = ctx.get(name);
  // Headers land in every event of the log; a bounded copy is enough for analysts.
  return v === '' ? null : v.slice(0, 512);
};

/** The request metadata the seeds' analysts used (Host, User-Agent, Accept). */
export const requestInfo = (ctx: Koa.ParameterizedContext<unknown>): RequestInfo => ({
  host: header(ctx, 'host'),
  user_agent: header(ctx, 'user-agent'),
  accept: header(ctx, 'accept'),
});

/** The idempotency key from the `Idempotency-Key` header or the body's `command_id`; both must agree. */
export const idempotencyKey = (ctx: Koa.ParameterizedContext<unknown>, fromBody?: string): string | null => {
  const raw = ctx.req.headers['idempotency-key'];
  const fromHeader = raw === undefined ? undefined : decodeField(CommandId, 'Idempotency-Key', Array.isArray(raw) ? raw.join(',') : raw);
  if (fromHeader !== undefined && fromBody !== undefined && fromHeader !== fromBody) {
    fail(invalidField('command_id', 'differs from the Idempotency-Key header'));
  }
  return fromHeader ?? fromBody ?? null;
};

export const commandMeta = (ctx: Koa.ParameterizedContext<unknown>, fromBody?: string): CommandMeta => ({
  command_id: idempotencyKey(ctx, fromBody),
  request: requestInfo(ctx),
});

/** For reads and logins: no idempotency key (a replayed login must not skip the password check). */
export const plainMeta = (ctx: Koa.ParameterizedContext<unknown>): CommandMeta => ({ command_id: null, request: requestInfo(ctx) });
