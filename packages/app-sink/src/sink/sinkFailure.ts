import * as E from 'fp-ts/lib/Either.js';
import type { PortError } from '@placebo/domain';

/** A port failed: the sink stops, and a supervisor starts it again from the committed offsets. */
export class SinkFailure extends Error {
  constructor(readonly error: PortError) {
    super(error.message);
  }
}

/** The value of a port call, or a SinkFailure thrown with its error. */
export const must = async <A>(te: () => Promise<E.Either<PortError, A>>): Promise<A> => {
  const r = await te();
  if (E.isLeft(r)) throw new SinkFailure(r.left);
  return r.right;
};
