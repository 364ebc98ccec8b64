import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBTypeId, type DuckDBType } from '@duckdb/node-api';
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { openSandboxedDuckDb } from './duckDbSandbox.js';
import {
  BASE_GEN,
  DATE_COLUMN,
  DATE_DIR_PREFIX,
  EXPORT_COLUMN,
  exportsTableOf,
  GEN_COLUMN,
  genDirName,
  genOfMarkerDir,
  newestGen,
  portError,
  sqlType,
  stateViewSql,
  STATE_HEAD,
  type Column,
  type PortError,
  type QueryEngine,
  type QueryFailed,
  type QueryResult,
  type StateTableSpec,
  type TableRegistry,
  type TableSpec,
  type ViewSpec,
} from '@placebo/domain';

const quote = (id: string): string => `"${id.replaceAll('"', '""')}"`;
const literal = (s: string): string => `'${s.replaceAll("'", "''")}'`;

const hasFiles = (dir: string): boolean =>
  existsSync(dir) &&
  readdirSync(dir, { withFileTypes: true }).some((d) => d.isDirectory() && readdirSync(join(dir, d.name)).some((f) => f.endsWith('.parquet')));

/** A typed table with no rows, from the same declaration as the Parquet schema, and the partition column last. */
export const emptyTableSql = (t: { readonly columns: ReadonlyArray<Column> }, partition = DATE_COLUMN): string =>
  `select ${[...t.columns.map((c) => `cast(null as ${sqlType(c.type)}) as ${quote(c.name)}`), `cast(null as varchar) as ${quote(partition)}`].join(', ')} where false`;

/** The rows of `<dir>/<partition>=…/*.parquet`, declared columns first, then the partition column from the folder name. */
const partitionedSql = (dir: string, columns: ReadonlyArray<Column>, partition: string): string =>
  hasFiles(dir)
    ? `select ${[...columns.map((c) => quote(c.name)), quote(partition)].join(', ')} from read_parquet(${literal(join(dir, '*', '*.parquet'))}, union_by_name = true, hive_partitioning = true, hive_types = {${literal(partition)}: varchar})`
    : emptyTableSql({ columns }, partition);

/** The date folders of a table, in order; none when the table has no folder yet. */
const datesIn = (dir: string): string[] => {
  try {
    return readdirSync(dir)
      .filter((d) => d.startsWith(DATE_DIR_PREFIX))
      .sort();
  } catch {
    return [];
  }
};

const parquetIn = (dir: string): boolean => {
  try {
    return readdirSync(dir).some((f) => f.endsWith('.parquet'));
  } catch {
    return false;
  }
};

/**
 * The folders an analyst table reads now, per date: the newest generation with a marker (`marker=<g>/` holding its
 * file), else the sink's files (generation 0). Markers are looked at before the generation's files, and a marker is
 * published after every file of its generation, so a date is read whole from one generation.
 */
const currentFolders = (dir: string): { readonly base: string[]; readonly merged: string[] } => {
  const base: string[] = [];
  const merged: string[] = [];
  for (const d of datesIn(dir)) {
    let entries;
    try {
      entries = readdirSync(join(dir, d), { withFileTypes: true });
    } catch {
      continue;
    }
    const gen = newestGen(
      entries.flatMap((e) => {
        const g = e.isDirectory() ? genOfMarkerDir(e.name) : null;
        return g !== null && parquetIn(join(dir, d, e.name)) ? [g] : [];
      }),
    );
    if (gen === BASE_GEN) {
      if (entries.some((e) => e.isFile() && e.name.endsWith('.parquet'))) base.push(join(dir, d, '*.parquet'));
    } else if (parquetIn(join(dir, d, genDirName(gen)))) merged.push(join(dir, d, genDirName(gen), '*.parquet'));
  }
  return { base, merged };
};

/** The newest export whose head table's files are in place, or null before the first. */
const headExport = (root: string): string | null => {
  const dir = join(root, exportsTableOf({ name: STATE_HEAD }));
  let ids: string[];
  try {
    ids = readdirSync(dir).flatMap((d) => {
      const m = new RegExp(`^${EXPORT_COLUMN}=(\\d+)$`).exec(d);
      return m !== null && parquetIn(join(dir, d)) ? [m[1]!] : [];
    });
  } catch {
    return null;
  }
  return ids.sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0)).at(-1) ?? null;
};

/**
 * A state table: the rows of the export chosen once for the whole query, so that every state table of one query reads
 * the same export (an export publishes its head table last: the others' files of that export are already in place).
 */
const stateSql = (root: string, t: StateTableSpec, head: string | null): string => {
  if (head === null) return stateViewSql(t);
  const dir = join(root, exportsTableOf(t), `${EXPORT_COLUMN}=${head}`);
  return parquetIn(dir)
    ? `select ${t.columns.map((c) => quote(c.name)).join(', ')} from read_parquet(${literal(join(dir, '*.parquet'))}, union_by_name = true)`
    : `select ${t.columns.map((c) => `cast(null as ${sqlType(c.type)}) as ${quote(c.name)}`).join(', ')} where false`;
};

