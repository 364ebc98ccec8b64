import * as E from 'fp-ts/lib/Either.js';
import {
  exportFileName,
  exportIdAt,
  exportIdOf,
  exportPartition,
  exportsTableOf,
  STATE_HEAD,
  type LakeStore,
  type PortError,
  type Row,
  type RowFileEncoder,
  type SnapshotStore,
  type StateTableSpec,
  type TableRegistry,
} from '@placebo/domain';

export interface StateExportOptions {
  readonly snapshots: SnapshotStore;
  readonly lake: LakeStore;
  readonly registry: TableRegistry;
  readonly encoder: RowFileEncoder;
  readonly tables: ReadonlyArray<StateTableSpec>;
  readonly now: () => number;
  /** Complete exports kept, the newest included (default 2): a query that began on the previous one still finds its files. */
  readonly keep?: number;
  /** Snapshots per scan page (default 1000). */
  readonly pageSize?: number;
  readonly progress?: (players: number) => void;
}

export interface StateExportReport {
  /** The id of the export, or null when there was no registered player to export. */
  readonly export_id: string | null;
  readonly players: number;
  readonly rows: Readonly<Record<string, number>>;
  /** Ids of the older exports removed. */
  readonly removed: ReadonlyArray<string>;
}

/**
 * Writes the current state of every player (the snapshots) as one new export: one file per table in a new
 * `export_id=<id>` partition, registered, the head table (`players`) last. A file lands whole or not at all, and the
 * state views read the newest export of the head table, so readers switch from the previous export to this one at
 * once, all tables together, never seeing none or both. Then exports older than the `keep` newest complete ones are
 * unregistered and removed, with whatever a crashed export left among them.
 *
 * All rows of an export are held in memory: one file per table is the point (Presto reads it as one split).
 */
export const exportState = async (o: StateExportOptions): Promise<E.Either<PortError, StateExportReport>> => {
  const exportedAt = o.now();
  const id = exportIdAt(exportedAt);
  const rows = new Map<string, Row[]>(o.tables.map((t) => [t.name, []]));
  let players = 0;
  let cursor: string | null = null;
  do {
    const page = await o.snapshots.scan(cursor, o.pageSize ?? 1000)();
    if (E.isLeft(page)) return page;
    for (const s of page.right.states) {
      if (!s.registered) continue;
      players++;
      for (const t of o.tables) rows.get(t.name)!.push(...t.rows(s, exportedAt));
    }
    o.progress?.(players);
    cursor = page.right.next;
  } while (cursor !== null);
  // No player, no export: an export without head rows would never become current.
  if (players === 0) return E.right({ export_id: null, players, rows: {}, removed: [] });

  const ordered = [...o.tables.filter((t) => t.name !== STATE_HEAD), ...o.tables.filter((t) => t.name === STATE_HEAD)];
  for (const t of ordered) {
    const bytes = await o.encoder.encode(t.columns, rows.get(t.name)!)();
    if (E.isLeft(bytes)) return bytes;
    const published = await o.lake.publish(exportFileName(t, id, o.encoder.extension), bytes.right)();
    if (E.isLeft(published)) return published;
    const registered = await o.registry.register([exportPartition(t, id)])();
    if (E.isLeft(registered)) return registered;
  }
  const removed = await removeOldExports(o, o.keep ?? 2);
  if (E.isLeft(removed)) return removed;
  return E.right({ export_id: id, players, rows: Object.fromEntries([...rows].map(([name, r]) => [name, r.length])), removed: removed.right });
};

/** Unregisters, then removes, every export older than the `keep` newest ones that have their head file. */
const removeOldExports = async (o: StateExportOptions, keep: number): Promise<E.Either<PortError, string[]>> => {
  const files = new Map<StateTableSpec, { path: string; id: string }[]>();
  for (const t of o.tables) {
    const listed = await o.lake.list(exportsTableOf(t))();
    if (E.isLeft(listed)) return listed;
    files.set(
      t,
      listed.right.flatMap((path) => {
        const id = exportIdOf(path);
        return id === null ? [] : [{ path, id }];
      }),
    );
  }
  const head = o.tables.find((t) => t.name === STATE_HEAD);
  const complete = [...new Set((head === undefined ? [] : files.get(head)!).map((f) => f.id))].sort();
  const oldestKept = complete[complete.length - Math.max(1, keep)];
  if (oldestKept === undefined) return E.right([]);
  const removed = new Set<string>();
  for (const [t, fs] of files) {
    const old = fs.filter((f) => f.id < oldestKept);
    if (old.length === 0) continue;
    const ids = [...new Set(old.map((f) => f.id))];
    if (o.registry.unregister !== undefined) {
      const r = await o.registry.unregister(ids.map((id) => exportPartition(t, id)))();
      if (E.isLeft(r)) return r;
    }
    const r = await o.lake.remove(old.map((f) => f.path))();
    if (E.isLeft(r)) return r;
    for (const id of ids) removed.add(id);
  }
  return E.right([...removed].sort());
};
