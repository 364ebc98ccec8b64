import * as E from 'fp-ts/lib/Either.js';
import {
  BASE_GEN,
  dateDir,
  fileName,
  generationPartition,
  gensTableOf,
  markerColumns,
  markerName,
  newestGen,
  nextGen,
  parseFileName,
  parseMarkerName,
  type FileRange,
  type LakeStore,
  type PortError,
  type Row,
  type RowFileDecoder,
  type RowFileEncoder,
  type TableRegistry,
  type TableSpec,
} from '@placebo/domain';

export interface CompactionOptions {
  readonly lake: LakeStore;
  readonly registry: TableRegistry;
  readonly encoder: RowFileEncoder;
  readonly decoder: RowFileDecoder;
  readonly tables: ReadonlyArray<TableSpec>;
  /** Dates at least this many days before today's (UTC) are compacted; 0 includes today. */
  readonly olderThanDays: number;
  readonly now: () => number;
  /**
   * How long the replaced generation stays after the switch, for queries that began on it, and, on an engine with a
   * metastore, again between dropping its partitions and removing its files (default 30 s).
   */
  readonly graceMs?: number;
  /** Pause between registering a generation's files and its marker, so no query plans one without the other (default 1 s). */
  readonly settleMs?: number;
  readonly logger?: { readonly info: (msg: string, fields?: Record<string, unknown>) => void };
}

export interface CompactedDate {
  readonly table: string;
  readonly dt: string;
  readonly gen: string;
  readonly files_before: number;
  readonly files_after: number;
  readonly rows: number;
}

export interface CompactionReport {
  readonly compacted: ReadonlyArray<CompactedDate>;
  /** Files of replaced generations removed (after the grace period), markers included. */
  readonly removed: number;
}

type File = FileRange & { readonly path: string; readonly gen: string };

/** A date of a table as the lake holds it: files by generation, committed generations. */
interface DateState {
  readonly files: File[];
  readonly markers: Map<string, string>;
}

type Result<A> = Promise<E.Either<PortError, A>>;

const sourceOf = (f: FileRange): string => `${f.topic}|${f.partition}`;

/** A file of an older generation is covered when a file of the current one spans its range: its rows are there. */
const covered = (f: File, current: ReadonlyArray<File>): boolean => current.some((c) => sourceOf(c) === sourceOf(f) && c.from <= f.from && c.to >= f.to);

const currentOf = (s: DateState): string => newestGen(s.markers.keys());

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The dates of a table under `dir` (the table's folder or one date's), as the lake holds them now. */
const stateOf = async (o: CompactionOptions, table: TableSpec, dir: string): Result<Map<string, DateState>> => {
  const listed = await o.lake.list(dir)();
  if (E.isLeft(listed)) return listed;
  const dates = new Map<string, DateState>();
  const at = (dt: string): DateState => dates.get(dt) ?? dates.set(dt, { files: [], markers: new Map() }).get(dt)!;
  for (const path of listed.right) {
    const m = parseMarkerName(path);
    if (m !== null && m.table === table.name) at(m.dt).markers.set(m.gen, path);
    const f = parseFileName(path);
    if (f !== null && f.table === table.name) at(f.dt).files.push({ ...f, path, gen: f.gen ?? BASE_GEN });
  }
  return E.right(dates);
};

/** What is not committed yet is a crashed run's output: unregistered, then removed. */
const removeOrphans = async (o: CompactionOptions, table: TableSpec, dt: string, orphans: ReadonlyArray<File>): Result<void> => {
  if (orphans.length === 0) return E.right(undefined);
  const gens = [...new Set(orphans.map((f) => f.gen))];
  if (o.registry.unregister !== undefined) {
    const r = await o.registry.unregister(gens.map((g) => generationPartition(table.name, dt, g)))();
    if (E.isLeft(r)) return r;
  }
  return o.lake.remove(orphans.map((f) => f.path))();
};

