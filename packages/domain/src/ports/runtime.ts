import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { PortError } from './portError.js';

/** Time enters the domain only through here. */
export interface Clock {
  readonly now: () => number;
}

/** Randomness enters the domain only through here. */
export interface Ids {
  readonly uuid: () => string;
  /** An unguessable bearer token. */
  readonly token: () => string;
  /** A uniform draw in [0, 1). */
  readonly roll: () => number;
}

export interface PasswordHasher {
  readonly hash: (password: string) => TaskEither<PortError, string>;
  readonly verify: (password: string, hash: string) => TaskEither<PortError, boolean>;
}
