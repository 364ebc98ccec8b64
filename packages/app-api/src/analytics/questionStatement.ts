import { analystTables, analystViews, DATE_COLUMN, type TableSpec, type ViewSpec } from '@placebo/domain';

/** Event dates (UTC, `YYYY-MM-DD`), both ends included; an end left out is open. */
export interface DateRange {
  readonly from: string | null;
  readonly to: string | null;
}

const quote = (id: string): string => `"${id.replaceAll('"', '""')}"`;

/** The dates are checked (`YYYY-MM-DD`, a real day) before they get here; quoting them is for safety's sake. */
const literal = (s: string): string => `'${s.replaceAll("'", "''")}'`;

const condition = (range: DateRange): string =>
  [range.from === null ? null : `${quote(DATE_COLUMN)} >= ${literal(range.from)}`, range.to === null ? null : `${quote(DATE_COLUMN)} <= ${literal(range.to)}`]
    .filter((c) => c !== null)
    .join(' and ');

/**
 * A catalogue question's statement over the events of a date range, the same text on DuckDB and Presto: each analyst
 * table is shadowed by a named query of its rows of those dates (its `dt` partition, so an engine reads only their
 * files), then each view again over the shadows, and the question's own named queries follow. Inside its own
 * definition a named query's name still means the table, in both engines. The current-state tables (players, …) are
 * the state now and are left as they are. Without a range the statement is the question's, unchanged.
 */
export const scopedStatement = (
  sql: string,
  range: DateRange,
  tables: ReadonlyArray<TableSpec> = analystTables,
  views: ReadonlyArray<ViewSpec> = analystViews,
): string => {
  if (range.from === null && range.to === null) return sql;
  const where = condition(range);
  const scopes = [
    ...tables.map((t) => `${quote(t.name)} as (select * from ${quote(t.name)} where ${where})`),
    ...views.map((v) => `${quote(v.name)} as (${v.sql})`),
  ].join(',\n');
  const own = /^\s*with\s+/i.exec(sql);
  return own === null ? `with ${scopes}\n${sql}` : `with ${scopes},\n${sql.slice(own[0].length)}`;
};
