import { createHash, randomUUID } from 'node:crypto';
import type { CommandMeta } from '@placebo/domain';
import type Koa from 'koa';
import type { ApiDeps } from './deps.js';
import { orFail } from './errors.js';
import { fail } from './httpError.js';
import { commandMeta } from './meta.js';

/** JSON with keys in order, so the same body written two ways digests the same. */
const stable = (v: unknown): string =>
  Array.isArray(v)
    ? `[${v.map(stable).join(',')}]`
    : v !== null && typeof v === 'object'
      ? `{${Object.keys(v)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`)
          .join(',')}}`
      : (JSON.stringify(v) ?? 'null');

/** The request a key stands for: method, route and decoded body (the key itself aside). */
export const requestFingerprint = (method: string, path: string, body: unknown): string => {
  const { command_id: _key, ...rest } = (body !== null && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  void _key;
  return createHash('sha256')
    .update(`${method} ${path}\n${stable(rest)}`)
    .digest('base64url');
};

/** A key the API made for a request that came without one: `g.<uuid>.<the request's fingerprint, 16 characters>`. */
const MADE = /^g\.[0-9a-f-]{36}\.([A-Za-z0-9_-]{16})$/;

const reused = (): never =>
  fail({
    status: 422,
    error: 'idempotency_key_reused',
    message: 'this idempotency key was used for a different request; send a new key for a new request',
    details: [{ path: 'Idempotency-Key', message: 'already used for a different request' }],
  });

/**
 * The command's metadata, with its idempotency key bound to (player, route, body): a retry of the same request gets
 * its first answer from the log; the same key on another route or with another body is 422 idempotency_key_reused,
 * and runs nothing.
 *
 * A request without a key gets one made here, named in the `Idempotency-Key` response header: a client that met a 503
 * (the command may still be applied) retries with it and gets the command's result instead of running it twice. A
 * made key is new, so neither the key store nor the log is asked about it; it carries the request's fingerprint, so
 * its reuse for another request is refused without a store either.
 */
export const scopedMeta = async (
  ctx: Koa.ParameterizedContext<unknown>,
  deps: Pick<ApiDeps, 'idempotencyKeys' | 'idempotencyTtlSeconds'>,
  player: string,
  body: unknown,
  fromBody?: string,
): Promise<CommandMeta> => {
  const meta = commandMeta(ctx, fromBody);
  const fingerprint = requestFingerprint(ctx.method, ctx.path, body);
  if (meta.command_id === null) {
    const made = `g.${randomUUID()}.${fingerprint.slice(0, 16)}`;
    ctx.set('Idempotency-Key', made);
    return { ...meta, command_id: made, fresh: true };
  }
  ctx.set('Idempotency-Key', meta.command_id);
  const made = MADE.exec(meta.command_id);
  if (made !== null && made[1] !== fingerprint.slice(0, 16)) reused();
  const use = await orFail(deps.idempotencyKeys.claim(`${player}\n${meta.command_id}`, fingerprint, deps.idempotencyTtlSeconds));
  if (use === 'different') reused();
  return meta;
};
