import { Writable } from 'node:stream';
import parquet, { type FieldDefinition } from 'parquetjs-lite';
import type { Column, ColumnType, RowFileEncoder } from '@placebo/domain';
import { tryPort } from '../runtime/tryPort.js';

const physical: Record<ColumnType, string> = {
  string: 'UTF8',
  int32: 'INT32',
  int64: 'INT64',
  double: 'DOUBLE',
  boolean: 'BOOLEAN',
  timestamp: 'TIMESTAMP_MILLIS',
};

/** Flat optional columns only: no `repeated` fields, which engines read differently. */
const schemaOf = (columns: ReadonlyArray<Column>) =>
  new parquet.ParquetSchema(
    Object.fromEntries(columns.map((c): [string, FieldDefinition] => [c.name, { type: physical[c.type], optional: true, compression: 'SNAPPY' }])),
  );

/**
 * parquetjs-lite with its traps disarmed: data page V1 (V2 pages are not read by every engine), SNAPPY set per field
 * (the writer ignores a file-level option), one row group per file up to `rowGroupSize`.
 */
export const createParquetEncoder = (options: { readonly rowGroupSize?: number } = {}): RowFileEncoder => ({
  extension: 'parquet',
  encode: (columns, rows) =>
    tryPort(
      'encode parquet',
      async () => {
        const chunks: Buffer[] = [];
        const sink = new Writable({
          write(chunk: Buffer, _enc, cb) {
            chunks.push(chunk);
            cb();
          },
        });
        const writer = await parquet.ParquetWriter.openStream(schemaOf(columns), sink, {
          useDataPageV2: false,
          rowGroupSize: options.rowGroupSize ?? 100_000,
        });
        for (const row of rows) {
          const clean: Record<string, unknown> = {};
          for (const c of columns) {
            const v = row[c.name];
            if (v !== null && v !== undefined) clean[c.name] = v;
          }
          await writer.appendRow(clean);
        }
        await writer.close();
        return new Uint8Array(Buffer.concat(chunks));
      },
      () => false,
    ),
});
