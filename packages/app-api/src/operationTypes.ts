import type * as t from 'io-ts';
import type { ErrorCode } from './httpError.js';
import type { JsonSchema } from './jsonSchema.js';

/** What one status carries: a JSON view (by its codec; an error with the codes it may carry), plain text, or nothing. */
export type Answer =
  | { readonly description: string; readonly json: t.Mixed; readonly codes?: ReadonlyArray<ErrorCode> }
  | { readonly description: string; readonly text: JsonSchema }
  | { readonly description: string; readonly empty: true };

export interface Operation {
  readonly method: 'get' | 'post' | 'delete';
  readonly path: string;
  readonly summary: string;
  readonly tag: 'v1' | 'seed 000' | 'seed 001' | 'operations';
  readonly body?: t.Mixed;
  readonly auth?: boolean;
  /** Needs the operator token (PLACEBO_OPERATOR_TOKEN) as a bearer token. */
  readonly operator?: boolean;
  readonly params?: ReadonlyArray<readonly [string, t.Mixed]>;
  readonly query?: t.Mixed;
  readonly host?: boolean;
  /** Reads the Idempotency-Key header. Logins do not: a replayed login must not skip the password check. */
  readonly key?: boolean;
  /** Every status the route itself answers; the ones any request can meet (413, 415, 431, 500, 501) are added. */
  readonly responses: Readonly<Record<number, Answer>>;
}
