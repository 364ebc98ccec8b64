import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Cell, Column, Row, RowFileDecoder } from '@placebo/domain';
import { tryPort } from '../runtime/tryPort.js';

const quote = (id: string): string => `"${id.replaceAll('"', '""')}"`;
const literal = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/** A column as the encoders take it: timestamps as epoch milliseconds, integers as numbers. */
const select = (c: Column): string => (c.type === 'timestamp' ? `epoch_ms(${quote(c.name)}) as ${quote(c.name)}` : quote(c.name));

const cell = (v: unknown): Cell => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  return v as Cell;
};

/**
 * Parquet → rows with an in-process DuckDB: the bytes go to a work file, DuckDB reads them back. Reads what both
 * encoders write (parquetjs-lite and DuckDB's COPY).
 */
export const createDuckDbParquetDecoder = (options: { readonly tmpDir?: string } = {}): RowFileDecoder & { readonly close: () => void } => {
  const dir = join(options.tmpDir ?? tmpdir(), `placebo-duckdb-read-${process.pid}`);
  let instance: Promise<DuckDBInstance> | null = null;
  return {
    decode: (columns, bytes) =>
      tryPort('decode parquet', async () => {
        mkdirSync(dir, { recursive: true });
        const file = join(dir, `${randomUUID()}.parquet`);
        writeFileSync(file, bytes);
        instance ??= DuckDBInstance.create(':memory:');
        const connection = await (await instance).connect();
        try {
          const reader = await connection.runAndReadAll(`select ${columns.map(select).join(', ')} from read_parquet(${literal(file)})`);
          return reader.getRowsJS().map((r): Row => Object.fromEntries(columns.map((c, i) => [c.name, cell(r[i])])));
        } finally {
          connection.closeSync();
          rmSync(file, { force: true });
        }
      }),
    close: () => {
      void instance?.then((i) => i.closeSync()).catch(() => undefined);
      instance = null;
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
