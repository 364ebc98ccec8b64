import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, timestampMillisValue, type DuckDBAppender } from '@duckdb/node-api';
import type { Cell, Column, ColumnType, RowFileEncoder } from '@placebo/domain';
import { tryPort } from '../runtime/tryPort.js';

const quote = (id: string): string => `"${id.replaceAll('"', '""')}"`;
const literal = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/**
 * Column types of the staging table. Timestamps are `timestamp_ms`, written as INT64 TIMESTAMP_MILLIS like the
 * parquetjs encoder's (`timestamp` would be TIMESTAMP_MICROS); both read back as a plain `timestamp` in DuckDB and in
 * Presto 0.287's Hive connector (checked on the local stack).
 */
const stagingType: Record<ColumnType, string> = {
  string: 'varchar',
  int32: 'integer',
  int64: 'bigint',
  double: 'double',
  boolean: 'boolean',
  timestamp: 'timestamp_ms',
};

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
 * parquetjs encoder's) and returns the file's bytes. One in-memory instance, created on first use; a connection
 * per call, so concurrent calls do not share a staging table.
 */
export const createDuckDbParquetEncoder = (options: DuckDbParquetEncoderOptions = {}): RowFileEncoder & { readonly close: () => void } => {
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

  return {
    extension: 'parquet',
    encode: (columns: ReadonlyArray<Column>, rows) =>
      tryPort(
        'encode parquet (duckdb)',
        async () => {
          if (!ready) {
            sweep(base);
            mkdirSync(dir, { recursive: true });
            ready = true;
          }
          const connection = await (await open()).connect();
          const file = join(dir, `placebo-${randomUUID()}.parquet`);
          try {
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
            await connection.run(`copy staging to ${literal(file)} (${copyOptions})`);
            return await readFile(file);
          } finally {
            await rm(file, { force: true });
            await connection.run('drop table if exists staging').catch(() => undefined);
            connection.closeSync();
          }
        },
        () => false,
      ),
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
