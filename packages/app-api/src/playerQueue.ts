import type { CommandHandler } from '@placebo/domain';
import { fail } from './httpError.js';
import { nameBucket } from './rateLimit.js';

export interface KeyedQueue {
  <A>(key: string, task: () => Promise<A>): Promise<A>;
  /** Tasks of the key queued or running. */
  readonly waiting: (key: string) => number;
}

/**
 * Runs tasks of one key one at a time, in arrival order; tasks of different keys run concurrently.
 * A failed task does not stall the tasks queued behind it. Keys are forgotten once idle, so memory stays bounded.
 */
export const createKeyedQueue = (): KeyedQueue => {
  const tails = new Map<string, Promise<void>>();
  const counts = new Map<string, number>();
  const run = <A>(key: string, task: () => Promise<A>): Promise<A> => {
    counts.set(key, (counts.get(key) ?? 0) + 1);
    const previous = tails.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    tails.set(key, tail);
    void tail.then(() => {
      const left = (counts.get(key) ?? 1) - 1;
      if (left === 0) counts.delete(key);
      else counts.set(key, left);
      if (tails.get(key) === tail) tails.delete(key);
    });
    return result;
  };
  return Object.assign(run, { waiting: (key: string) => counts.get(key) ?? 0 });
};

const nameKey = (name: string): string => `name:${nameBucket(name)}`;

/**
 * A per-player queue in front of the handler: registrations and logins of one name (or one player id) run one at a
 * time in this process, so a burst of them for one name meets no name-claim race. A name's login queue is bounded:
 * past `maxWaitingLogins` a login answers 429 at once, so a flood of guesses cannot hold the owner's login behind
 * them. Commands need no queue here: the handler's per-player lanes order each player's commands.
 */
export const queuePerPlayer = (
  handler: CommandHandler,
  queue: KeyedQueue = createKeyedQueue(),
  maxWaitingLogins = Number.POSITIVE_INFINITY,
): CommandHandler => ({
  ...handler,
  register: (r, meta) => () => queue(r.player_id ?? nameKey(r.name), handler.register(r, meta)),
  login: (name, password, meta) => () => {
    const key = nameKey(name);
    if (queue.waiting(key) > maxWaitingLogins) {
      fail({
        status: 429,
        error: 'rate_limited',
        message: 'too many logins of this name are waiting; retry in a moment',
        details: [{ path: 'name', message: 'too many logins waiting' }],
        headers: { 'Retry-After': '1' },
      });
    }
    return queue(key, handler.login(name, password, meta));
  },
});
