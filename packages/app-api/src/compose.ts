import type { Infrastructure } from '@placebo/adapters';
import { createCommandHandler, createDecider, type Catalogue, type Clock, type CommandHandler, type Ids, type PasswordHasher } from '@placebo/domain';
import { createKeyedQueue, queuePerPlayer } from './playerQueue.js';

/** The command handler over the infrastructure's stores, with registrations and logins of one name queued one at a time in this process. */
export const createHandler = (options: {
  readonly infra: Pick<Infrastructure, 'log' | 'snapshots' | 'accounts' | 'sessions'>;
  readonly catalogue: Catalogue;
  readonly clock: Clock;
  readonly ids: Ids;
  readonly hasher: PasswordHasher;
  readonly sessionTtlSeconds: number;
  /** Logins of one name waiting behind the one being checked; more answer 429. */
  readonly maxWaitingLogins?: number;
  readonly maxSessionsPerPlayer?: number;
}): CommandHandler =>
  queuePerPlayer(
    createCommandHandler({
      decider: createDecider(options.catalogue),
      log: options.infra.log,
      snapshots: options.infra.snapshots,
      accounts: options.infra.accounts,
      sessions: options.infra.sessions,
      clock: options.clock,
      ids: options.ids,
      hasher: options.hasher,
      sessionTtlSeconds: options.sessionTtlSeconds,
      ...(options.maxSessionsPerPlayer === undefined ? {} : { maxSessionsPerPlayer: options.maxSessionsPerPlayer }),
    }),
    createKeyedQueue(),
    options.maxWaitingLogins,
  );
