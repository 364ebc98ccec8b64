import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { chartKinds, type ChartKind } from './charts.js';

/** One business question of `queries/`: a `*.sql` file's header and its one SQL statement. */
export interface CatalogueQuery {
  readonly file: string;
  /** `-- name:`, or the file's name without `.sql` when the header has none. */
  readonly name: string;
  readonly question: string;
  readonly description: string;
  /** `-- chart:`; a table when the header names none (or an unknown one, which `problem` then says). */
  readonly chart: ChartKind;
  /** The column a chart puts on its x axis ('' for a plain table without one). */
  readonly x: string;
  /** The column(s) on the y axis (`-- y: events, purchases` for two series). */
  readonly y: ReadonlyArray<string>;
  readonly sql: string;
  /** Why the statement cannot be run and drawn, if anything: a report shows it instead of an answer. */
  readonly problem: string | null;
}

export class CatalogueError extends Error {}

interface Header {
  readonly fields: ReadonlyMap<string, string>;
  readonly sql: string;
  /** The first place the header breaks its grammar (a line without a key, a key given twice), or null. */
  readonly flaw: string | null;
}

const keyPart = /^([a-z_]+)\s*:\s*(.*)$/i;

/**
 * Reads the header: the leading `--` lines, `-- key: value`, several of which may share a line (`-- x: a   -- y: b`);
 * a comment without a key continues the previous value. The statement is the rest, without its final semicolon,
 * which Presto refuses.
 */
const readHeader = (text: string): Header => {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const fields = new Map<string, string>();
  const flaws: string[] = [];
  let last: string | null = null;
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    if (!line.startsWith('--')) break;
    for (const part of line
      .replace(/^--\s*/, '')
      .split(/\s+--\s*(?=[a-z_]+\s*:)/i)
      .filter((p) => p !== '')) {
      const m = keyPart.exec(part);
      if (m !== null) {
        last = m[1]!.toLowerCase();
        if (fields.has(last)) flaws.push(`header key ${last} appears twice`);
        fields.set(last, m[2]!.trim());
      } else if (last !== null) {
        fields.set(last, `${fields.get(last)} ${part.trim()}`.trim());
      } else {
        flaws.push(`header line ${i + 1} has no key: ${line}`);
      }
    }
  }
  const sql = lines
    .slice(i)
    .join('\n')
    .trim()
    .replace(/[\s;]+$/, '');
  return { fields, sql, flaw: flaws[0] ?? null };
};

const columns = (s: string | undefined): ReadonlyArray<string> =>
  (s ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '');

/** What keeps the statement from being run and drawn as its header says, or null. */
const drawProblem = (fields: ReadonlyMap<string, string>, sql: string): string | null => {
  const chart = (fields.get('chart') ?? 'table').toLowerCase();
  if (!(chartKinds as ReadonlyArray<string>).includes(chart)) return `unknown chart "${fields.get('chart')}" (use ${chartKinds.join(', ')})`;
  if (sql === '') return 'no SQL statement after the header';
  if (chart !== 'table' && (fields.get('x') ?? '') === '') return `a ${chart} chart needs an x column (-- x: <column>)`;
  if ((chart === 'bar' || chart === 'line') && columns(fields.get('y')).length === 0) return `a ${chart} chart needs a y column (-- y: <column>)`;
  return null;
};

const toQuery = (file: string, { fields, sql }: Header): CatalogueQuery => {
  const chart = (fields.get('chart') ?? 'table').toLowerCase() as ChartKind;
  return {
    file,
    name: fields.get('name') || basename(file, '.sql'),
    question: fields.get('question') ?? '',
    description: fields.get('description') ?? '',
    chart: chartKinds.includes(chart) ? chart : 'table',
    x: fields.get('x') ?? '',
    y: columns(fields.get('y')),
    sql,
    problem: drawProblem(fields, sql),
  };
};

/** Reads any `.sql` question file; never throws: what is wrong with it is its `problem`. */
export const parseQuery = (file: string, text: string): CatalogueQuery => toQuery(file, readHeader(text));

/** What breaks the conventions of the repository's own catalogue, in the order a reader would fix them, or null. */
const conventionProblem = (file: string, { fields, sql, flaw }: Header): string | null => {
  const given = (key: string): boolean => (fields.get(key) ?? '') !== '';
  const name = fields.get('name') ?? '';
  const stem = basename(file).replace(/\.sql$/, '');
  if (flaw !== null) return flaw;
  if (!given('name')) return 'header "-- name:" is missing or empty';
  if (!/^[a-z0-9_]+$/.test(name)) return `name ${name} is not snake_case`;
  if (!given('chart')) return 'header "-- chart:" is missing or empty';
  if (!(chartKinds as ReadonlyArray<string>).includes(fields.get('chart')!)) return `chart ${fields.get('chart')} is not one of ${chartKinds.join(', ')}`;
  if (sql === '') return 'no SQL after the header';
  if (sql.includes(';')) return 'one statement only (found a semicolon inside)';
  if (stem !== name && !new RegExp(`^\\d+_${name}$`).test(stem)) return `the file name does not end with the name ${name}`;
  if (!given('question')) return 'header "-- question:" is missing or empty';
  return null;
};

/** Reads one file of the repository's catalogue; throws a CatalogueError naming what breaks its conventions. */
export const checkQuery = (file: string, text: string): CatalogueQuery => {
  const header = readHeader(text);
  const query = toQuery(file, header);
  const problem = conventionProblem(file, header) ?? query.problem;
  if (problem !== null) throw new CatalogueError(`${file}: ${problem}`);
  return query;
};

const readQueries = async (dir: string, parse: (file: string, text: string) => CatalogueQuery): Promise<ReadonlyArray<CatalogueQuery>> => {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  return Promise.all(files.map(async (f) => parse(f, await readFile(join(dir, f), 'utf8'))));
};

/** Every `*.sql` file of `dir`, in file-name order, each with its problem (a report shows what it cannot run). */
export const loadQueries = (dir: string): Promise<ReadonlyArray<CatalogueQuery>> => readQueries(dir, parseQuery);

/** The repository's catalogue: every `*.sql` file of `dir`, checked, in file-name order; names must be unique. */
export const loadCatalogue = async (dir: string): Promise<ReadonlyArray<CatalogueQuery>> => {
  const queries = await readQueries(dir, checkQuery);
  const seen = new Map<string, string>();
  for (const q of queries) {
    const other = seen.get(q.name);
    if (other !== undefined) throw new CatalogueError(`${q.file}: name ${q.name} is already used by ${other}`);
    seen.set(q.name, q.file);
  }
  return queries;
};