/** Merges one source partition's files of a date into one file of generation `gen`, named by the range it covers. */
const mergeFiles = async (o: CompactionOptions, table: TableSpec, dt: string, gen: string, fs: ReadonlyArray<File>): Result<number> => {
  const merged: Row[] = [];
  for (const f of [...fs].sort((a, b) => a.from - b.from)) {
    const bytes = await o.lake.read(f.path)();
    if (E.isLeft(bytes)) return bytes;
    const decoded = await o.decoder.decode(table.columns, bytes.right)();
    if (E.isLeft(decoded)) return decoded;
    merged.push(...decoded.right);
  }
  const first = fs[0]!;
  const range = {
    table: table.name,
    dt,
    topic: first.topic,
    partition: first.partition,
    gen,
    from: Math.min(...fs.map((f) => f.from)),
    to: Math.max(...fs.map((f) => f.to)),
  };
  const bytes = await o.encoder.encode(table.columns, merged)();
  if (E.isLeft(bytes)) return bytes;
  const published = await o.lake.publish(fileName(range, o.encoder.extension), bytes.right)();
  return E.isLeft(published) ? published : E.right(merged.length);
};

/**
 * Switches a date to its new generation with the marker, unless a sink wrote to the date since the listing: then the
 * switch is left to the next run rather than hide its file. True when switched.
 */
const commitGeneration = async (
  o: CompactionOptions,
  table: TableSpec,
  dt: string,
  s: DateState,
  gen: string,
  summary: { readonly files: number; readonly rows: number },
): Result<boolean> => {
  const current = currentOf(s);
  const again = await stateOf(o, table, dateDir(table.name, dt));
  if (E.isLeft(again)) return again;
  const now = again.right.get(dt)?.files.filter((f) => f.gen <= current).length ?? 0;
  if (now !== s.files.filter((f) => f.gen <= current).length) {
    o.logger?.info('compaction: files landed meanwhile; the date is left for the next run', { table: table.name, dt });
    return E.right(false);
  }
  const marker = await o.encoder.encode(markerColumns, [summary])();
  if (E.isLeft(marker)) return marker;
  const committed = await o.lake.publish(markerName(table.name, dt, gen, o.encoder.extension), marker.right)();
  if (E.isLeft(committed)) return committed;
  await sleep(o.settleMs ?? 1000);
  const switched = await o.registry.register([{ table: gensTableOf(table), dt, gen }])();
  return E.isLeft(switched) ? switched : E.right(true);
};

/** Compacts one date into a new generation; null when there is nothing to merge or the switch is left for later. */
const compactDate = async (o: CompactionOptions, table: TableSpec, dt: string, s: DateState): Result<CompactedDate | null> => {
  const current = currentOf(s);
  const live = s.files.filter((f) => f.gen === current);
  // Files of older generations that the current one lacks were added by a sink that had not seen the switch.
  const late = s.files.filter((f) => f.gen < current && !covered(f, live));
  const sources = [...live, ...late];
  const bySource = new Map<string, File[]>();
  for (const f of sources) bySource.set(sourceOf(f), [...(bySource.get(sourceOf(f)) ?? []), f]);
  const cleaned = await removeOrphans(
    o,
    table,
    dt,
    s.files.filter((f) => f.gen > current),
  );
  if (E.isLeft(cleaned)) return cleaned;
  if (late.length === 0 && [...bySource.values()].every((fs) => fs.length <= 1)) return E.right(null);

  const gen = nextGen(newestGen([current, ...s.files.map((f) => f.gen)]));
  let rows = 0;
  for (const fs of bySource.values()) {
    const merged = await mergeFiles(o, table, dt, gen, fs);
    if (E.isLeft(merged)) return merged;
    rows += merged.right;
  }
  const registered = await o.registry.register([generationPartition(table.name, dt, gen)])();
  if (E.isLeft(registered)) return registered;
  const switched = await commitGeneration(o, table, dt, s, gen, { files: bySource.size, rows });
  if (E.isLeft(switched)) return switched;
  return E.right(switched.right ? { table: table.name, dt, gen, files_before: sources.length, files_after: bySource.size, rows } : null);
};

