import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Sqlite = Database.Database;

const schema = `
create table if not exists events (
  seq integer primary key autoincrement,
  player_id text not null,
  player_version integer not null,
  command_id text not null,
  topics integer not null,
  body text not null,
  unique (player_id, player_version)
);
create index if not exists events_by_command on events (player_id, command_id);
create table if not exists snapshots (player_id text primary key, version integer not null, state text not null);
create table if not exists accounts (name_key text primary key, player_id text not null, password_hash text);
create table if not exists sessions (token_digest text primary key, player_id text not null, expires_at integer not null);
create index if not exists sessions_by_expiry on sessions (expires_at);
create index if not exists sessions_by_player on sessions (player_id, expires_at);
create table if not exists offsets (
  consumer text not null, topic text not null, partition integer not null, next integer not null,
  primary key (consumer, topic, partition)
);
create table if not exists sink_leases (
  consumer text not null, topic text not null, partition integer not null, owner text not null, epoch integer not null, expires_at integer not null,
  primary key (consumer, topic, partition)
);
create table if not exists sink_landed (
  consumer text not null, topic text not null, partition integer not null, player_id text not null, version integer not null,
  primary key (consumer, topic, partition, player_id)
) without rowid;
`;

/** Stores a snapshot unless a newer one is stored: (player_id, version, state JSON). */
export const upsertSnapshotSql = `insert into snapshots (player_id, version, state) values (?, ?, ?)
  on conflict (player_id) do update set version = excluded.version, state = excluded.state where excluded.version > snapshots.version`;

/**
 * Opens (and creates) the embedded database: WAL so readers never block the writer, synchronous=FULL so a
 * committed append survives a power cut, a busy timeout so the API and sink processes can share the file.
 */
export const openSqlite = (options: { readonly path: string }): Sqlite => {
  if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
  const db = new Database(options.path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 10000');
  db.exec(schema);
  return db;
};
