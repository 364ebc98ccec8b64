import type { CommandHandler } from '@placebo/domain';

export type KeyedQueue = <A>(key: string, task: () => Promise<A>) => Promise<A>;

/**
 * Runs tasks of one key one at a time, in arrival order; tasks of different keys run concurrently.
 * A failed task does not stall the tasks queued behind it. Keys are forgotten once idle, so memory stays bounded.
 */
export const serializeByKey = (): KeyedQueue => {
  const tails = new Map<string, Promise<void>>();
  return <A>(key: string, task: () => Promise<A>): Promise<A> => {
    const previous = tails.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return result;
  };
};

const nameKey = (name: string): string => `name:${name.trim().toLowerCase()}`;

/**
 * Registrations and logins of one name run one at a time in this process, so a burst of them for one name meets no
 * name-claim race. Commands need no queue here: the handler's per-player lanes order each player's commands.
 */
export const serializeHandler = (handler: CommandHandler, queue: KeyedQueue = serializeByKey()): CommandHandler => ({
  ...handler,
  register: (r, meta) => () => queue(r.player_id ?? nameKey(r.name), handler.register(r, meta)),
  login: (name, password, meta) => () => queue(nameKey(name), handler.login(name, password, meta)),
});