/** An analyst table: per date, the rows of its current generation, declared columns first, then `dt`. */
const generationSql = (dir: string, columns: ReadonlyArray<Column>): string => {
  const { base, merged } = currentFolders(dir);
  const names = [...columns.map((c) => quote(c.name)), quote(DATE_COLUMN)].join(', ');
  const read = (globs: string[], keys: string[]): string =>
    `select ${names} from read_parquet([${globs.map(literal).join(', ')}], union_by_name = true, hive_partitioning = true, hive_types = {${keys.map((k) => `${literal(k)}: varchar`).join(', ')}})`;
  const parts = [...(base.length > 0 ? [read(base, [DATE_COLUMN])] : []), ...(merged.length > 0 ? [read(merged, [DATE_COLUMN, GEN_COLUMN])] : [])];
  return parts.length === 0 ? emptyTableSql({ columns }) : parts.join(' union all ');
};

/**
 * DuckDB's JS values → the shapes both engines return (the Presto engine's `fromPresto` agrees): integers as numbers,
 * or as exact decimal text beyond 2^53; decimals and doubles as numbers; timestamps as ISO-8601 UTC with milliseconds;
 * dates as `YYYY-MM-DD`.
 */
const toJs = (v: unknown, type?: DuckDBType): unknown => {
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (v instanceof Date) return type?.typeId === DuckDBTypeId.DATE ? v.toISOString().slice(0, 10) : v.toISOString();
  if (Array.isArray(v)) return v.map((x) => toJs(x));
  return v;
};

/**
 * SQL over the local lake with DuckDB: every analyst table is a view over its Parquet files, per date those of the
 * current compaction generation (`<root>/<table>/dt=…/*.parquet`, or `…/dt=…/gen=<g>/*.parquet` once a compaction
 * committed generation g), declared columns first so the order matches the DDL, then the partition column `dt` taken
 * from the folder name, as in Presto; the folders are chosen again before every query; the state exports alike, partitioned by `export_id`. The views glob
 * the folders on every query, so registering partitions is a no-op.
 */
export const createDuckDbQueryEngine = (options: {
  readonly root: string;
  readonly tables: ReadonlyArray<TableSpec>;
  readonly views: ReadonlyArray<ViewSpec>;
  /** Current-state tables: `<name>_exports` over `<root>/<name>_exports/export_id=…/`, and `<name>` the newest export. */
  readonly stateTables?: ReadonlyArray<StateTableSpec>;
}): QueryEngine & TableRegistry & { readonly close: () => Promise<void> } => {
  const instance = openSandboxedDuckDb(options.root);
  const setup = (): string[] => {
    const head = (options.stateTables ?? []).length > 0 ? headExport(options.root) : null;
    return [
      ...options.tables.map((t) => `create or replace view ${quote(t.name)} as ${generationSql(join(options.root, t.name), t.columns)}`),
      ...(options.stateTables ?? []).flatMap((t) => [
        `create or replace view ${quote(exportsTableOf(t))} as ${partitionedSql(join(options.root, exportsTableOf(t)), t.columns, EXPORT_COLUMN)}`,
        `create or replace view ${quote(t.name)} as ${stateSql(options.root, t, head)}`,
      ]),
      ...options.views.map((v) => `create or replace view ${quote(v.name)} as ${v.sql}`),
    ];
  };
  // One query at a time: each one first replaces the views (the folders may have changed), and two connections
  // replacing the same views at once conflict in DuckDB's catalog ("write-write conflict").
  let queue: Promise<unknown> = Promise.resolve();
  const oneAtATime = <A>(run: () => Promise<A>): Promise<A> => {
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };
  const run = async (sql: string): Promise<E.Either<PortError | QueryFailed, QueryResult>> => {
    let connection;
    try {
      connection = await (await instance).connect();
    } catch (e) {
      return E.left(portError(`duckdb: ${String(e)}`, true, e));
    }
    try {
      for (const stmt of setup()) await connection.run(stmt);
    } catch (e) {
      connection.closeSync();
      return E.left(portError(`duckdb setup: ${e instanceof Error ? e.message : String(e)}`, false, e));
    }
    try {
      const reader = await connection.runAndReadAll(sql);
      const types = reader.columnTypes();
      return E.right({ columns: reader.columnNames(), rows: reader.getRowsJS().map((r) => r.map((v, i) => toJs(v, types[i]))) });
    } catch (e) {
      return E.left({ _tag: 'QueryFailed', message: e instanceof Error ? e.message : String(e) });
    } finally {
      connection.closeSync();
    }
  };
  return {
    query: (sql) => () => oneAtATime(() => run(sql)),
    register: () => TE.right(undefined),
    close: async () => {
      try {
        (await instance).closeSync();
      } catch {
        // An instance that failed to open has nothing to close.
      }
    },
  };
};
