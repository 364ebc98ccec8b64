import assert from 'node:assert/strict';
import {
  escapeHtml,
  formatTick,
  histogramBins,
  linearScale,
  niceTicks,
  renderChart,
  renderTable,
  timeTicks,
  toNumber,
  toTime,
  type ChartSpec,
  parseQuery,
} from '@placebo/app-api';
import { renderReport } from './report/report.js';

const marks = (svg: string): number => (svg.match(/class="mark"/g) ?? []).length;
const declared = (svg: string): number => Number(/data-marks="(\d+)"/.exec(svg)?.[1]);
const spec = (kind: ChartSpec['kind'], x: string, y: ReadonlyArray<string>): ChartSpec => ({ kind, x, y, title: 't' });

describe('charts: scales', () => {
  it('niceTicks covers the range with steps of 1, 2 or 5 × 10^k', () => {
    assert.deepEqual(niceTicks(0, 49), [0, 10, 20, 30, 40, 50]);
    assert.deepEqual(niceTicks(0.01, 0.093), [0, 0.02, 0.04, 0.06, 0.08, 0.1]);
    assert.deepEqual(niceTicks(-7, 12), [-10, -5, 0, 5, 10, 15]);
    assert.deepEqual(niceTicks(5, 5), [2, 3, 4, 5, 6, 7, 8]);
    assert.deepEqual(niceTicks(0, 0), [-1, -0.5, 0, 0.5, 1]);
    assert.deepEqual(niceTicks(Number.NaN, 1), []);
  });

  it('linearScale maps the domain onto the range, reversed ranges included', () => {
    const y = linearScale([0, 50], [300, 20]);
    assert.equal(y(0), 300);
    assert.equal(y(50), 20);
    assert.equal(y(25), 160);
    assert.equal(linearScale([3, 3], [0, 100])(3), 50);
  });

  it('formatTick shows the decimals the step needs', () => {
    assert.equal(formatTick(0.2, 0.2), '0.2');
    assert.equal(formatTick(0.05, 0.05), '0.05');
    assert.equal(formatTick(40, 10), '40');
    assert.equal(formatTick(20000, 5000), '20k');
    assert.equal(formatTick(3000000, 1000000), '3M');
  });

  it('timeTicks picks round UTC times and labels them by their step', () => {
    const t0 = Date.parse('2024-03-01T10:00:00Z');
    const minutes = timeTicks(t0, t0 + 30 * 60_000);
    assert.deepEqual(
      minutes.map((t) => t.label),
      ['10:00', '10:05', '10:10', '10:15', '10:20', '10:25', '10:30'],
    );
    assert.deepEqual(
      timeTicks(t0, t0 + 2 * 86_400_000, 6, 86_400_000).map((t) => t.label),
      ['2024-03-02', '2024-03-03'],
    );
    const days = timeTicks(Date.parse('2024-03-01T00:00:00Z'), Date.parse('2024-03-05T12:00:00Z'));
    assert.deepEqual(
      days.map((t) => t.label),
      ['2024-03-01', '2024-03-02', '2024-03-03', '2024-03-04', '2024-03-05'],
    );
    const months = timeTicks(Date.parse('2024-01-15T00:00:00Z'), Date.parse('2024-12-20T00:00:00Z'));
    assert.deepEqual(
      months.map((t) => t.label),
      ['2024-04', '2024-07', '2024-10'],
    );
    assert.equal(timeTicks(t0, t0).length, 1);
  });

  it('reads numbers and times from the shapes both engines return', () => {
    assert.equal(toNumber('12.5'), 12.5);
    assert.equal(toNumber('9007199254740993'), 9007199254740992);
    assert.equal(toNumber('approved'), null);
    assert.equal(toNumber(null), null);
    assert.equal(toTime('2024-03-01'), Date.parse('2024-03-01T00:00:00Z'));
    assert.equal(toTime('2024-03-01 10:00:00.000'), Date.parse('2024-03-01T10:00:00Z'));
    assert.equal(toTime('2024-03-01T10:00:00.000Z'), Date.parse('2024-03-01T10:00:00Z'));
    assert.equal(toTime('yesterday'), null);
    assert.equal(toTime(1709287200000), null);
  });

  it('histogramBins puts every value in exactly one bin on round edges', () => {
    const values = [1, 2, 2, 3, 9, 10, 55, 99, 100];
    const bins = histogramBins(values);
    assert.equal(
      bins.reduce((n, b) => n + b.count, 0),
      values.length,
    );
    assert.ok(bins[0]!.x0 <= 1 && bins[bins.length - 1]!.x1 >= 100);
    assert.deepEqual(histogramBins([7, 7]), [{ x0: 6.5, x1: 7.5, count: 2 }]);
    assert.deepEqual(histogramBins([]), []);
  });
});

