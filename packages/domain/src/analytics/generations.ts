import type { TableSpec } from './tables.js';
import { col, type Column } from './columns.js';
import { BASE_GEN, GEN_COLUMN, MARKER_COLUMN } from './lakeLayout.js';

/*
 * The tables behind the compaction generations of the analyst tables (their folders are laid out in lakeLayout.ts): a
 * query engine with a metastore registers a date's generation-0 files, its merged generations and their markers as
 * three tables, and the analyst table is a view that reads, per date, the newest committed generation.
 */

/** Storage tables behind an analyst table: its generation-0 files, its merged generations and their markers. */
export const filesTableOf = (t: Pick<TableSpec, 'name'>): string => `${t.name}_files`;
export const mergedTableOf = (t: Pick<TableSpec, 'name'>): string => `${t.name}_merged`;
export const gensTableOf = (t: Pick<TableSpec, 'name'>): string => `${t.name}_gens`;

export const storageTablesOf = (t: Pick<TableSpec, 'name'>): ReadonlyArray<string> => [filesTableOf(t), mergedTableOf(t), gensTableOf(t)];

export const markerColumns: ReadonlyArray<Column> = [col('files', 'int64', 'Files of the generation.'), col('rows', 'int64', 'Rows of the generation.')];

const q = (id: string): string => `"${id}"`;

/** Portable SQL of an analyst table: per date, the rows of the newest committed generation (0 when none is). */
export const generationViewSql = (t: Pick<TableSpec, 'name' | 'columns'>): string => {
  const cols = t.columns.map((c) => q(c.name)).join(', ');
  return (
    `select ${cols}, f.dt from (select ${cols}, dt, '${BASE_GEN}' as ${GEN_COLUMN} from ${filesTableOf(t)} ` +
    `union all select ${cols}, dt, ${GEN_COLUMN} from ${mergedTableOf(t)}) f ` +
    `where f.${GEN_COLUMN} = coalesce((select max(m.${MARKER_COLUMN}) from ${gensTableOf(t)} m where m.dt = f.dt), '${BASE_GEN}')`
  );
};
