import type { TableSpec } from './tables.js';
import { col, type Column } from './columns.js';

/**
 * Compaction generations of the analyst tables. The sink's files of a date are generation 0 and stay where they always
 * were, `<table>/dt=<dt>/part-….parquet`; a compaction writes generation g ≥ 1 under `<table>/dt=<dt>/gen=<g>/`, then
 * commits it with a one-row marker `<table>/dt=<dt>/marker=<g>/marker.parquet`. Readers take, per date, the newest
 * generation that has a marker, so a date switches from the small files to the merged ones in one step.
 */
export const BASE_GEN = '0000';
export const GEN_COLUMN = 'gen';
export const MARKER_COLUMN = 'marker';

/** Storage tables behind an analyst table: its generation-0 files, its merged generations and their markers. */
export const filesTableOf = (t: Pick<TableSpec, 'name'>): string => `${t.name}_files`;
export const mergedTableOf = (t: Pick<TableSpec, 'name'>): string => `${t.name}_merged`;
export const gensTableOf = (t: Pick<TableSpec, 'name'>): string => `${t.name}_gens`;

export const storageTablesOf = (t: Pick<TableSpec, 'name'>): ReadonlyArray<string> => [filesTableOf(t), mergedTableOf(t), gensTableOf(t)];

export const nextGen = (g: string): string => String(Number(g) + 1).padStart(BASE_GEN.length, '0');

export const markerColumns: ReadonlyArray<Column> = [
  col('files', 'int64', 'Files of the generation.'),
  col('rows', 'int64', 'Rows of the generation.'),
];

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
