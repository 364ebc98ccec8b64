import { METHODS } from 'node:http';
import { Router } from '@koa/router';
import type { AppState } from './state.js';

/**
 * A router that knows every method Node parses, so a known path asked with TRACE or QUERY answers 405 with Allow
 * (RFC 9110 §15.5.6) instead of 501, which is for methods the server does not recognise at all. Paths match exactly
 * (strict): `/v1/players/` is not `/v1/players`, as the document lists them.
 */
export const createRouter = (prefix?: string): Router<AppState> =>
  new Router<AppState>({ methods: [...METHODS], strict: true, ...(prefix === undefined ? {} : { prefix }) });
