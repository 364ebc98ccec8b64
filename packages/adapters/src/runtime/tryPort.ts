import * as E from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import { portError, type PortError } from '@placebo/domain';

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Runs driver code and turns whatever it throws into a PortError, so nothing throws across a port. */
export const tryPort =
  <A>(what: string, f: () => Promise<A> | A, retriable: (e: unknown) => boolean = () => true): TaskEither<PortError, A> =>
  async () => {
    try {
      return E.right(await f());
    } catch (e) {
      return E.left(portError(`${what}: ${message(e)}`, retriable(e), e));
    }
  };
