import type { CellSource, ColumnType, TableSpec } from '@placebo/domain';

export const quote = (id: string): string => `"${id.replaceAll('"', '""')}"`;
export const literal = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/**
 * Column types of the files DuckDB writes. Timestamps are `timestamp_ms`, written as INT64 TIMESTAMP_MILLIS like the
 * parquetjs encoder's (`timestamp` would be TIMESTAMP_MICROS); both read back as a plain `timestamp` in DuckDB and in
 * Presto 0.287's Hive connector (checked on the local stack).
 */
export const stagingType: Record<ColumnType, string> = {
  string: 'varchar',
  int32: 'integer',
  int64: 'bigint',
  double: 'double',
  boolean: 'boolean',
  timestamp: 'timestamp_ms',
};

const jsonType: Record<ColumnType, string> = {
  string: 'VARCHAR',
  int32: 'INTEGER',
  int64: 'BIGINT',
  double: 'DOUBLE',
  boolean: 'BOOLEAN',
  timestamp: 'VARCHAR',
};

interface Structure {
  [key: string]: Structure | string;
}

/** Adds a path with its JSON type to the structure `json_transform` parses each record into. */
const need = (s: Structure, path: ReadonlyArray<string>, type: string): void => {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) {
    const had = s[head];
    if (had !== undefined && had !== type) throw new Error(`duckdb projection: ${path.join('.')} is read both as ${String(had)} and as ${type}`);
    s[head] = type;
    return;
  }
  const inner = s[head];
  const next = typeof inner === 'object' ? inner : {};
  s[head] = next;
  need(next, rest, type);
};

const member = (path: ReadonlyArray<string>): string => ['e', ...path.map(quote)].join('.');

/** The SQL of one cell source over `e` (the record parsed into a struct) and `doc` (its text). */
const cellSql = (src: CellSource, type: ColumnType, s: Structure): string => {
  switch (src._tag) {
    case 'Field':
      need(s, src.path, jsonType[type]);
      return member(src.path);
    case 'Text':
      return literal(src.value);
    case 'Null':
      return 'null';
    case 'Prefixed':
      need(s, src.path, 'VARCHAR');
      return `(${literal(src.prefix)} || coalesce(${member(src.path)}, 'null'))`;
    case 'ByType': {
      // One branch per distinct value, naming its event types; types whose value is null need no branch.
      need(s, ['data', 'type'], 'VARCHAR');
      const typesOf = new Map<string, string[]>();
      for (const [t, c] of Object.entries(src.cases)) {
        const sql = cellSql(c, type, s);
        if (sql !== 'null') typesOf.set(sql, [...(typesOf.get(sql) ?? []), t]);
      }
      if (typesOf.size === 0) return 'null';
      const branches = [...typesOf].map(([sql, types]) => `when ${member(['data', 'type'])} in (${types.map(literal).join(', ')}) then ${sql}`);
      return `(case ${branches.join(' ')} end)`;
    }
    case 'Millis':
      need(s, src.path, 'VARCHAR');
      return `try_strptime(${member(src.path)}, '%Y-%m-%dT%H:%M:%S.%gZ')`;
    case 'SpaceTime':
      // An instant as toISOString writes it holds one T and one Z: replacing every one is String.replace's first.
      need(s, src.path, 'VARCHAR');
      return `replace(replace(${member(src.path)}, 'T', ' '), 'Z', '')`;
    case 'DateOf':
      need(s, src.path, 'VARCHAR');
      return `substr(${member(src.path)}, 1, 10)`;
    case 'Record':
      return 'doc';
    default: {
      const never: never = src;
      return never;
    }
  }
};

/**
 * The SQL that makes a table's rows out of records' JSON (`doc`, one record a row of `source`, in order), generated
 * from the same declarations `table.project` is computed from: each record is parsed once (`json_transform` into a
 * struct of the members the columns read), then each column is its cell source in SQL, cast to its declared type.
 * The rows keep the records' order without an ORDER BY (which would cost a sort and a single-threaded write): a scan,
 * a filter and a projection keep insertion order under DuckDB's default `preserve_insertion_order`.
 */
export const projectionSql = (table: Pick<TableSpec, 'columns' | 'types'>, source: string): string => {
  const s: Structure = {};
  need(s, ['data', 'type'], 'VARCHAR');
  const cells = table.columns.map((c) => `cast(${cellSql(c.from, c.type, s)} as ${stagingType[c.type]}) as ${quote(c.name)}`);
  const parsed = `select doc, json_transform(doc, ${literal(JSON.stringify(s))}) as e from ${source}`;
  return `select ${cells.join(', ')} from (${parsed}) where ${member(['data', 'type'])} in (${table.types.map(literal).join(', ')})`;
};
