import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { repoRoot } from '@placebo/adapters';
import { placeboRun, startServer } from '@placebo/testkit/cli';
import { ensureChromium, launchChromium } from '@placebo/testkit/console';

interface SectionCheck {
  readonly name: string;
  readonly chart: string;
  readonly rows: number;
  readonly status: string;
  readonly svg: { readonly width: number; readonly height: number; readonly marks: number; readonly declared: number; readonly counted: number } | null;
  readonly chartTableRows: number | null;
  readonly noDataNote: boolean;
  /** Per plotted column, how many cells of the data table hold a number. */
  readonly numericCells: Readonly<Record<string, number>>;
}

// Runs in the page: what each question's section shows. A string, since this package compiles without the DOM types.
const inspectSections = `[...document.querySelectorAll('section.question')].map((s) => {
  const svg = s.querySelector('svg.chart');
  const box = svg ? svg.getBoundingClientRect() : null;
  const chartTable = s.querySelector('table.chart-table');
  const data = s.querySelector('table.data');
  const heads = data ? [...data.querySelectorAll('thead th')].map((th) => th.textContent) : [];
  const plotted = [s.dataset.x, ...s.dataset.y.split(',')].filter((c) => c);
  const numericCells = {};
  for (const c of plotted) {
    const i = heads.indexOf(c);
    numericCells[c] = i < 0 ? -1 : [...data.querySelectorAll('tbody tr')].filter((tr) => {
      const t = tr.children[i].textContent.trim();
      return t !== '' && t !== 'NULL' && !Number.isNaN(Number(t));
    }).length;
  }
  return {
    name: s.dataset.name, chart: s.dataset.chart, rows: Number(s.dataset.rows), status: s.dataset.status,
    svg: svg ? { width: box.width, height: box.height, marks: svg.querySelectorAll('.mark').length, declared: Number(svg.dataset.marks),
      counted: [...svg.querySelectorAll('.mark')].reduce((n, m) => n + Number(m.dataset.count || 0), 0) } : null,
    chartTableRows: chartTable ? chartTable.querySelectorAll('tbody tr').length : null,
    noDataNote: [...s.querySelectorAll('.no-data')].some((p) => /no data/i.test(p.textContent) && p.getBoundingClientRect().height > 0),
    numericCells,
  };
})`;

describe('placebo report: every question of queries/ charted, checked in a real browser (Chromium)', function () {
  this.timeout(600_000);
  let dir: string;
  let browser: BrowserContext | null = null;
  before(ensureChromium);
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'placebo-report-'));
  });
  afterEach(async function () {
    await browser?.close();
    browser = null;
    // The report and its screenshot stay for a person to look at; the data and the browser profile go.
    rmSync(join(dir, 'data'), { recursive: true, force: true });
    rmSync(join(dir, 'chromium-profile'), { recursive: true, force: true });
    if (this.currentTest?.state !== 'passed') process.stderr.write(`report test artefacts kept in ${dir}\n`);
  });

  it('renders a chart with data marks (or a table, or a no-data note) for every question, with no console error and no request', async () => {
    const queries = join(repoRoot(), 'queries');
    const questions = readdirSync(queries).filter((f) => f.endsWith('.sql'));
    assert.ok(questions.length > 0, `no questions in ${queries}`);
    const env = { PLACEBO_DATA_DIR: join(dir, 'data'), PLACEBO_SINK_FLUSH_MS: '500', PLACEBO_SCRYPT_COST: '1024' };
    const server = await startServer('start', env);
    try {
      // Seeded player journeys: registrations, sessions, purchases with and without offers, refusals, joins, leaves,
      // fights, and the seeds' routes.
      const sim = await placeboRun(['simulate', '--players', '40', '--commands', '1500', '--seed', '11', '--url', server.url], env);
      assert.equal(sim.code, 0, sim.output);
    } finally {
      server.child.kill('SIGTERM');
      assert.equal(await server.exited, 0, server.output());
    }
    const caughtUp = await placeboRun(['sink', '--catch-up'], env);
    assert.equal(caughtUp.code, 0, caughtUp.output);

    const out = join(dir, 'report.html');
    const report = await placeboRun(['report', '--out', out, '--queries', queries], env);
    assert.equal(report.code, 0, report.output);
    assert.ok(statSync(out).size > 0);

    browser = await launchChromium(join(dir, 'chromium-profile'));
    const page = await browser.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`file://${out}`, { waitUntil: 'load' });
    await page.screenshot({ path: join(dir, 'report.png'), fullPage: true });
    process.stderr.write(`report screenshot: ${join(dir, 'report.png')}\n`);

    const sections = await page.evaluate<ReadonlyArray<SectionCheck>>(inspectSections);
    assert.deepEqual(problems, []);
    assert.deepEqual(requests, [`file://${out}`], 'the report fetches nothing');
    assert.equal(sections.length, questions.length, 'one section per question file');
    const empty = sections.filter((s) => s.status === 'empty');
    if (empty.length > 0) process.stderr.write(`questions with an empty answer on the simulated data: ${empty.map((s) => s.name).join(', ')}\n`);
    for (const kind of new Set(sections.map((s) => s.chart))) {
      assert.ok(
        sections.some((s) => s.chart === kind && s.status === 'ok'),
        `at least one ${kind} question is drawn with data`,
      );
    }
    for (const s of sections) {
      const what = `${s.name} (${s.chart})`;
      assert.notEqual(s.status, 'error', `${what}: answered`);
      if (s.status === 'empty') {
        // Some seed queries are empty by design (seed 001 filtered raw_event on a word): a visible note says so.
        assert.equal(s.rows, 0);
        assert.ok(s.noDataNote, `${what}: a visible "no data" note`);
        assert.equal(s.svg, null, `${what}: no chart for no data`);
        continue;
      }
      assert.ok(s.rows > 0, `${what}: rows`);
      if (s.chart === 'table') {
        assert.equal(s.chartTableRows, Math.min(s.rows, 1000), `${what}: one table row per result row`);
        continue;
      }
      assert.ok(s.svg !== null, `${what}: an <svg> chart`);
      assert.ok(s.svg.width > 100 && s.svg.height > 100, `${what}: drawn at a visible size (${s.svg.width}×${s.svg.height})`);
      assert.ok(s.svg.marks > 0, `${what}: data marks drawn`);
      assert.equal(s.svg.marks, s.svg.declared, `${what}: the marks the renderer meant to draw`);
      const cells = Object.values(s.numericCells);
      assert.ok(
        cells.every((n) => n >= 0),
        `${what}: every plotted column is in the data table`,
      );
      const [xNumbers, ...yNumbers] = cells;
      if (s.chart === 'histogram' && yNumbers.length === 0) {
        assert.equal(s.svg.counted, xNumbers, `${what}: the bins hold every numeric value once`);
      } else {
        assert.equal(
          s.svg.marks,
          yNumbers.reduce((a, b) => a + b, 0),
          `${what}: one mark per numeric value`,
        );
      }
    }
  });
});
