export type ColumnType = 'string' | 'int32' | 'int64' | 'double' | 'boolean' | 'timestamp';

export interface Column {
  readonly name: string;
  readonly type: ColumnType;
  readonly doc: string;
}

export type Cell = string | number | boolean | null;
export type Row = Readonly<Record<string, Cell>>;

/** SQL type of a column; the same names in DuckDB and Presto. Timestamps are stored as epoch milliseconds. */
export const sqlType = (type: ColumnType): string => {
  switch (type) {
    case 'string':
      return 'varchar';
    case 'int32':
      return 'integer';
    case 'int64':
      return 'bigint';
    case 'double':
      return 'double';
    case 'boolean':
      return 'boolean';
    case 'timestamp':
      return 'timestamp';
    default: {
      const never: never = type;
      return never;
    }
  }
};

export const col = (name: string, type: ColumnType, doc: string): Column => ({ name, type, doc });
