import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { StoredEvent, Topic } from '../envelope.js';
import type { PlayerState } from '../state.js';
import type { PortError } from './portError.js';

export interface VersionConflict {
  readonly _tag: 'VersionConflict';
  readonly player_id: string;
  readonly expected: number;
}

/** A command that ran before: its events are in the log, so deciding it again would apply it twice. */
export interface CommandApplied {
  readonly _tag: 'CommandApplied';
  readonly player_id: string;
  readonly command_id: string;
}

/** The write side of the append-only log. */
export interface EventLog {
  /**
   * Appends the events of one decision, all or none, if the player's last stored version is `expectedVersion`.
   * Durable when it resolves (fsync / Kafka acks=all). Events keep their order within the player; they may come from
   * several commands (each event carries its command_id). `snapshot`, the player's state after the events, is stored
   * as the player's snapshot by the same write, so an acknowledged append never leaves the snapshot behind.
   * `unseen` names commands that must not have run before: when `findByCommand` would find one of them, the append
   * writes nothing and answers CommandApplied (the caller looks their events up instead of a lookup per command first).
   */
  readonly append: (
    playerId: string,
    expectedVersion: number,
    events: ReadonlyArray<StoredEvent>,
    snapshot?: PlayerState,
    unseen?: ReadonlyArray<string>,
  ) => TaskEither<PortError | VersionConflict | CommandApplied, void>;
  /**
   * The player's events with player_version > afterVersion, in version order. A log that drops events once a snapshot
   * holds them answers VersionConflict when `afterVersion` is older than that: load the snapshot again.
   */
  readonly readPlayer: (playerId: string, afterVersion: number) => TaskEither<PortError | VersionConflict, ReadonlyArray<StoredEvent>>;
  /** The events a command produced, if it ran before (idempotency); empty when it never did. */
  readonly findByCommand: (playerId: string, commandId: string) => TaskEither<PortError, ReadonlyArray<StoredEvent>>;
}

export interface LogRecord {
  readonly topic: Topic;
  readonly partition: number;
  readonly offset: number;
  /** The event; sources that hold the record as JSON parse it on first use only. */
  readonly event: StoredEvent;
  /** The record as the log stores it (the event's JSON), when the source has it: readers that pass it on need not parse it. */
  readonly json?: string;
  /** The members the sink reads of every record, when the source found them already (`recordHead` reads them otherwise). */
  readonly head?: RecordHead;
}

/** What the sink needs of every record before its rows: who, which version, which event and which day. */
export interface RecordHead {
  readonly player_id: string;
  readonly player_version: number;
  readonly event_type: string;
  readonly event_date: string;
}

/** The read side, shaped like Kafka: topics of partitions of offset-ordered records. */
export interface LogSource {
  /**
   * The topic's partitions this reader is given now: all of them, or its share when other readers of its consumer
   * group run (the share changes when one joins or leaves; a read of a partition given away answers no records).
   */
  readonly partitions: (topic: Topic) => TaskEither<PortError, ReadonlyArray<number>>;
  /** Up to `max` records with offset >= `from`, in offset order (offsets may have gaps). */
  readonly read: (topic: Topic, partition: number, from: number, max: number) => TaskEither<PortError, ReadonlyArray<LogRecord>>;
  /** The offset the next record will get (Kafka's high watermark): for lag and progress. */
  readonly end: (topic: Topic, partition: number) => TaskEither<PortError, number>;
}
