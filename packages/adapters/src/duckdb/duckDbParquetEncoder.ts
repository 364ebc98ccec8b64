import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, timestampMillisValue, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import type { Cell, Column, ColumnType, Row, RowFileEncoder, TableSpec } from '@placebo/domain';
import { tryPort } from '../runtime/tryPort.js';
import { literal, projectionSql, quote, stagingType } from './duckDbProjection.js';

const millis = (v: Cell): number => (typeof v === 'number' ? v : Date.parse(String(v)));

type Append = (a: DuckDBAppender, v: Cell) => void;

const appenders: Record<ColumnType, Append> = {
  string: (a, v) => a.appendVarchar(typeof v === 'string' ? v : String(v)),
  int32: (a, v) => a.appendInteger(Number(v)),
  int64: (a, v) => a.appendBigInt(BigInt(Math.trunc(Number(v)))),
  double: (a, v) => a.appendDouble(Number(v)),
  boolean: (a, v) => a.appendBoolean(v === true || v === 'true'),
  timestamp: (a, v) => a.appendTimestampMilliseconds(timestampMillisValue(BigInt(Math.trunc(millis(v))))),
};

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Removes the work folders of processes that are gone: a process killed mid-encode leaves its file behind. */
const sweep = (dir: string): void => {
  for (const name of readdirSync(dir)) {
    const pid = /^placebo-duckdb-(\d+)$/.exec(name)?.[1];
    if (pid !== undefined && Number(pid) !== process.pid && !alive(Number(pid))) rmSync(join(dir, name), { recursive: true, force: true });
  }
};

/** A staging table of the columns' types, filled with the rows through the Appender (typed per column, no SQL per row). */
const appendRows = async (connection: DuckDBConnection, columns: ReadonlyArray<Column>, rows: ReadonlyArray<Row>): Promise<void> => {
  await connection.run(`create temp table staging (${columns.map((c) => `${quote(c.name)} ${stagingType[c.type]}`).join(', ')})`);
  const appender = await connection.createAppender('staging');
  const fill = columns.map((c) => ({ name: c.name, append: appenders[c.type] }));
  try {
    for (const row of rows) {
      for (const { name, append } of fill) {
        const v = row[name];
        if (v === null || v === undefined) appender.appendNull();
        else append(appender, v);
      }
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
};

/** A staging table of one text column, a record's JSON a row. */
const appendDocs = async (connection: DuckDBConnection, docs: ReadonlyArray<string>): Promise<void> => {
  await connection.run('create temp table staging (doc varchar)');
  const appender = await connection.createAppender('staging');
  try {
    for (const doc of docs) {
      appender.appendVarchar(doc);
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
};

export interface DuckDbParquetEncoderOptions {
  /** Under which DuckDB writes each file before it is read back (and spills, if it must). Defaults to the OS temp dir. */
  readonly tmpDir?: string;
  /** DuckDB's `memory_limit`, e.g. '512MB'; unset keeps DuckDB's default (80 % of RAM). */
  readonly memoryLimit?: string;
  readonly rowGroupSize?: number;
}

/**
 * Parquet through DuckDB's columnar writer: each call appends the rows into a temporary table (the Appender, typed
 * per column, no SQL per row), `COPY`s it to a temporary file (Snappy, V1 data pages, flat optional columns, like the
 * parquetjs encoder's) and returns the file's bytes. `encodeRecords` takes records' JSON instead and projects the
 * table's rows in SQL (`projectionSql`), so the row work runs on DuckDB's threads. One in-memory instance, created on
 * first use; a connection per call, so concurrent calls do not share a staging table.
 */
export const createDuckDbParquetEncoder = (
  options: DuckDbParquetEncoderOptions = {},
): RowFileEncoder & Required<Pick<RowFileEncoder, 'encodeRecords'>> & { readonly close: () => void } => {
  // One work folder per process, so that a later process can tell leftovers of a dead one from files in use.
  const base = options.tmpDir ?? tmpdir();
  const dir = join(base, `placebo-duckdb-${process.pid}`);
  let ready = false;
  const config: Record<string, string> = { temp_directory: join(dir, `spill-${randomUUID()}`) };
  if (options.memoryLimit !== undefined) config.memory_limit = options.memoryLimit;
  let instance: Promise<DuckDBInstance> | null = null;
  const open = (): Promise<DuckDBInstance> => {
    instance ??= DuckDBInstance.create(':memory:', config).catch((e: unknown) => {
      instance = null;
      throw e;
    });
    return instance;
  };
  // V1 data pages, as the parquetjs encoder writes: not every engine reads V2 pages.
  const copyOptions = [
    'format parquet',
    'compression snappy',
    'parquet_version v1',
    ...(options.rowGroupSize === undefined ? [] : [`row_group_size ${options.rowGroupSize}`]),
  ].join(', ');

  const prepare = (): void => {
    if (ready) return;
    sweep(base);
    mkdirSync(dir, { recursive: true });
    ready = true;
  };
  /** Fills a staging table on a connection of its own, copies `select` of it to a file and answers the file's bytes. */
  const toParquet = (what: string, fill: (c: DuckDBConnection) => Promise<void>, select: string) =>
    tryPort(
      what,
      async () => {
        prepare();
        const connection = await (await open()).connect();
        const file = join(dir, `placebo-${randomUUID()}.parquet`);
        try {
          await fill(connection);
          await connection.run(`copy (${select}) to ${literal(file)} (${copyOptions})`);
          return await readFile(file);
        } finally {
          await rm(file, { force: true });
          await connection.run('drop table if exists staging').catch(() => undefined);
          connection.closeSync();
        }
      },
      () => false,
    );

  return {
    extension: 'parquet',
    encode: (columns: ReadonlyArray<Column>, rows) => toParquet('encode parquet (duckdb)', (c) => appendRows(c, columns, rows), 'select * from staging'),
    // The records' JSON goes in as text, one cell a record; DuckDB parses and projects them on its own threads.
    encodeRecords: (table: TableSpec, records: ReadonlyArray<string>) =>
      toParquet('encode records to parquet (duckdb)', (c) => appendDocs(c, records), projectionSql(table, 'staging')),
    close: () => {
      const i = instance;
      instance = null;
      void i?.then(
        (db) => db.closeSync(),
        () => undefined,
      );
    },
  };
};
