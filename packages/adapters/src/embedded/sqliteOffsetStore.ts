import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import type { OffsetStore, PartitionLease } from '@placebo/domain';
import { tryPort } from '../runtime/tryPort.js';
import type { Sqlite } from './sqlite.js';

type Where = [consumer: string, topic: string, partition: number];
interface LeaseRow {
  readonly owner: string;
  readonly epoch: number;
  readonly expires_at: number;
}

/**
 * Offsets, landed versions and leases in the embedded database. Every step is one immediate transaction, so sinks
 * of several processes sharing the file see one holder per partition; expiry is on the clock given (the processes
 * share the machine's).
 */
export const createSqliteOffsetStore = (options: { readonly db: Sqlite; readonly now?: () => number }): OffsetStore => {
  const { db } = options;
  const now = options.now ?? Date.now;
  const getOffset = db.prepare<Where, { next: number }>('select next from offsets where consumer = ? and topic = ? and partition = ?');
  const putOffset = db.prepare('insert into offsets (consumer, topic, partition, next) values (?, ?, ?, ?) on conflict do update set next = excluded.next');
  const getLease = db.prepare<Where, LeaseRow>('select owner, epoch, expires_at from sink_leases where consumer = ? and topic = ? and partition = ?');
  const putLease = db.prepare(
    'insert into sink_leases (consumer, topic, partition, owner, epoch, expires_at) values (?, ?, ?, ?, ?, ?) on conflict do update set owner = excluded.owner, epoch = excluded.epoch, expires_at = excluded.expires_at',
  );
  const getLanded = db.prepare<[...Where, string], { version: number }>(
    'select version from sink_landed where consumer = ? and topic = ? and partition = ? and player_id = ?',
  );
  const putLanded = db.prepare(
    'insert into sink_landed (consumer, topic, partition, player_id, version) values (?, ?, ?, ?, ?) on conflict do update set version = max(version, excluded.version)',
  );
  const holds = (row: LeaseRow | undefined, lease: PartitionLease, at: number): boolean =>
    row !== undefined && row.owner === lease.owner && row.epoch === lease.epoch && row.expires_at > at;

  const claim = db.transaction((w: Where, owner: string, ttlMs: number, replacing: string | undefined): O.Option<PartitionLease> => {
    const at = now();
    const row = getLease.get(...w);
    const live = row !== undefined && row.expires_at > at && row.owner !== replacing;
    if (live && row.owner !== owner) return O.none;
    const epoch = live ? row.epoch : (row?.epoch ?? 0) + 1;
    putLease.run(...w, owner, epoch, at + ttlMs);
    return O.some({ owner, epoch, until: at + ttlMs });
  });
  const renew = db.transaction((w: Where, lease: PartitionLease, ttlMs: number): O.Option<PartitionLease> => {
    const at = now();
    if (!holds(getLease.get(...w), lease, at)) return O.none;
    putLease.run(...w, lease.owner, lease.epoch, at + ttlMs);
    return O.some({ ...lease, until: at + ttlMs });
  });
  const release = db.transaction((w: Where, lease: PartitionLease): void => {
    // Expired now, the epoch kept: the next holder's is higher.
    if (holds(getLease.get(...w), lease, now())) putLease.run(...w, lease.owner, lease.epoch, 0);
  });
  const commit = db.transaction((w: Where, next: number, lease: PartitionLease, landed: ReadonlyArray<readonly [string, number]>): boolean => {
    if (!holds(getLease.get(...w), lease, now())) return false;
    putOffset.run(...w, next);
    for (const [id, v] of landed) putLanded.run(...w, id, v);
    return true;
  });

  return {
    get: (...w) => tryPort('get offset', () => O.map((r: { next: number }) => r.next)(O.fromNullable(getOffset.get(...w)))),
    claim: (consumer, topic, partition, owner, ttlMs, replacing) =>
      tryPort('claim partition', () => claim.immediate([consumer, topic, partition], owner, ttlMs, replacing)),
    holder: (...w) =>
      tryPort('lease holder', () => {
        const row = getLease.get(...w);
        return row !== undefined && row.expires_at > now() ? O.some(row.owner) : O.none;
      }),
    renew: (consumer, topic, partition, lease, ttlMs) => tryPort('renew lease', () => renew.immediate([consumer, topic, partition], lease, ttlMs)),
    release: (consumer, topic, partition, lease) => tryPort('release lease', () => release.immediate([consumer, topic, partition], lease)),
    landed: (consumer, topic, partition, players) =>
      tryPort('landed versions', () => {
        const out = new Map<string, number>();
        for (const id of players) {
          const r = getLanded.get(consumer, topic, partition, id);
          if (r !== undefined) out.set(id, r.version);
        }
        return out;
      }),
    commit: (consumer, topic, partition, c) => async () => {
      const done = await tryPort('commit offset', () => commit.immediate([consumer, topic, partition], c.next, c.lease, c.landed))();
      if (E.isLeft(done)) return done;
      return done.right ? E.right(undefined) : E.left({ _tag: 'Fenced', topic, partition });
    },
  };
};
