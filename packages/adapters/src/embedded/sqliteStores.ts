import { createHash } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import type { AccountStore, NameTaken, PlayerState, SessionStore, SnapshotStore } from '@placebo/domain';
import { tryPort } from '../runtime/tryPort.js';
import { upsertSnapshotSql, type Sqlite } from './sqlite.js';

export const nameKey = (name: string): string => name.trim().toLowerCase();
export const tokenDigest = (token: string): string => createHash('sha256').update(token).digest('hex');

export const createSqliteSnapshotStore = (options: { readonly db: Sqlite }): SnapshotStore => {
  const { db } = options;
  const get = db.prepare<[string], { state: string }>('select state from snapshots where player_id = ?');
  const upsert = db.prepare(upsertSnapshotSql);
  const putAll = db.transaction((states: ReadonlyArray<PlayerState>) => {
    for (const s of states) upsert.run(s.id, s.version, JSON.stringify(s));
  });
  const page = db.prepare<[string, number], { player_id: string; state: string }>(
    'select player_id, state from snapshots where player_id > ? order by player_id limit ?',
  );
  return {
    get: (id) => tryPort('get snapshot', () => O.map((r: { state: string }) => JSON.parse(r.state) as PlayerState)(O.fromNullable(get.get(id)))),
    put: (states) => tryPort('put snapshots', () => putAll.immediate(states)),
    scan: (cursor, count) =>
      tryPort('scan snapshots', () => {
        const rows = page.all(cursor ?? '', count);
        const last = rows[rows.length - 1];
        return { states: rows.map((r) => JSON.parse(r.state) as PlayerState), next: rows.length === count && last ? last.player_id : null };
      }),
    clear: () => tryPort('clear snapshots', () => void db.exec('delete from snapshots')),
  };
};

export const createSqliteAccountStore = (options: { readonly db: Sqlite }): AccountStore => {
  const { db } = options;
  const find = db.prepare<[string], { player_id: string; password_hash: string | null }>('select player_id, password_hash from accounts where name_key = ?');
  const insert = db.prepare('insert into accounts (name_key, player_id, password_hash) values (?, ?, ?) on conflict do nothing');
  const release = db.prepare('delete from accounts where name_key = ? and player_id = ?');
  const claim = db.transaction((name: string, playerId: string, hash: string | null): E.Either<NameTaken, void> => {
    insert.run(nameKey(name), playerId, hash);
    const owner = find.get(nameKey(name));
    return owner?.player_id === playerId ? E.right(undefined) : E.left({ _tag: 'NameTaken', name });
  });
  return {
    claim: (name, playerId, hash) => async () => {
      const r = await tryPort('claim name', () => claim.immediate(name, playerId, hash))();
      return E.isLeft(r) ? r : r.right;
    },
    release: (name, playerId) => tryPort('release name', () => void release.run(nameKey(name), playerId)),
    find: (name) => tryPort('find account', () => O.fromNullable(find.get(nameKey(name)))),
  };
};

export const createSqliteSessionStore = (options: { readonly db: Sqlite; readonly now?: () => number }): SessionStore => {
  const { db } = options;
  const now = options.now ?? Date.now;
  const insert = db.prepare('insert or replace into sessions (token_digest, player_id, expires_at) values (?, ?, ?)');
  const get = db.prepare<[string, number], { player_id: string }>('select player_id from sessions where token_digest = ? and expires_at > ?');
  const del = db.prepare('delete from sessions where token_digest = ?');
  const expire = db.prepare('delete from sessions where expires_at <= ?');
  // Sessions of one player all live as long: the latest to expire are the newest.
  const trim = db.prepare(
    'delete from sessions where player_id = ? and token_digest not in (select token_digest from sessions where player_id = ? order by expires_at desc, rowid desc limit ?)',
  );
  const delAll = db.prepare('delete from sessions where player_id = ?');
  // One transaction (one fsync) for the sweep of expired sessions, the new one and the player's oldest past the cap.
  const create = db.transaction((digest: string, playerId: string, ttl: number, max: number) => {
    expire.run(now());
    insert.run(digest, playerId, now() + ttl * 1000);
    trim.run(playerId, playerId, max);
  });
  return {
    create: (token, playerId, ttl, max) => tryPort('create session', () => create.immediate(tokenDigest(token), playerId, ttl, max)),
    lookup: (token) => tryPort('lookup session', () => O.map((r: { player_id: string }) => r.player_id)(O.fromNullable(get.get(tokenDigest(token), now())))),
    revoke: (token) => tryPort('revoke session', () => void del.run(tokenDigest(token))),
    revokeAll: (playerId) => tryPort('revoke sessions', () => void delAll.run(playerId)),
  };
};
