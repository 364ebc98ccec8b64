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

/** A consumer's hold on one source partition: only the holder publishes what it reads there and commits its offset. */
export interface PartitionLease {
  readonly owner: string;
  /** Grows with every new holder: a commit under an older epoch is refused (fencing). */
  readonly epoch: number;
  /** When the lease lapses unless renewed, on this process's clock (counted from before the request was sent). */
  readonly until: number;
}

/** A commit made under a lease that is no longer held: someone else may own the partition now. */
export interface Fenced {
  readonly _tag: 'Fenced';
  readonly topic: string;
  readonly partition: number;
}

export const isFenced = (e: unknown): e is Fenced => typeof e === 'object' && e !== null && (e as { _tag?: unknown })._tag === 'Fenced';

/** What a consumer commits for a partition, at once: the next offset, and the highest player versions landed up to it. */
export interface PartitionCommit {
  readonly lease: PartitionLease;
  readonly next: number;
  /** (player, highest version landed) for the players whose highest version grew since the last commit. */
  readonly landed: ReadonlyArray<readonly [string, number]>;
}

/**
 * A consumer's committed positions per topic partition, with the highest version landed per player (so that a copy of
 * a record is recognised whatever its age), under leases: consumers of one name in several processes share the
 * partitions, each held by one of them at a time.
 */
export interface OffsetStore {
  /** The next offset to read. */
  readonly get: (consumer: string, topic: string, partition: number) => TaskEither<PortError, O.Option<number>>;
  /**
   * Takes the partition for `owner` when no one else holds it (or renews it when `owner` does), or when `replacing`
   * holds it (a holder known to be dead); none when held.
   */
  readonly claim: (
    consumer: string,
    topic: string,
    partition: number,
    owner: string,
    ttlMs: number,
    replacing?: string,
  ) => TaskEither<PortError, O.Option<PartitionLease>>;
  /** The owner of the live lease on the partition, if any. */
  readonly holder: (consumer: string, topic: string, partition: number) => TaskEither<PortError, O.Option<string>>;
  /** Extends a lease still held; none when it lapsed or was taken. */
  readonly renew: (consumer: string, topic: string, partition: number, lease: PartitionLease, ttlMs: number) => TaskEither<PortError, O.Option<PartitionLease>>;
  /** Gives a lease up (no-op when it is no longer held). */
  readonly release: (consumer: string, topic: string, partition: number, lease: PartitionLease) => TaskEither<PortError, void>;
  /** The highest landed version of each of the players that has one. */
  readonly landed: (consumer: string, topic: string, partition: number, players: ReadonlyArray<string>) => TaskEither<PortError, ReadonlyMap<string, number>>;
  /** Moves the offset and records the landed versions in one step, only while the lease is held. */
  readonly commit: (consumer: string, topic: string, partition: number, c: PartitionCommit) => TaskEither<PortError | Fenced, void>;
}
