import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Router } from '@koa/router';
import type Koa from 'koa';
import { createRouter } from '../router.js';
import { fail } from '../httpError.js';
import type { AppState } from '../state.js';

/**
 * The console's pages may run only their own bundle and talk only to this origin: no inline script or style, no
 * other host, no framing, no form posted elsewhere.
 */
export const consolePolicy =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const types: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json; charset=utf-8',
};

interface Asset {
  readonly bytes: Buffer;
  readonly type: string;
}

/** The built files, read once: the set of names served is fixed at start, so no request names a path on disk. */
const assetsIn = (dir: string | null): ReadonlyMap<string, Asset> => {
  if (dir === null) return new Map();
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return new Map();
  }
  return new Map(names.filter((n) => types[extname(n)] !== undefined).map((n) => [n, { bytes: readFileSync(join(dir, n)), type: types[extname(n)]! }]));
};

const secure = (ctx: Koa.ParameterizedContext<AppState>): void => {
  ctx.set('Content-Security-Policy', consolePolicy);
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Referrer-Policy', 'no-referrer');
  ctx.set('Cross-Origin-Opener-Policy', 'same-origin');
  ctx.set('Cache-Control', 'no-cache');
};

/** `/console/`: the web console's static files (the player, designer and operator pages are one page, by `#`). */
export const consoleRouter = (dir: string | null): Router<AppState> => {
  const assets = assetsIn(dir);
  const router = createRouter();
  const send = (ctx: Koa.ParameterizedContext<AppState>, name: string): void => {
    const asset = assets.get(name);
    if (asset === undefined) {
      fail({ status: 404, error: 'not_found', message: assets.size === 0 ? 'the console is not built: run npm run build' : 'no such console file' });
    }
    secure(ctx);
    ctx.type = asset!.type;
    ctx.body = asset!.bytes;
  };
  router.get('/console', (ctx) => {
    ctx.redirect('/console/');
  });
  router.get('/console/', (ctx) => send(ctx, 'index.html'));
  router.get('/console/:file', (ctx) => send(ctx, ctx.params.file ?? ''));
  return router;
};
