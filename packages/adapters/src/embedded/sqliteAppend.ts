import type { Sqlite } from './sqlite.js';
import { upsertSnapshotSql } from './sqlite.js';

/** One player's append as the writer stores it: rows are [player_version, command_id, topic mask, event JSON]. */
export interface WriteItem {
  readonly playerId: string;
  readonly expected: number;
  readonly rows: ReadonlyArray<readonly [number, string, number, string]>;
  /** [version, state JSON] of the snapshot after the rows, stored in the same transaction. */
  readonly snapshot: readonly [number, string] | null;
}

/** Per item: `true` when stored, `false` when the player's last version was not the expected one (nothing stored). */
export type WriteResults = ReadonlyArray<boolean>;

/**
 * The group commit: every item of a batch in one IMMEDIATE transaction (one fsync), each with its own
 * expected-version check. IMMEDIATE takes the write lock first (waiting up to the busy timeout), so a
 * read-then-write transaction is never refused with SQLITE_BUSY when another process wrote in between.
 */
export const prepareAppend = (db: Sqlite): ((items: ReadonlyArray<WriteItem>) => WriteResults) => {
  const lastVersion = db.prepare<[string], { v: number | null }>('select max(player_version) as v from events where player_id = ?');
  const insert = db.prepare('insert into events (player_id, player_version, command_id, topics, body) values (?, ?, ?, ?, ?)');
  const upsertSnapshot = db.prepare(upsertSnapshotSql);
  const commit = db.transaction((items: ReadonlyArray<WriteItem>) =>
    items.map((item) => {
      if ((lastVersion.get(item.playerId)?.v ?? 0) !== item.expected) return false;
      for (const [version, commandId, topics, body] of item.rows) insert.run(item.playerId, version, commandId, topics, body);
      if (item.snapshot !== null) upsertSnapshot.run(item.playerId, item.snapshot[0], item.snapshot[1]);
      return true;
    }),
  );
  return (items) => commit.immediate(items);
};
