import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import * as E from 'fp-ts/lib/Either.js';
import { portError, sqlType, type QueryEngine, type TableSpec, type ViewSpec } from '@placebo/domain';

const quote = (id: string): string => `"${id.replaceAll('"', '""')}"`;
const literal = (s: string): string => `'${s.replaceAll("'", "''")}'`;

const hasFiles = (dir: string): boolean =>
  existsSync(dir) && readdirSync(dir, { withFileTypes: true }).some((d) => d.isDirectory() && readdirSync(join(dir, d.name)).some((f) => f.endsWith('.parquet')));

/** A typed table with no rows, from the same declaration as the Parquet schema. */
export const emptyTableSql = (t: TableSpec): string =>
  `select ${t.columns.map((c) => `cast(null as ${sqlType(c.type)}) as ${quote(c.name)}`).join(', ')} where false`;

const toJs = (v: unknown): unknown => {
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(toJs);
  return v;
};

/**
 * SQL over the local lake with DuckDB: every analyst table is a view over its Parquet files
 * (`<root>/<table>/dt=…/*.parquet`), declared columns first so the order matches the DDL.
 */
export const createDuckDbQueryEngine = (options: {
  readonly root: string;
  readonly tables: ReadonlyArray<TableSpec>;
  readonly views: ReadonlyArray<ViewSpec>;
}): QueryEngine & { readonly close: () => void } => {
  const instance = DuckDBInstance.create(':memory:');
  const setup = (): string[] => [
    ...options.tables.map((t) => {
      const dir = join(options.root, t.name);
      const source = hasFiles(dir)
        ? `select ${t.columns.map((c) => quote(c.name)).join(', ')} from read_parquet(${literal(join(dir, '*', '*.parquet'))}, union_by_name = true, hive_partitioning = false)`
        : emptyTableSql(t);
      return `create or replace view ${quote(t.name)} as ${source}`;
    }),
    ...options.views.map((v) => `create or replace view ${quote(v.name)} as ${v.sql}`),
  ];
  return {
    query: (sql) => async () => {
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
        return E.right({ columns: reader.columnNames(), rows: reader.getRowsJS().map((r) => r.map(toJs)) });
      } catch (e) {
        return E.left({ _tag: 'QueryFailed', message: e instanceof Error ? e.message : String(e) });
      } finally {
        connection.closeSync();
      }
    },
    close: () => {
      void instance.then((i) => i.closeSync());
    },
  };
};
