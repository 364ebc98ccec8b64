import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { Column, Row } from '../analytics/columns.js';
import type { TableSpec } from '../analytics/tables.js';
import type { PortError } from './portError.js';

/** Turns rows into the bytes of one columnar file (Parquet). */
export interface RowFileEncoder {
  readonly extension: string;
  readonly encode: (columns: ReadonlyArray<Column>, rows: ReadonlyArray<Row>) => TaskEither<PortError, Uint8Array>;
  /**
   * Encoders with an engine of their own: the file of the rows `table.project` makes of these records (their JSON,
   * in order), projected by the engine from the table's declarations, so the caller never parses the records.
   */
  readonly encodeRecords?: (table: TableSpec, records: ReadonlyArray<string>) => TaskEither<PortError, Uint8Array>;
}

/** Where analyst files live (a local folder, HDFS). Paths are relative to the lake root, `/`-separated. */
export interface LakeStore {
  /** Publishes a whole file atomically and durably: readers see all of it or nothing, never a part. */
  readonly publish: (path: string, bytes: Uint8Array) => TaskEither<PortError, void>;
  /** Every published file under `dir`, recursively, as lake-relative paths. In-flight temporary files are not listed. */
  readonly list: (dir: string) => TaskEither<PortError, ReadonlyArray<string>>;
  /** Removes published files (compaction); removing a file that is not there is not an error. */
  readonly remove: (paths: ReadonlyArray<string>) => TaskEither<PortError, void>;
  /** The bytes of a published file (compaction reads the files it merges). */
  readonly read: (path: string) => TaskEither<PortError, Uint8Array>;
}

/** Reads back the rows of a file written by a RowFileEncoder, in the encoder's cell shapes (timestamps as epoch ms). */
export interface RowFileDecoder {
  readonly decode: (columns: ReadonlyArray<Column>, bytes: Uint8Array) => TaskEither<PortError, ReadonlyArray<Row>>;
}

/**
 * A partition of a lake table: the files under `<table>/dt=<dt>/` for the analyst tables, or under
 * `<table>/<column>=<dt>/` when another partition column is named (`export_id` for the state exports).
 */
export interface TablePartition {
  readonly table: string;
  /** The value of the partition column: a date for the analyst tables' `dt`. */
  readonly dt: string;
  /** The partition column, when it is not `dt`. */
  readonly column?: string;
  /**
   * A compaction generation above 0 (`<table>/dt=<dt>/gen=<gen>/`), or, on a `<table>_gens` table, the generation whose
   * marker is `<table>/dt=<dt>/marker=<gen>/`.
   */
  readonly gen?: string;
}

/**
 * Makes published files queryable: creates the schema, tables and views if missing and registers new partitions
 * (Presto's metastore). Idempotent; engines that read the folders directly (DuckDB) need nothing.
 */
export interface TableRegistry {
  readonly register: (partitions: ReadonlyArray<TablePartition>) => TaskEither<PortError, void>;
  /**
   * Forgets partitions before their files are removed, so no query plans a read of them. Idempotent; engines that
   * read the folders directly (DuckDB) leave it out.
   */
  readonly unregister?: (partitions: ReadonlyArray<TablePartition>) => TaskEither<PortError, void>;
}

export interface QueryFailed {
  readonly _tag: 'QueryFailed';
  readonly message: string;
}

export interface QueryResult {
  readonly columns: ReadonlyArray<string>;
  readonly rows: ReadonlyArray<ReadonlyArray<unknown>>;
}

/** SQL over the lake, with the analyst tables and views registered under their names. */
export interface QueryEngine {
  readonly query: (sql: string) => TaskEither<PortError | QueryFailed, QueryResult>;
}
