import * as E from 'fp-ts/lib/Either.js';
import {
  portError,
  topics as allTopics,
  topicsOf,
  type EventLog,
  type LogRecord,
  type LogSource,
  type PlayerState,
  type PortError,
  type StoredEvent,
  type Topic,
  type VersionConflict,
} from '@placebo/domain';
import { tryPort } from '../runtime/tryPort.js';
import { upsertSnapshotSql, type Sqlite } from './sqlite.js';

const topicBit = (t: Topic): number => 1 << allTopics.indexOf(t);
const topicMask = (e: StoredEvent): number => topicsOf(e.data).reduce((m, t) => m | topicBit(t), 0);

interface Pending {
  readonly playerId: string;
  readonly expected: number;
  readonly events: ReadonlyArray<StoredEvent>;
  readonly snapshot: PlayerState | undefined;
  readonly done: (r: E.Either<PortError | VersionConflict, void>) => void;
}

/**
 * The log in SQLite. Appends arriving in the same tick share one transaction (group commit: one fsync for many
 * commands); each still gets its own expected-version check and stores its snapshot in that same transaction. The
 * embedded log has one partition per topic and the offset of a record is its global sequence number, so topic offsets
 * have gaps, as Kafka's may.
 */
export const createSqliteEventLog = (options: { readonly db: Sqlite }): EventLog & LogSource => {
  const { db } = options;
  const lastVersion = db.prepare<[string], { v: number | null }>('select max(player_version) as v from events where player_id = ?');
  const insert = db.prepare('insert into events (player_id, player_version, command_id, topics, body) values (?, ?, ?, ?, ?)');
  const byPlayer = db.prepare<[string, number], { body: string }>(
    'select body from events where player_id = ? and player_version > ? order by player_version',
  );
  const byCommand = db.prepare<[string, string], { body: string }>(
    'select body from events where player_id = ? and command_id = ? order by +player_version',
  );
  const range = db.prepare<[number, number, number], { seq: number; body: string }>(
    'select seq, body from events where seq >= ? and (topics & ?) != 0 order by seq limit ?',
  );
  const maxSeq = db.prepare<[], { s: number | null }>('select max(seq) as s from events');
  const upsertSnapshot = db.prepare(upsertSnapshotSql);

  let queue: Pending[] = [];
  const commitBatch = db.transaction((batch: ReadonlyArray<Pending>) =>
    batch.map((p): E.Either<VersionConflict, void> => {
      const actual = lastVersion.get(p.playerId)?.v ?? 0;
      if (actual !== p.expected) return E.left({ _tag: 'VersionConflict', player_id: p.playerId, expected: p.expected });
      for (const e of p.events) insert.run(e.player_id, e.player_version, e.command_id, topicMask(e), JSON.stringify(e));
      if (p.snapshot !== undefined) upsertSnapshot.run(p.snapshot.id, p.snapshot.version, JSON.stringify(p.snapshot));
      return E.right(undefined);
    }),
  );
  const flush = (): void => {
    const batch = queue;
    queue = [];
    try {
      // IMMEDIATE: take the write lock first (waiting up to the busy timeout), so a read-then-write transaction is
      // never refused with SQLITE_BUSY when another process (a sink committing offsets) wrote in between.
      const results = commitBatch.immediate(batch);
      batch.forEach((p, i) => p.done(results[i] ?? E.left(portError('append: no result', true))));
    } catch (e) {
      const err = portError(`append: ${e instanceof Error ? e.message : String(e)}`, true, e);
      for (const p of batch) p.done(E.left(err));
    }
  };

  const parse = (rows: ReadonlyArray<{ body: string }>): ReadonlyArray<StoredEvent> => rows.map((r) => JSON.parse(r.body) as StoredEvent);

  return {
    append: (playerId, expected, events, snapshot) => () =>
      new Promise((done) => {
        if (events.some((e) => e.player_id !== playerId)) {
          done(E.left(portError('append: every event must belong to the player appended to', false)));
          return;
        }
        if (queue.length === 0) setImmediate(flush);
        queue.push({ playerId, expected, events, snapshot, done });
      }),
    readPlayer: (playerId, after) => tryPort('read player', () => parse(byPlayer.all(playerId, after))),
    findByCommand: (playerId, commandId) => tryPort('find command', () => parse(byCommand.all(playerId, commandId))),
    partitions: () => tryPort('partitions', () => [0]),
    read: (topic, partition, from, max) =>
      tryPort('read', () =>
        partition !== 0
          ? []
          : range.all(from, topicBit(topic), max).map((r): LogRecord => ({ topic, partition, offset: r.seq, event: JSON.parse(r.body) as StoredEvent })),
      ),
    end: () => tryPort('end offset', () => (maxSeq.get()?.s ?? 0) + 1),
  };
};
