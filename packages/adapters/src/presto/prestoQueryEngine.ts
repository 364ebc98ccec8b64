import * as E from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import { Client } from 'presto-client';
import {
  BASE_GEN,
  DATE_COLUMN,
  DATE_VALUE,
  EXPORT_COLUMN,
  EXPORT_ID_VALUE,
  filesTableOf,
  GEN_COLUMN,
  GEN_VALUE,
  generationViewSql,
  gensTableOf,
  MARKER_COLUMN,
  markerColumns,
  mergedTableOf,
  exportsTableOf,
  partitionColumnOf,
  partitionPathOf,
  portError,
  sqlType,
  stateViewSql,
  type Column,
  type PortError,
  type QueryEngine,
  type QueryFailed,
  type StateTableSpec,
  type TablePartition,
  type TableRegistry,
  type TableSpec,
  type ViewSpec,
} from '@placebo/domain';
import { parsePrestoJson, runStatement, type StatementFailure, type StatementResult } from './prestoStatement.js';

const quote = (id: string): string => `"${id.replaceAll('"', '""')}"`;
const literal = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/**
 * A table with files in the lake: an analyst table's generation-0 files (by `dt`), merged generations (by `dt`, `gen`)
 * or generation markers (by `dt`, `marker`), all three over the table's folder; or a state table's exports (by
 * `export_id`). The partition columns come last, taken from the folders, never stored in the files.
 */
interface LakeTable {
  readonly name: string;
  /** The folder under the lake root. */
  readonly folder: string;
  readonly columns: ReadonlyArray<Column>;
  readonly partitions: ReadonlyArray<string>;
  /** What a value of each partition column looks like; anything else is refused before it reaches SQL. */
  readonly values: ReadonlyArray<RegExp>;
}

