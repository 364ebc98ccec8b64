import { playerShare, type FoldRecord, type Recorded, type ReplaySource } from '@placebo/domain';
import { tryPort } from '../runtime/tryPort.js';
import type { Sqlite } from './sqlite.js';

type Row = [seq: number, playerId: string, version: number, occurredAt: string, data: string];

/**
 * The log's one partition as replay reads it. SQLite's JSON functions pick the two fields the fold needs out of each
 * body (in C, before any JavaScript string is made of it), and `player_share` drops the rows of other shares' players
 * before their bodies are read at all, so readers of several shares split that work too.
 */
export const createSqliteReplaySource = (options: { readonly db: Sqlite }): ReplaySource => {
  const { db } = options;
  db.function('player_share', { deterministic: true }, (id: unknown, of: unknown) => playerShare(String(id), Number(of)));
  const all = "select seq, player_id, player_version, body ->> '$.occurred_at', body -> '$.data' from events where seq >= ? and seq < ?";
  const range = db.prepare<[number, number], Row>(`${all} order by seq`).raw(true);
  const shared = db.prepare<[number, number, number, number], Row>(`${all} and player_share(player_id, ?) = ? order by seq`).raw(true);
  const maxSeq = db.prepare<[], { s: number | null }>('select max(seq) as s from events');
  const toRecord = ([, player_id, player_version, occurred_at, data]: Row): FoldRecord => ({
    player_id,
    player_version,
    occurred_at,
    data: JSON.parse(data) as Recorded['data'],
  });
  return {
    partitions: () => tryPort('partitions', () => [0]),
    end: () => tryPort('end offset', () => (maxSeq.get()?.s ?? 0) + 1),
    read: (partition, from, max, share) =>
      tryPort('read', () => {
        const to = from + Math.max(1, max);
        if (partition !== 0) return { records: [], next: to };
        const rows = share.of <= 1 ? range.all(from, to) : shared.all(from, to, share.of, share.index);
        return { records: rows.map(toRecord), next: to };
      }),
  };
};
