import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import type { QueryEngine } from '@placebo/domain';
import { escapeHtml, loadQueries, renderChart, renderTable, type CatalogueQuery, type ChartSpec, type Dataset } from '@placebo/app-api';

export interface Answer {
  readonly question: CatalogueQuery;
  readonly result: Dataset | null;
  readonly error: string | null;
}

export const answer = async (engine: QueryEngine, question: CatalogueQuery): Promise<Answer> => {
  if (question.problem !== null) return { question, result: null, error: question.problem };
  const r = await engine.query(question.sql)();
  return E.isLeft(r) ? { question, result: null, error: `query failed: ${r.left.message}` } : { question, result: r.right, error: null };
};

const anchor = (name: string): string => `q-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

const section = ({ question: q, result, error }: Answer): string => {
  const spec: ChartSpec = { kind: q.chart, x: q.x, y: q.y, title: q.question || q.name };
  const body =
    error !== null
      ? `<p class="error">${escapeHtml(error)}</p>`
      : result === null || result.rows.length === 0
        ? '<p class="no-data">No data: the query returned no rows.</p>'
        : q.chart === 'table'
          ? `<div class="chart">${renderChart(spec, result)}</div>`
          : `<div class="chart">${renderChart(spec, result)}</div>\n<details open><summary>Data (${result.rows.length} rows)</summary>${renderTable(result)}</details>`;
  const attrs = [
    `id="${escapeHtml(anchor(q.name))}"`,
    'class="question"',
    `data-name="${escapeHtml(q.name)}"`,
    `data-chart="${q.chart}"`,
    `data-x="${escapeHtml(q.x)}"`,
    `data-y="${escapeHtml(q.y.join(','))}"`,
    `data-rows="${result?.rows.length ?? 0}"`,
    `data-status="${error !== null ? 'error' : (result?.rows.length ?? 0) === 0 ? 'empty' : 'ok'}"`,
  ];
  return `<section ${attrs.join(' ')}>
<h2>${escapeHtml(q.name)}</h2>
${q.question === '' ? '' : `<p class="ask">${escapeHtml(q.question)}</p>`}
${q.description === '' ? '' : `<p class="description">${escapeHtml(q.description)}</p>`}
${body}
<details><summary>SQL (${escapeHtml(q.file)})</summary><pre>${escapeHtml(q.sql)}</pre></details>
</section>`;
};

const style = `body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:960px;color:#222;padding:0 1em}
h1{font-size:1.6em}h2{margin-top:2.2em;border-bottom:1px solid #ddd;padding-bottom:.2em}
.ask{font-weight:600}.description,.meta{color:#555}.error{color:#b00020;font-weight:600}.no-data{color:#777;font-style:italic}
svg.chart{max-width:100%;height:auto;background:#fff}svg text{font:11px system-ui,sans-serif;fill:#333}svg .axis-title{font-weight:600}
svg .axis,svg .tick{stroke:#333}svg .grid{stroke:#e5e5e5}
table.data{border-collapse:collapse;margin:.6em 0;font-size:13px}table.data th,table.data td{border:1px solid #ddd;padding:2px 8px;text-align:left}
table.data td.null{color:#999}pre{background:#f6f8fa;padding:.8em;overflow:auto}details{margin:.5em 0}`;

/** The whole report: one HTML file with no script and no outside reference (its CSP forbids fetching anything). */
export const renderReport = (
  answers: ReadonlyArray<Answer>,
  meta: { readonly mode: string; readonly generatedAt: string; readonly source: string },
): string => {
  const toc = answers.map(
    (a) =>
      `<li><a href="#${escapeHtml(anchor(a.question.name))}">${escapeHtml(a.question.name)}</a>${a.question.question === '' ? '' : ` — ${escapeHtml(a.question.question)}`}</li>`,
  );
  const failed = answers.filter((a) => a.error !== null).length;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Placebo report</title><style>${style}</style></head>
<body>
<h1>Placebo report</h1>
<p class="meta">${answers.length} questions from ${escapeHtml(meta.source)}, answered by the ${escapeHtml(meta.mode)} query engine at ${escapeHtml(meta.generatedAt)}${failed > 0 ? `; <span class="error">${failed} failed</span>` : ''}.</p>
${answers.length === 0 ? '<p class="no-data">No questions: the folder holds no .sql files.</p>' : `<ol class="toc">${toc.join('')}</ol>`}
${answers.map(section).join('\n')}
</body></html>
`;
};

export interface ReportOptions {
  /** The HTML file to write. */
  readonly out: string;
  /** The folder of `*.sql` questions. */
  readonly queries: string;
}

/** Answers every question of the folder and writes one HTML file. Exit 1 when a question failed. */
export const writeReport = async (options: ReportOptions, engine: QueryEngine, mode: string): Promise<number> => {
  const dir = resolve(options.queries);
  if (!existsSync(dir)) {
    process.stderr.write(`report: no query folder at ${dir} (run from the repository root or give --queries <dir>)\n`);
    return 2;
  }
  const answers: Answer[] = [];
  for (const q of await loadQueries(dir)) answers.push(await answer(engine, q));
  const out = resolve(options.out);
  writeFileSync(out, renderReport(answers, { mode, generatedAt: new Date().toISOString(), source: dir }));
  const failed = answers.filter((a) => a.error !== null);
  for (const a of failed) process.stderr.write(`report: ${a.question.file}: ${a.error}\n`);
  process.stdout.write(`report: ${answers.length} questions, ${failed.length} failed -> ${out}\n`);
  return failed.length === 0 ? 0 : 1;
};