describe('charts: rendering', () => {
  const data = {
    columns: ['status', 'n'],
    rows: [
      ['approved', 49],
      ['refused', '5'],
      ['unknown', null],
    ],
  };

  it('draws one bar per numeric value, with axes and labels', () => {
    const svg = renderChart(spec('bar', 'status', ['n']), data);
    assert.match(svg, /^<svg /);
    assert.equal(marks(svg), 2);
    assert.equal(declared(svg), 2);
    assert.match(svg, />approved</);
    assert.match(svg, />status</);
    assert.match(svg, /class="axis"/);
  });

  it('draws a line series per y column with a dot per value, over time', () => {
    const series = {
      columns: ['day', 'a', 'b'],
      rows: [
        ['2024-03-02', 3, 1],
        ['2024-03-01', 2, null],
        ['2024-03-03', 5, 4],
      ],
    };
    const svg = renderChart(spec('line', 'day', ['a', 'b']), series);
    assert.equal(marks(svg), 5);
    assert.equal((svg.match(/<path class="line"/g) ?? []).length, 2);
    assert.match(svg, />2024-03-01</);
    const path = /<path class="line" d="([^"]+)"/.exec(svg)![1]!;
    const xs = [...path.matchAll(/[ML]([\d.]+),/g)].map((m) => Number(m[1]));
    assert.deepEqual(
      xs,
      [...xs].sort((p, q) => p - q),
      'points in time order',
    );
  });

  it('bins raw values for a histogram and draws bins a query made as given', () => {
    const raw = renderChart(spec('histogram', 'cost', []), { columns: ['cost'], rows: [[1], [2], [50], [51], [52], ['x']] });
    const counted = [...raw.matchAll(/data-count="(\d+)"/g)].reduce((n, m) => n + Number(m[1]), 0);
    assert.equal(counted, 5);
    const binned = renderChart(spec('histogram', 'bucket', ['n']), {
      columns: ['bucket', 'n'],
      rows: [
        [0, 3],
        [10, 4],
      ],
    });
    assert.equal(marks(binned), 2);
  });

  it('says so instead of drawing when there is nothing to draw', () => {
    assert.match(renderChart(spec('bar', 'status', ['n']), { columns: ['status', 'n'], rows: [] }), /class="no-data">No data/);
    assert.match(renderChart(spec('bar', 'status', ['missing']), data), /no column missing in the result/);
    assert.match(renderChart(spec('line', 'status', ['status']), data), /No numeric values/);
    assert.match(renderChart(spec('table', '', []), { columns: ['a'], rows: [] }), /No data/);
  });

  it('escapes data, names and titles everywhere (no HTML from the lake reaches the page)', () => {
    const evil = '<script>alert("x")</script>&\'';
    assert.equal(escapeHtml(evil), '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;');
    const rows = {
      columns: [evil, 'n'],
      rows: [
        [evil, 1],
        ['<img src=x onerror=alert(1)>', 2],
      ],
    };
    const out = [renderChart({ kind: 'bar', x: evil, y: ['n'], title: evil }, rows), renderChart(spec('line', evil, ['n']), rows), renderTable(rows)].join('');
    assert.doesNotMatch(out, /<script|<img/);
    assert.match(out, /&lt;script&gt;/);
  });

  it('tables show NULLs and say how many rows were left out', () => {
    const html = renderTable({ columns: ['a'], rows: [[null], [1], [2]] }, 2);
    assert.match(html, /<td class="null">NULL<\/td>/);
    assert.match(html, /first 2 of 3 rows/);
  });
});

describe('report: the catalogue header and the page', () => {
  it('reads the header, values sharing a line and continuation lines, and drops the final semicolon', () => {
    const q = parseQuery(
      'a.sql',
      [
        '-- name: first_buy',
        '-- question: How long -- in seconds -- until a purchase?',
        '-- description: Mean over',
        '--   all players.',
        '-- chart: line',
        '-- x: day   -- y: a, b',
        'select 1 as day,',
        '  2 as a, 3 as b;',
        '',
      ].join('\n'),
    );
    assert.deepEqual(
      { name: q.name, question: q.question, description: q.description, chart: q.chart, x: q.x, y: q.y, sql: q.sql, problem: q.problem },
      {
        name: 'first_buy',
        question: 'How long -- in seconds -- until a purchase?',
        description: 'Mean over all players.',
        chart: 'line',
        x: 'day',
        y: ['a', 'b'],
        sql: 'select 1 as day,\n  2 as a, 3 as b',
        problem: null,
      },
    );
  });

  it('names what is wrong with a header', () => {
    assert.match(parseQuery('b.sql', '-- chart: pie\nselect 1').problem ?? '', /unknown chart "pie"/);
    assert.match(parseQuery('b.sql', '-- chart: bar\n-- x: a\nselect 1').problem ?? '', /needs a y column/);
    assert.match(parseQuery('b.sql', '-- chart: table\n').problem ?? '', /no SQL/);
    assert.equal(parseQuery('b.sql', 'select 1').name, 'b');
  });

  it('renders a page with a section per question, escaped, with errors and empty results said plainly', () => {
    const q = parseQuery('c.sql', "-- name: <b>x</b>\n-- chart: table\nselect '<i>'");
    const html = renderReport(
      [
        { question: q, result: { columns: ['v'], rows: [['<i>']] }, error: null },
        { question: { ...q, name: 'empty' }, result: { columns: ['v'], rows: [] }, error: null },
        { question: { ...q, name: 'broken' }, result: null, error: 'query failed: <oops>' },
      ],
      { mode: 'embedded', generatedAt: '2024-01-01T00:00:00Z', source: '/q' },
    );
    assert.equal((html.match(/<section /g) ?? []).length, 3);
    assert.doesNotMatch(html, /<b>|<i>|<oops>|<script/);
    assert.match(html, /data-status="empty"[\s\S]*No data: the query returned no rows/);
    assert.match(html, /class="error">query failed: &lt;oops&gt;/);
    assert.match(html, /Content-Security-Policy/);
  });
});