/** Unregisters what the current generation of a date covers, older files and markers, and names their files. */
const retire = async (o: CompactionOptions, table: TableSpec, dt: string): Result<string[]> => {
  const listed = await stateOf(o, table, dateDir(table.name, dt));
  if (E.isLeft(listed)) return listed;
  const s = listed.right.get(dt);
  if (s === undefined) return E.right([]);
  const current = currentOf(s);
  const live = s.files.filter((f) => f.gen === current);
  const old = s.files.filter((f) => f.gen < current && covered(f, live));
  const markers = [...s.markers].filter(([g]) => g < current);
  // A generation's partition goes once none of its files stays (a late file keeps it readable until carried forward).
  const emptied = [...new Set(old.map((f) => f.gen))].filter((g) => s.files.every((f) => f.gen !== g || old.includes(f)));
  if (o.registry.unregister !== undefined) {
    const r = await o.registry.unregister([
      ...emptied.map((g) => generationPartition(table.name, dt, g)),
      ...markers.map(([g]) => ({ table: gensTableOf(table), dt, gen: g })),
    ])();
    if (E.isLeft(r)) return r;
  }
  return E.right([...old.map((f) => f.path), ...markers.map(([, p]) => p)]);
};

/** Compacts every closed date of every table; names the dates it looked at, to retire their replaced generations. */
const compactDates = async (o: CompactionOptions, last: string): Result<{ compacted: CompactedDate[]; seen: { table: TableSpec; dt: string }[] }> => {
  const compacted: CompactedDate[] = [];
  const seen: { table: TableSpec; dt: string }[] = [];
  for (const table of o.tables) {
    const dates = await stateOf(o, table, table.name);
    if (E.isLeft(dates)) return dates;
    for (const [dt, s] of [...dates.right].sort(([a], [b]) => a.localeCompare(b))) {
      if (dt > last) continue;
      const r = await compactDate(o, table, dt, s);
      if (E.isLeft(r)) return r;
      if (r.right !== null) compacted.push(r.right);
      seen.push({ table, dt });
    }
  }
  return E.right({ compacted, seen });
};

/**
 * Merges the small files of closed dates into one file per (table, date, source topic, source partition), named by the
 * log range it covers so the sink's recovery reads the same watermarks. The merged files form a new generation
 * (`dt=<d>/gen=<g>/`), registered, then committed by its marker: readers switch a date to it in one step, never seeing
 * a row twice or not at all. After a grace period the replaced generation is unregistered and removed — only its files
 * that the new generation covers: a file the sink added to it meanwhile is carried forward by the next run.
 */
export const compact = async (o: CompactionOptions): Promise<E.Either<PortError, CompactionReport>> => {
  const last = new Date(o.now() - o.olderThanDays * 86_400_000).toISOString().slice(0, 10);
  const dates = await compactDates(o, last);
  if (E.isLeft(dates)) return dates;
  const { compacted, seen } = dates.right;
  if (compacted.length > 0) await sleep(o.graceMs ?? 30_000);
  const paths: string[] = [];
  for (const { table, dt } of seen) {
    const r = await retire(o, table, dt);
    if (E.isLeft(r)) return r;
    paths.push(...r.right);
  }
  // A query planned before a partition was dropped may still open its files (Presto reads every partition and filters
  // the generations after): they go once such queries are done.
  if (paths.length > 0 && o.registry.unregister !== undefined) await sleep(o.graceMs ?? 30_000);
  const removed = await o.lake.remove(paths)();
  return E.isLeft(removed) ? removed : E.right({ compacted, removed: paths.length });
};
