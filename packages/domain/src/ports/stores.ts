import type * as O from 'fp-ts/lib/Option.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { PlayerState } from '../state.js';
import type { PortError } from './portError.js';

/** Snapshots are a cache of the fold of the log: losing one costs a replay, never data. */
export interface SnapshotStore {
  readonly get: (playerId: string) => TaskEither<PortError, O.Option<PlayerState>>;
  /** Stores the states; a state never replaces a stored one of a higher version. */
  readonly put: (states: ReadonlyArray<PlayerState>) => TaskEither<PortError, void>;
  /** Pages through every snapshot; `cursor` null starts, a null `next` ends. */
  readonly scan: (cursor: string | null, count: number) => TaskEither<PortError, { readonly states: ReadonlyArray<PlayerState>; readonly next: string | null }>;
  /** Removes every snapshot (before a full replay). */
  readonly clear: () => TaskEither<PortError, void>;
}

export interface NameTaken {
  readonly _tag: 'NameTaken';
  readonly name: string;
}

export interface Account {
  readonly player_id: string;
  readonly password_hash: string | null;
}

/** Names and password hashes. Kept beside the log, never in it: hashes must not reach Kafka, Parquet or SQL. */
export interface AccountStore {
  /** Claims a name (compared case-insensitively) for a player; idempotent for the same player. */
  readonly claim: (name: string, playerId: string, passwordHash: string | null) => TaskEither<PortError | NameTaken, void>;
  /** Gives up a claim made by this player (a registration that lost a race). */
  readonly release: (name: string, playerId: string) => TaskEither<PortError, void>;
  readonly find: (name: string) => TaskEither<PortError, O.Option<Account>>;
}

/** Bearer sessions with a time to live, at most a given number per player. Stores keep only a digest of the token. */
export interface SessionStore {
  /** Starts a session; past `maxPerPlayer` live sessions of the player, the oldest end. */
  readonly create: (token: string, playerId: string, ttlSeconds: number, maxPerPlayer: number) => TaskEither<PortError, void>;
  readonly lookup: (token: string) => TaskEither<PortError, O.Option<string>>;
  readonly revoke: (token: string) => TaskEither<PortError, void>;
  /** Ends every session of the player. */
  readonly revokeAll: (playerId: string) => TaskEither<PortError, void>;
}

/** A consumer's committed positions: the next offset to read, per topic partition. */
export interface OffsetStore {
  readonly get: (consumer: string, topic: string, partition: number) => TaskEither<PortError, O.Option<number>>;
  readonly commit: (consumer: string, topic: string, partition: number, next: number) => TaskEither<PortError, void>;
}
