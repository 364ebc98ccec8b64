import type { TablePartition } from '../ports/lake.js';

/**
 * Where everything lives in the lake, relative to its root, `/`-separated: the one place that knows the folder and file
 * names the sink, compaction, the state export and both query engines read and write.
 *
 * - An analyst table's rows: `<table>/dt=<date>/part-<topic>-<partition>-<from>-<to>.<ext>`, one file per committed log
 *   range (as Kafka Connect's HDFS sink names them; recovery reads the positions back from the names).
 * - Compaction generations: the sink's files of a date are generation 0 and stay where they always were; a compaction
 *   writes generation g ≥ 1 under `<table>/dt=<date>/gen=<g>/`, then commits it with a one-row marker
 *   `<table>/dt=<date>/marker=<g>/marker.<ext>`. Readers take, per date, the newest generation that has a marker, so a
 *   date switches from the small files to the merged ones in one step.
 * - A state table's exports: `<name>_exports/export_id=<id>/part-<id>.<ext>`, one file per table and export.
 */

/** The partition column of the analyst tables: one folder `dt=<YYYY-MM-DD>` per date. */
export const DATE_COLUMN = 'dt';
/** The partition column of a merged generation's files (`gen=<g>/`) and of its marker (`marker=<g>/`). */
export const GEN_COLUMN = 'gen';
export const MARKER_COLUMN = 'marker';
/** The partition column of every state export: one folder `export_id=<id>` per export, one file per table in it. */
export const EXPORT_COLUMN = 'export_id';

/** The sink's own generation of a date, whose files sit directly in the date's folder. */
export const BASE_GEN = '0000';

const DATE = '\\d{4}-\\d{2}-\\d{2}';
const GEN = '\\d{4}';
/** What a value of each partition column looks like; the Presto engine refuses anything else before it reaches SQL. */
export const DATE_VALUE = new RegExp(`^${DATE}$`);
export const GEN_VALUE = new RegExp(`^${GEN}$`);
export const EXPORT_ID_VALUE = /^\d{1,20}$/;

export const nextGen = (g: string): string => String(Number(g) + 1).padStart(BASE_GEN.length, '0');

/** The newest of some generations, or the base generation when there is none. */
export const newestGen = (gens: Iterable<string>): string => [...gens].sort().at(-1) ?? BASE_GEN;

/** The folder of a partition under the lake root: `<table>/dt=2026-11-23`, `<name>_exports/export_id=…`. */
export const partitionColumnOf = (p: TablePartition): string => p.column ?? DATE_COLUMN;
export const partitionDirOf = (p: TablePartition): string => `${p.table}/${partitionColumnOf(p)}=${p.dt}`;
/** A partition's folder with its generation, when it names one: a key that tells every partition apart. */
export const partitionPathOf = (p: TablePartition): string => `${partitionDirOf(p)}${p.gen === undefined ? '' : `/${GEN_COLUMN}=${p.gen}`}`;

/** The folder of a table's date, and the partition of a date's generation (generation 0 names none). */
export const dateDir = (table: string, dt: string): string => `${table}/${DATE_COLUMN}=${dt}`;
export const generationPartition = (table: string, dt: string, gen: string): TablePartition => (gen === BASE_GEN ? { table, dt } : { table, dt, gen });

/** Folder names inside a date's folder, for engines that walk the folders themselves. */
export const DATE_DIR_PREFIX = `${DATE_COLUMN}=`;
export const genDirName = (gen: string): string => `${GEN_COLUMN}=${gen}`;
export const genOfMarkerDir = (name: string): string | null => (name.startsWith(`${MARKER_COLUMN}=`) ? name.slice(MARKER_COLUMN.length + 1) : null);

export interface FileRange {
  readonly table: string;
  readonly dt: string;
  readonly topic: string;
  readonly partition: number;
  readonly from: number;
  readonly to: number;
  /** The compaction generation the file belongs to (`0000` for the sink's own folder). */
  readonly gen?: string;
}

const genDir = (gen: string | undefined): string => (gen === undefined || gen === BASE_GEN ? '' : `${genDirName(gen)}/`);

/** The file of a committed log range: `<table>/dt=<date>/part-<topic>-<partition>-<from>-<to>.<ext>`, in `gen=<g>/` above 0. */
export const fileName = (r: FileRange, extension: string): string =>
  `${dateDir(r.table, r.dt)}/${genDir(r.gen)}part-${r.topic}-${r.partition}-${r.from}-${r.to}.${extension}`;

const filePattern = new RegExp(`^([^/]+)/${DATE_COLUMN}=(${DATE})/(?:${GEN_COLUMN}=(${GEN})/)?part-([a-z_]+)-(\\d+)-(\\d+)-(\\d+)\\.[a-z]+$`);

export const parseFileName = (path: string): FileRange | null => {
  const m = filePattern.exec(path);
  if (m === null) return null;
  const [, table, dt, gen, topic, partition, from, to] = m;
  return { table: table!, dt: dt!, topic: topic!, partition: Number(partition), from: Number(from), to: Number(to), gen: gen ?? BASE_GEN };
};

/** The commit marker of a generation: `<table>/dt=<date>/marker=<g>/marker.<ext>`, published after all its files. */
export const markerName = (table: string, dt: string, gen: string, extension: string): string =>
  `${dateDir(table, dt)}/${MARKER_COLUMN}=${gen}/${MARKER_COLUMN}.${extension}`;

const markerPattern = new RegExp(`^([^/]+)/${DATE_COLUMN}=(${DATE})/${MARKER_COLUMN}=(${GEN})/${MARKER_COLUMN}\\.[a-z]+$`);

export const parseMarkerName = (path: string): { readonly table: string; readonly dt: string; readonly gen: string } | null => {
  const m = markerPattern.exec(path);
  return m === null ? null : { table: m[1]!, dt: m[2]!, gen: m[3]! };
};

/** Key of a watermark: the highest offset already committed for one table, source partition and date. */
export const watermarkKey = (table: string, topic: string, partition: number, dt: string): string => `${table}|${topic}|${partition}|${dt}`;

/** Where a state table's exports are stored and registered. */
export const exportsTableOf = (t: { readonly name: string }): string => `${t.name}_exports`;

/** Ids sort as text in the order they were taken (both engines compare the partition column as varchar). */
export const exportIdAt = (epochMs: number): string => String(Math.max(0, Math.floor(epochMs))).padStart(15, '0');

export const exportFileName = (t: { readonly name: string }, id: string, extension: string): string =>
  `${exportsTableOf(t)}/${EXPORT_COLUMN}=${id}/part-${id}.${extension}`;
export const exportPartition = (t: { readonly name: string }, id: string): TablePartition => ({ table: exportsTableOf(t), column: EXPORT_COLUMN, dt: id });

const exportPattern = new RegExp(`/${EXPORT_COLUMN}=(\\d+)/[^/]+$`);

/** The export id of a file under a state table's exports, or null when the path is not one. */
export const exportIdOf = (path: string): string | null => exportPattern.exec(path)?.[1] ?? null;
