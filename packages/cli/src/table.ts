const cell = (v: unknown): string => (v === null || v === undefined ? 'NULL' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** A result as an aligned text table, like the Presto and psql consoles print. */
export const formatTable = (columns: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<unknown>>): string => {
  const text = rows.map((r) => r.map(cell));
  const widths = columns.map((c, i) => Math.max(c.length, ...text.map((r) => (r[i] ?? '').length)));
  const line = (cells: ReadonlyArray<string>) => ` ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} `;
  return [line(columns), widths.map((w) => '-'.repeat(w + 2)).join('+'), ...text.map(line), `(${rows.length} row${rows.length === 1 ? '' : 's'})`].join('\n');
};