/** Presto's text for a value → what the DuckDB engine returns for the same value, so both engines answer alike. */
export const fromPresto = (type: string, v: unknown): unknown => {
  if (v === null || v === undefined) return null;
  if (type === 'double' || type === 'real' || type.startsWith('decimal')) return typeof v === 'string' ? Number(v) : v;
  // Timestamps come as "YYYY-MM-DD HH:MM:SS.mmm" in the session's zone, which is UTC: the same instant as ISO-8601.
  if (type === 'timestamp' && typeof v === 'string') return `${v.replace(' ', 'T')}Z`;
  if (type === 'timestamp with time zone' && typeof v === 'string' && v.endsWith(' UTC')) return `${v.slice(0, -4).replace(' ', 'T')}Z`;
  if (/^(array|map|row)\(/.test(type) && typeof v === 'string') return JSON.parse(v) as unknown;
  return v;
};

/**
 * Another process created it first: checked before commit it is ALREADY_EXISTS, at commit (the file metastore)
 * HIVE_METASTORE_ERROR "… already exists"; a partition another process added meanwhile is "Cannot insert into an
 * existing partition". Either way the goal is reached.
 */
const alreadyExists = (f: StatementFailure): boolean =>
  (f.kind === 'sql' && f.name === 'ALREADY_EXISTS') || /already exists|cannot insert into an existing partition/i.test(f.message);

export interface PrestoQueryEngineOptions {
  readonly url: string;
  readonly user: string;
  readonly catalog: string;
  readonly schema: string;
  /** The lake root as Presto's file system sees it, e.g. `hdfs://127.0.0.1:8020/placebo/lake`. */
  readonly location: string;
  readonly tables: ReadonlyArray<TableSpec>;
  readonly views: ReadonlyArray<ViewSpec>;
  /** Current-state tables: `<name>_exports` partitioned by `export_id`, and `<name>` a view of the newest export. */
  readonly stateTables?: ReadonlyArray<StateTableSpec>;
  readonly lake?: { readonly ensureDir: (dir: string) => TaskEither<PortError, void> };
  /** Longest time a statement may take, queueing and fetching included; then it is cancelled (retriable). */
  readonly timeoutMs?: number;
}

const prestoClient = (options: Pick<PrestoQueryEngineOptions, 'url' | 'user' | 'catalog' | 'schema'>): Client => {
  const url = new URL(options.url);
  return new Client({
    host: url.hostname,
    port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
    ...(url.protocol === 'https:' ? { ssl: {} } : {}),
    user: options.user,
    catalog: options.catalog,
    schema: options.schema,
    source: 'placebo',
    // presto-client sleeps this long between polls of a running statement (800 ms by default).
    checkInterval: 25,
    jsonParser: { parse: parsePrestoJson },
  });
};

const asPortError = (what: string, f: StatementFailure): PortError =>
  portError(`presto ${what}: ${f.message}`, f.kind === 'infrastructure' && f.retriable, f.kind === 'infrastructure' ? f.cause : undefined);

/** The storage tables of the analyst tables (files, merged generations, markers) and of the state exports. */
const lakeTablesOf = (options: Pick<PrestoQueryEngineOptions, 'tables' | 'stateTables'>): ReadonlyArray<LakeTable> => [
  ...options.tables.flatMap((t) => [
    { name: filesTableOf(t), folder: t.name, columns: t.columns, partitions: [DATE_COLUMN], values: [DATE_VALUE] },
    { name: mergedTableOf(t), folder: t.name, columns: t.columns, partitions: [DATE_COLUMN, GEN_COLUMN], values: [DATE_VALUE, GEN_VALUE] },
    { name: gensTableOf(t), folder: t.name, columns: markerColumns, partitions: [DATE_COLUMN, MARKER_COLUMN], values: [DATE_VALUE, GEN_VALUE] },
  ]),
  ...(options.stateTables ?? []).map((t) => ({
    name: exportsTableOf(t),
    folder: exportsTableOf(t),
    columns: t.columns,
    partitions: [EXPORT_COLUMN],
    values: [EXPORT_ID_VALUE],
  })),
];

/** The views: an analyst table over its generations, a state table over the newest export, then the analysts' views. */
const viewsOf = (options: Pick<PrestoQueryEngineOptions, 'tables' | 'stateTables' | 'views'>): ReadonlyArray<ViewSpec> => [
  ...options.tables.map((t) => ({ name: t.name, doc: t.doc, sql: generationViewSql(t) })),
  ...(options.stateTables ?? []).map((t) => ({ name: t.name, doc: t.doc, sql: stateViewSql(t) })),
  ...options.views,
];

/** Where a partition is registered: its storage table and the values of that table's partition columns. */
interface Target {
  readonly table: LakeTable;
  readonly values: ReadonlyArray<string>;
}

const targetsOf = (tables: ReadonlyArray<TableSpec>, lakeTables: ReadonlyArray<LakeTable>): ((p: TablePartition) => Target | null) => {
  const byName = new Map(lakeTables.map((t) => [t.name, t]));
  const analyst = new Set(tables.map((t) => t.name));

  /**
   * The storage table and partition values of a partition: an analyst table's date is its generation-0 files, or with
   * `gen` a merged generation; `<table>_gens` with `gen` is that generation's marker.
   */
  return (p: TablePartition): Target | null => {
    const merged = p.gen !== undefined && p.gen !== BASE_GEN;
    const name =
      analyst.has(p.table) && partitionColumnOf(p) === DATE_COLUMN ? (merged ? mergedTableOf({ name: p.table }) : filesTableOf({ name: p.table })) : p.table;
    const table = byName.get(name);
    if (table === undefined) return null;
    const values = table.partitions.length === 2 ? [p.dt, p.gen ?? ''] : [p.dt];
    if (table.partitions[0] !== partitionColumnOf(p) || !table.values.every((re, i) => re.test(values[i] ?? ''))) return null;
    return { table, values };
  };
};

const tableDdl = (qualified: (name: string) => string, location: string, t: LakeTable): string =>
  `create table if not exists ${qualified(t.name)} (${[...t.columns.map((c) => `${quote(c.name)} ${sqlType(c.type)}`), ...t.partitions.map((p) => `${quote(p)} varchar`)].join(', ')}) ` +
  `with (format = 'PARQUET', external_location = ${literal(`${location}/${t.folder}`)}, partitioned_by = array[${t.partitions.map(literal).join(', ')}])`;

/**
 * Creates the schema, tables and views on first use, and again what is still missing after that; tables whose folder
 * does not exist yet, and views over them, stay pending. Answers the `ensure` every statement awaits first.
 */
const createCatalogKeeper = (
  o: Pick<PrestoQueryEngineOptions, 'catalog' | 'schema' | 'lake'> & {
    readonly run: (sql: string) => Promise<E.Either<StatementFailure, StatementResult>>;
    readonly lakeTables: ReadonlyArray<LakeTable>;
    readonly views: ReadonlyArray<ViewSpec>;
    readonly qualified: (name: string) => string;
    readonly location: string;
  },
): (() => Promise<E.Either<PortError, void>>) & { readonly pendingTables: ReadonlySet<LakeTable> } => {
  let schemaReady = false;
  const pendingTables = new Set(o.lakeTables);
  const pendingViews = new Set(o.views);
  let ensuring: Promise<E.Either<PortError, void>> | null = null;

  const createSchema = async (): Promise<E.Either<PortError, void>> => {
    const r = await o.run(`create schema if not exists ${quote(o.catalog)}.${quote(o.schema)}`);
    if (E.isLeft(r) && !alreadyExists(r.left)) return E.left(asPortError('create schema', r.left));
    schemaReady = true;
    return E.right(undefined);
  };
  const createTables = async (): Promise<E.Either<PortError, void>> => {
    for (const t of [...pendingTables]) {
      if (o.lake !== undefined) {
        const dir = await o.lake.ensureDir(t.folder)();
        if (E.isLeft(dir)) return dir;
      }
      const r = await o.run(tableDdl(o.qualified, o.location, t));
      if (E.isRight(r) || alreadyExists(r.left)) pendingTables.delete(t);
      else if (!(r.left.kind === 'sql' && r.left.message.includes('External location must be a directory')))
        return E.left(asPortError(`create table ${t.name}`, r.left));
    }
    return E.right(undefined);
  };
  const createViews = async (): Promise<E.Either<PortError, void>> => {
    for (const v of [...pendingViews]) {
      const r = await o.run(`create or replace view ${o.qualified(v.name)} as ${v.sql}`);
      if (E.isRight(r) || alreadyExists(r.left)) pendingViews.delete(v);
      else if (!(r.left.kind === 'sql' && pendingTables.size > 0 && /does not exist/.test(r.left.message)))
        return E.left(asPortError(`create view ${v.name}`, r.left));
    }
    return E.right(undefined);
  };
  const createMissing = async (): Promise<E.Either<PortError, void>> => {
    const clash = o.lakeTables.find((t) => t.columns.some((c) => t.partitions.includes(c.name)));
    if (clash !== undefined)
      return E.left(portError(`presto: table ${clash.name} stores a column named like a partition column (${clash.partitions.join(', ')})`, false));
    const schema = schemaReady ? E.right(undefined) : await createSchema();
    if (E.isLeft(schema)) return schema;
    const tables = await createTables();
    return E.isLeft(tables) ? tables : createViews();
  };
  const ensure = async (): Promise<E.Either<PortError, void>> => {
    if (schemaReady && pendingTables.size === 0 && pendingViews.size === 0) return E.right(undefined);
    ensuring ??= createMissing().finally(() => (ensuring = null));
    return ensuring;
  };
  return Object.assign(ensure, { pendingTables });
};

/**
 * SQL over the lake with Presto's Hive connector. Every analyst table is a view over three EXTERNAL Parquet tables at
 * `<location>/<table>`: `<table>_files` partitioned by `dt` (the sink's `dt=YYYY-MM-DD` folders; a partition's
 * sub-folders are not read, `hive.recursive-directories` being off), `<table>_merged` partitioned by (`dt`, `gen`)
 * (compacted generations) and `<table>_gens` partitioned by (`dt`, `marker`) (their commit markers); the view reads per
 * date the newest generation whose marker partition is registered (`generationViewSql`). Columns are matched by name
 * (`hive.parquet.use-column-names=true` on the stack). The schema, tables and views are created on first use,
 * idempotently, so several processes may race to create them; new partitions are added with
 * `system.create_empty_partition`, which needs `hive.non-managed-table-writes-enabled=true`.
 * The state tables' exports are tables `<name>_exports` partitioned by `export_id`, each state table a view of the
 * newest export; old exports are dropped from the metastore (`unregister`, a metadata-only delete) before their files go.
 *
 * Presto refuses an external table whose folder does not exist yet: pass `lake` (the WebHDFS store) to create the
 * folders first; without it a table with no files yet is created by the first `register` that names it.
 */
export const createPrestoQueryEngine = (options: PrestoQueryEngineOptions): QueryEngine & TableRegistry & { readonly close: () => Promise<void> } => {
  const client = prestoClient(options);
  const timeoutMs = options.timeoutMs ?? 120_000;
  const location = options.location.replace(/\/+$/, '');
  const qualified = (name: string): string => `${quote(options.catalog)}.${quote(options.schema)}.${quote(name)}`;
  const lakeTables = lakeTablesOf(options);
  const target = targetsOf(options.tables, lakeTables);
  let closed = false;

  const run = async (sql: string): Promise<E.Either<StatementFailure, StatementResult>> => {
    if (closed) return E.left({ kind: 'infrastructure', retriable: false, message: 'the Presto engine is closed', cause: undefined });
    const r = await runStatement(client, sql, { user: options.user, timeoutMs });
    return r.ok ? E.right(r.result) : E.left(r.failure);
  };
  const ensure = createCatalogKeeper({ ...options, run, lakeTables, views: viewsOf(options), qualified, location });

  const registered = new Set<string>();
  const keyOf = partitionPathOf;
  const addPartition = async (p: TablePartition): Promise<E.Either<PortError, void>> => {
    const key = keyOf(p);
    const t = target(p);
    if (registered.has(key) || t === null) return E.right(undefined);
    const r = await run(
      `call ${quote(options.catalog)}.system.create_empty_partition(${literal(options.schema)}, ${literal(t.table.name)}, array[${t.table.partitions.map(literal).join(', ')}], array[${t.values.map(literal).join(', ')}])`,
    );
    if (E.isLeft(r) && !alreadyExists(r.left)) return E.left(asPortError(`add partition ${key}`, r.left));
    registered.add(key);
    return E.right(undefined);
  };
  /** A partition of a known table, by its own partition columns, with values of the expected shape. */
  const known = (p: TablePartition): boolean => target(p) !== null;

  return {
    register: (partitions) => async () => {
      const unknown = partitions.find((p) => !known(p));
      if (unknown !== undefined) return E.left(portError(`presto: not a lake table partition: ${keyOf(unknown)}`, false));
      const ready = await ensure();
      if (E.isLeft(ready)) return ready;
      const missing = [...ensure.pendingTables].filter((t) => partitions.some((p) => target(p)?.table === t));
      if (missing.length > 0) return E.left(portError(`presto: no folder for table ${missing[0]!.name} at ${location}`, true));
      // One table's partitions in order, tables side by side: the file metastore keeps a folder per table.
      const byTable = [...new Set(partitions.map((p) => target(p)!.table))].map((t) => partitions.filter((p) => target(p)!.table === t));
      const results = await Promise.all(
        byTable.map(async (ps) => {
          for (const p of ps) {
            const r = await addPartition(p);
            if (E.isLeft(r)) return r;
          }
          return E.right(undefined);
        }),
      );
      return results.find(E.isLeft) ?? E.right(undefined);
    },
    // A metadata-only delete: every predicate is on the partition column, so Presto drops the partitions.
    unregister: (partitions) => async () => {
      const unknown = partitions.find((p) => !known(p));
      if (unknown !== undefined) return E.left(portError(`presto: not a lake table partition: ${keyOf(unknown)}`, false));
      const ready = await ensure();
      if (E.isLeft(ready)) return ready;
      for (const p of partitions) {
        const t = target(p)!;
        const r = await run(
          `delete from ${qualified(t.table.name)} where ${t.table.partitions.map((c, i) => `${quote(c)} = ${literal(t.values[i]!)}`).join(' and ')}`,
        );
        if (E.isLeft(r)) return E.left(asPortError(`drop partition ${keyOf(p)}`, r.left));
        registered.delete(keyOf(p));
      }
      return E.right(undefined);
    },
    query: (sql) => async () => {
      const ready = await ensure();
      if (E.isLeft(ready)) return ready;
      let r = await run(sql);
      // A compaction dropped a replaced generation's partition after the query was planned: planned again, the query
      // no longer reads it (the views never read a replaced generation).
      for (let retry = 0; retry < 3 && E.isLeft(r) && r.left.message.includes('HIVE_PARTITION_DROPPED_DURING_QUERY'); retry++) r = await run(sql);
      if (E.isLeft(r))
        return E.left(r.left.kind === 'sql' ? ({ _tag: 'QueryFailed', message: r.left.message } satisfies QueryFailed) : asPortError('query', r.left));
      const types = r.right.columns.map((c) => c.type);
      return E.right({ columns: r.right.columns.map((c) => c.name), rows: r.right.rows.map((row) => row.map((v, i) => fromPresto(types[i] ?? '', v))) });
    },
    close: async () => {
      closed = true;
    },
  };
};
