import type { IdempotencyKeys, Logger, Metrics } from '@placebo/adapters';
import type { Catalogue, CommandHandler } from '@placebo/domain';
import type { BackgroundWrites } from './background.js';
import type { ConsoleDeps } from './consoleDeps.js';
import type { ApiLimits } from './rateLimit.js';

export interface ApiDeps {
  readonly handler: CommandHandler;
  readonly catalogue: Catalogue;
  readonly logger: Logger;
  /** Serve the seeds' unauthenticated, plain-text routes. */
  readonly seedRoutes: boolean;
  /** The request budgets: per address on every route, per address and name on logins and registrations. */
  readonly limits: ApiLimits;
  /** Which request first used each idempotency key, and for how long it is kept. */
  readonly idempotencyKeys: IdempotencyKeys;
  readonly idempotencyTtlSeconds: number;
  /** Where records of reads are written after the answer went out. */
  readonly background: BackgroundWrites;
  /** Largest request body in bytes; larger gets 413. */
  readonly bodyLimit: number;
  /** True when the stores answer (for /readyz). */
  readonly ready: () => Promise<boolean>;
  /** The process's metrics, served at /metrics. */
  readonly metrics: Metrics;
  /** A uniform draw in [0, 1) for fights (cryptoIds.roll in production, fixed in tests). */
  readonly roll: () => number;
  /** The web console's routes: history, analytics, the operator's status, the static pages. */
  readonly console: ConsoleDeps;
}
