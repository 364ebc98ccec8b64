import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';

export type Chart = 'bar' | 'histogram' | 'line' | 'table';
const charts: ReadonlyArray<string> = ['bar', 'histogram', 'line', 'table'];

/** One business question of `queries/`: its header and its one SQL statement. */
export interface CatalogueQuery {
  readonly file: string;
  readonly name: string;
  readonly question: string;
  readonly description: string;
  readonly chart: Chart;
  /** The column a chart puts on its x axis (null for a plain table without one). */
  readonly x: string | null;
  /** The column(s) on the y axis, as written (`events, purchases` for two series), or null. */
  readonly y: string | null;
  readonly sql: string;
}

export class CatalogueError extends Error {}

const keyLine = /^--\s*(name|question|description|chart|x|y):\s*(.*)$/;

/**
 * Parses one catalogue file. The header is the leading `--` lines: `-- key: value`, where `x` and `y` may share a line
 * (`-- x: type   -- y: items`) and a `--` line without a key continues the previous value. One trailing semicolon is
 * dropped so that the statement can be sent as is to either engine.
 */
export const parseQuery = (file: string, text: string): CatalogueQuery => {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const header = new Map<string, string>();
  let last: string | null = null;
  let i = 0;
  for (; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '' && header.size === 0) continue;
    if (!line.startsWith('--')) break;
    const m = keyLine.exec(line);
    if (m === null) {
      if (last === null) throw new CatalogueError(`${file}: header line ${i + 1} has no key: ${line}`);
      header.set(last, `${header.get(last) ?? ''} ${line.replace(/^--\s*/, '')}`.trim());
      continue;
    }
    const [, key = '', rest = ''] = m;
    const inlineY = key === 'x' ? /^(.*?)\s+--\s*y:\s*(.*)$/.exec(rest) : null;
    if (inlineY !== null) {
      header.set('x', (inlineY[1] ?? '').trim());
      header.set('y', (inlineY[2] ?? '').trim());
      last = 'y';
    } else {
      if (header.has(key)) throw new CatalogueError(`${file}: header key ${key} appears twice`);
      header.set(key, rest.trim());
      last = key;
    }
  }
  const sql = lines
    .slice(i)
    .join('\n')
    .trim()
    .replace(/;\s*$/, '')
    .trim();
  const need = (key: string): string => {
    const v = header.get(key);
    if (v === undefined || v === '') throw new CatalogueError(`${file}: header "-- ${key}:" is missing or empty`);
    return v;
  };
  const name = need('name');
  if (!/^[a-z0-9_]+$/.test(name)) throw new CatalogueError(`${file}: name ${name} is not snake_case`);
  const chart = need('chart');
  if (!charts.includes(chart)) throw new CatalogueError(`${file}: chart ${chart} is not one of ${charts.join(', ')}`);
  if (sql === '') throw new CatalogueError(`${file}: no SQL after the header`);
  if (sql.includes(';')) throw new CatalogueError(`${file}: one statement only (found a semicolon inside)`);
  const stem = basename(file).replace(/\.sql$/, '');
  if (stem !== name && !new RegExp(`^\\d+_${name}$`).test(stem)) throw new CatalogueError(`${file}: the file name does not end with the name ${name}`);
  const optional = (key: string): string | null => (header.get(key) ?? '') || null;
  return { file, name, question: need('question'), description: header.get('description') ?? '', chart: chart as Chart, x: optional('x'), y: optional('y'), sql };
};

/** Every `*.sql` file of `dir`, parsed, in file-name order; names must be unique. */
export const loadCatalogue = async (dir: string): Promise<ReadonlyArray<CatalogueQuery>> => {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const queries = await Promise.all(files.map(async (f) => parseQuery(f, await readFile(join(dir, f), 'utf8'))));
  const seen = new Map<string, string>();
  for (const q of queries) {
    const other = seen.get(q.name);
    if (other !== undefined) throw new CatalogueError(`${q.file}: name ${q.name} is already used by ${other}`);
    seen.set(q.name, q.file);
  }
  return queries;
};
