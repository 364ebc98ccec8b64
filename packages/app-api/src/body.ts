import type { IncomingMessage } from 'node:http';
import type Koa from 'koa';
import { fail } from './httpError.js';
import type { AppState } from './state.js';

const tooLarge = (limit: number) => fail({ status: 413, error: 'payload_too_large', message: `the body may have at most ${limit} bytes` });

/** Collects at most `limit` bytes; past that the rest is drained unread so the 413 still reaches the client. */
const collect = (req: IncomingMessage, limit: number): Promise<Buffer | 'too_large'> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onAborted);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        req.resume();
        resolve('too_large');
      } else chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (e: Error): void => {
      cleanup();
      reject(e);
    };
    const onAborted = (): void => onError(new Error('request aborted'));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onAborted);
  });

/** Reads the raw body once, for every route; each router parses it by its own rules (strictBody, lenientBody). */
export const readBody =
  (options: { readonly limit: number }): Koa.Middleware<AppState> =>
  async (ctx, next) => {
    ctx.state.raw = null;
    const declared = ctx.request.length;
    const coding = ctx.req.headers['transfer-encoding'];
    if (coding !== undefined && coding.trim().toLowerCase() !== 'chunked') {
      // RFC 9112 §6.1: a transfer coding the server does not understand is 501; Node has only taken the chunks off.
      ctx.req.resume();
      fail({ status: 501, error: 'unsupported_transfer_coding', message: 'Transfer-Encoding may only be chunked' });
    }
    const chunked = coding !== undefined;
    if (declared !== undefined && declared > options.limit) {
      ctx.req.resume();
      tooLarge(options.limit);
    }
    if (chunked || (declared ?? 0) > 0) {
      const encoding = ctx.get('content-encoding').toLowerCase();
      if (encoding !== '' && encoding !== 'identity') {
        ctx.req.resume();
        fail({ status: 415, error: 'unsupported_encoding', message: 'compressed bodies are not accepted' });
      }
      const read = await collect(ctx.req, options.limit).catch(() => fail({ status: 400, error: 'request_aborted', message: 'the body could not be read' }));
      if (read === 'too_large') tooLarge(options.limit);
      else ctx.state.raw = read;
    }
    await next();
  };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const text = (raw: Buffer, error: 'malformed_json' | 'malformed_body'): string => {
  try {
    return utf8.decode(raw);
  } catch {
    return fail({ status: 400, error, message: 'the body is not valid UTF-8' });
  }
};

/** Form fields; a repeated field keeps its first value, as Flask's request.form.get did. */
export const decodeForm = (s: string): Record<string, string> => {
  const fields = new Map<string, string>();
  for (const [k, v] of new URLSearchParams(s)) if (!fields.has(k)) fields.set(k, v.trim());
  return Object.fromEntries(fields);
};

const parseJson = (s: string): { readonly ok: true; readonly value: unknown } | { readonly ok: false } => {
  try {
    return { ok: true, value: JSON.parse(s) as unknown };
  } catch {
    return { ok: false };
  }
};

/** The JSON API's body: JSON or a form, as labelled; no body reads as `{}`. */
export const strictBody = (ctx: Koa.ParameterizedContext<AppState>): unknown => {
  const raw = ctx.state.raw;
  if (raw === null || raw.length === 0) return {};
  if (ctx.request.is('json')) {
    const parsed = parseJson(text(raw, 'malformed_json'));
    return parsed.ok ? parsed.value : fail({ status: 400, error: 'malformed_json', message: 'the body is not valid JSON' });
  }
  if (ctx.request.is('urlencoded')) return decodeForm(text(raw, 'malformed_body'));
  return fail({ status: 415, error: 'unsupported_media_type', message: 'send application/json or application/x-www-form-urlencoded' });
};

const asText = (v: unknown): unknown => (typeof v === 'number' && Number.isFinite(v) ? String(v) : v);

/**
 * The seed routes' body, whatever its label: Apache Bench posted form fields labelled application/json, so a body
 * that is not a JSON object is read as a form. Seed fields are text, so JSON numbers become strings.
 */
export const lenientBody = (ctx: Koa.ParameterizedContext<AppState>): Record<string, unknown> => {
  const raw = ctx.state.raw;
  if (raw === null || raw.length === 0) return {};
  const s = text(raw, 'malformed_body').trim();
  const parsed = parseJson(s);
  if (parsed.ok && parsed.value !== null && typeof parsed.value === 'object' && !Array.isArray(parsed.value)) {
    return Object.fromEntries(Object.entries(parsed.value).map(([k, v]) => [k, asText(v)]));
  }
  return decodeForm(s);
};
