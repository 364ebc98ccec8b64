import * as E from 'fp-ts/lib/Either.js';
import {
  portError,
  topics as allTopics,
  topicsOf,
  type EventLog,
  jsonRecord,
  type LogRecord,
  type LogSource,
  type PortError,
  type StoredEvent,
  type Topic,
  type VersionConflict,
} from '@placebo/domain';
import { tryPort } from '../runtime/tryPort.js';
import type { Sqlite } from './sqlite.js';
import type { WriteItem } from './sqliteAppend.js';
import { inlineWriter, type SqliteWriter } from './sqliteWriter.js';

const topicBit = (t: Topic): number => 1 << allTopics.indexOf(t);
const topicMask = (e: StoredEvent): number => topicsOf(e.data).reduce((m, t) => m | topicBit(t), 0);

interface Pending {
  readonly item: WriteItem;
  readonly done: (r: E.Either<PortError | VersionConflict, void>) => void;
}

/**
 * The log in SQLite. Appends queued while a commit is in flight share the next transaction (group commit: one fsync
 * for many commands); each still gets its own expected-version check and stores its snapshot in that same
 * transaction. `writer` runs the commits (a worker thread for a file, see `threadWriter`); reads use `db`. The
 * embedded log has one partition per topic and the offset of a record is its global sequence number, so topic offsets
 * have gaps, as Kafka's may.
 */
export const createSqliteEventLog = (options: {
  readonly db: Sqlite;
  readonly writer?: SqliteWriter;
}): EventLog & LogSource & { close: () => Promise<void> } => {
  const { db } = options;
  const writer = options.writer ?? inlineWriter(db);
  const byPlayer = db.prepare<[string, number], { body: string }>('select body from events where player_id = ? and player_version > ? order by player_version');
  const byCommand = db.prepare<[string, string], { body: string }>('select body from events where player_id = ? and command_id = ? order by +player_version');
  const ran = db.prepare<[string, string], { one: number }>('select 1 as one from events where player_id = ? and command_id = ? limit 1');
  const range = db.prepare<[number, number, number], { seq: number; body: string }>(
    'select seq, body from events where seq >= ? and (topics & ?) != 0 order by seq limit ?',
  );
  const maxSeq = db.prepare<[], { s: number | null }>('select max(seq) as s from events');

  let queue: Pending[] = [];
  let inFlight: Promise<void> | null = null;
  const flush = async (): Promise<void> => {
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      try {
        const results = await writer.write(batch.map((p) => p.item));
        batch.forEach((p, i) =>
          p.done(
            results[i] === true
              ? E.right(undefined)
              : results[i] === false
                ? E.left({ _tag: 'VersionConflict', player_id: p.item.playerId, expected: p.item.expected })
                : E.left(portError('append: no result', true)),
          ),
        );
      } catch (e) {
        const err = portError(`append: ${e instanceof Error ? e.message : String(e)}`, true, e);
        for (const p of batch) p.done(E.left(err));
      }
    }
    inFlight = null;
  };

  const parse = (rows: ReadonlyArray<{ body: string }>): ReadonlyArray<StoredEvent> => rows.map((r) => JSON.parse(r.body) as StoredEvent);

  return {
    append:
      (playerId, expected, events, snapshot, unseen = []) =>
      () =>
        new Promise((done) => {
          if (events.some((e) => e.player_id !== playerId)) {
            done(E.left(portError('append: every event must belong to the player appended to', false)));
            return;
          }
          // Checked before the commit, not in it: a write of the command after this check moved the player's version, so
          // this append's expected-version check fails then.
          let applied: string | undefined;
          try {
            applied = unseen.find((c) => ran.get(playerId, c) !== undefined);
          } catch (e) {
            done(E.left(portError(`append: ${e instanceof Error ? e.message : String(e)}`, true, e)));
            return;
          }
          if (applied !== undefined) {
            done(E.left({ _tag: 'CommandApplied', player_id: playerId, command_id: applied }));
            return;
          }
          const rows = events.map((e) => [e.player_version, e.command_id, topicMask(e), JSON.stringify(e)] as const);
          queue.push({ item: { playerId, expected, rows, snapshot: snapshot === undefined ? null : [snapshot.version, JSON.stringify(snapshot)] }, done });
          // The first append of a tick starts a commit; later ones wait for the next (they group while it is in flight).
          inFlight ??= new Promise<void>((r) => setImmediate(r)).then(flush);
        }),
    readPlayer: (playerId, after) => tryPort('read player', () => parse(byPlayer.all(playerId, after))),
    findByCommand: (playerId, commandId) => tryPort('find command', () => parse(byCommand.all(playerId, commandId))),
    partitions: () => tryPort('partitions', () => [0]),
    read: (topic, partition, from, max) =>
      tryPort('read', () => (partition !== 0 ? [] : range.all(from, topicBit(topic), max).map((r): LogRecord => jsonRecord(topic, partition, r.seq, r.body)))),
    end: () => tryPort('end offset', () => (maxSeq.get()?.s ?? 0) + 1),
    /** Waits for queued appends to commit, then stops the writer. */
    close: async () => {
      while (inFlight !== null) await inFlight;
      await writer.close();
    },
  };
};
