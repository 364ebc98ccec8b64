/**
 * Charts as inline SVG, from query results: pure functions of their input (no DOM, no clock, no I/O), so a report
 * is one self-contained HTML file. Every drawn datum carries `class="mark"`; the `<svg>` states how many in
 * `data-marks`, which the browser test checks against the data table.
 */

export type ChartKind = 'bar' | 'histogram' | 'line' | 'table';
export const chartKinds: ReadonlyArray<ChartKind> = ['bar', 'histogram', 'line', 'table'];

export interface Dataset {
  readonly columns: ReadonlyArray<string>;
  readonly rows: ReadonlyArray<ReadonlyArray<unknown>>;
}

export interface ChartSpec {
  readonly kind: ChartKind;
  readonly x: string;
  /** One column, or several for a line chart (one series each). Empty for a histogram of raw `x` values. */
  readonly y: ReadonlyArray<string>;
  readonly title: string;
}

const entities: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text safe in HTML and SVG content and in quoted attribute values. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => entities[c]!);

/** A cell as text: null as NULL, objects as JSON. */
export const cellText = (v: unknown): string => (v === null || v === undefined ? 'NULL' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** A number from a cell (engines return big integers and decimals as text), or null. */
export const toNumber = (v: unknown): number | null => {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string' && /^\s*-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(v)) return Number(v);
  return null;
};

const timeLike = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?(Z|[+-]\d{2}:?\d{2})?$/;
/** Epoch milliseconds of a date or timestamp cell (zone-less text is UTC, as the lake stores it), or null. */
export const toTime = (v: unknown): number | null => {
  if (v instanceof Date) return v.getTime();
  if (typeof v !== 'string') return null;
  const m = timeLike.exec(v.trim());
  if (m === null) return null;
  const t = Date.parse(`${m[1]}T${m[2] ?? '00:00:00'}${m[3] ?? 'Z'}`);
  return Number.isNaN(t) ? null : t;
};

/** About `count` ticks at 1, 2 or 5 × 10^k spanning [min, max]. */
export const niceTicks = (min: number, max: number, count = 5): ReadonlyArray<number> => {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (max < min) [min, max] = [max, min];
  if (min === max) {
    const pad = min === 0 ? 1 : Math.abs(min) / 2;
    [min, max] = [min - pad, max + pad];
  }
  const raw = (max - min) / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / magnitude;
  const step = (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * magnitude;
  const first = Math.floor(min / step + 1e-9);
  const last = Math.ceil(max / step - 1e-9);
  const ticks: number[] = [];
  for (let i = first; i <= last; i++) ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
};

/** Maps [d0, d1] onto [r0, r1]; a zero-width domain maps to the middle of the range. */
export const linearScale =
  ([d0, d1]: readonly [number, number], [r0, r1]: readonly [number, number]) =>
  (v: number): number =>
    d1 === d0 ? (r0 + r1) / 2 : r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);

/** Tick text with as many decimals as the step between ticks needs; thousands as k, millions as M. */
export const formatTick = (v: number, step: number): string => {
  const abs = Math.abs(step);
  if (abs >= 1e6 && Math.abs(v) >= 1e6) return `${Number((v / 1e6).toPrecision(6))}M`;
  if (abs >= 1e3 && Math.abs(v) >= 1e4) return `${Number((v / 1e3).toPrecision(6))}k`;
  const decimals = abs > 0 && abs < 1 ? Math.min(10, Math.ceil(-Math.log10(abs) - 1e-9)) : 0;
  return v.toFixed(decimals);
};

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;
const fixedSteps = [
  second,
  5 * second,
  15 * second,
  30 * second,
  minute,
  5 * minute,
  15 * minute,
  30 * minute,
  hour,
  3 * hour,
  6 * hour,
  12 * hour,
  day,
  2 * day,
  7 * day,
];
const monthSteps = [1, 3, 6, 12, 24, 60, 120];

/**
 * About `count` UTC ticks on round times (seconds … days, then calendar months and years), each with its label; no
 * step below `minStep` (a day for dates).
 */
export const timeTicks = (min: number, max: number, count = 6, minStep = second): ReadonlyArray<{ readonly t: number; readonly label: string }> => {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) return [{ t: min, label: new Date(min).toISOString().replace('T', ' ').slice(0, 19) }];
  const span = max - min;
  const fixed = fixedSteps.find((s) => s >= minStep && span / s <= count);
  if (fixed !== undefined) {
    const ticks = [];
    for (let t = Math.ceil(min / fixed) * fixed; t <= max; t += fixed) ticks.push(t);
    const iso = (t: number) => new Date(t).toISOString();
    const label = (t: number) =>
      fixed >= day
        ? iso(t).slice(0, 10)
        : fixed >= minute
          ? iso(t)
              .slice(span >= day ? 5 : 11, 16)
              .replace('T', ' ')
          : iso(t).slice(11, 19);
    return ticks.map((t) => ({ t, label: label(t) }));
  }
  const months = monthSteps.find((m) => span / (m * 30 * day) <= count) ?? Math.ceil(span / (count * 365 * day)) * 12;
  const start = new Date(min);
  const ticks = [];
  for (let m = start.getUTCFullYear() * 12 + start.getUTCMonth(); ; m++) {
    if (m % months !== 0) continue;
    const t = Date.UTC(Math.floor(m / 12), m % 12, 1);
    if (t > max) break;
    if (t >= min) ticks.push({ t, label: new Date(t).toISOString().slice(0, months >= 12 ? 4 : 7) });
  }
  return ticks;
};

/** Equal-width bins on round boundaries (about √n of them, at most `maxBins`) and the number of values in each. */
export const histogramBins = (
  values: ReadonlyArray<number>,
  maxBins = 30,
): ReadonlyArray<{ readonly x0: number; readonly x1: number; readonly count: number }> => {
  if (values.length === 0) return [];
  const min = Math.min(...values);
  const max = Math.max(...values);
  const edges = min === max ? [min - 0.5, min + 0.5] : niceTicks(min, max, Math.min(maxBins, Math.max(1, Math.ceil(Math.sqrt(values.length)))));
  const bins = edges.slice(0, -1).map((x0, i) => ({ x0, x1: edges[i + 1]!, count: 0 }));
  for (const v of values) {
    const i = bins.findIndex((b, j) => v < b.x1 || j === bins.length - 1);
    bins[i]!.count++;
  }
  return bins;
};

const width = 720;
const plot = { left: 72, right: 680, top: 20, bottom: 280 };
/** Height of the picture: room under the axis for its labels, more when they are slanted. */
const heightFor = (slanted: boolean): number => (slanted ? 420 : 330);
const palette = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#b07aa1'];
const fmt = (n: number): string => String(Math.round(n * 10) / 10);
const clip = (s: string, n = 18): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

const text = (x: number, y: number, s: string, attrs = ''): string => `<text x="${fmt(x)}" y="${fmt(y)}" ${attrs}>${escapeHtml(s)}</text>`;

/** The frame: y grid and ticks, axes, and the axis titles. */
const frame = (yTicks: ReadonlyArray<number>, y: (v: number) => number, xTitle: string, yTitle: string, slanted = false): string => {
  const step = yTicks.length > 1 ? yTicks[1]! - yTicks[0]! : 1;
  const grid = yTicks.map(
    (t) =>
      `<line class="grid" x1="${plot.left}" x2="${plot.right}" y1="${fmt(y(t))}" y2="${fmt(y(t))}"/>` +
      text(plot.left - 6, y(t) + 4, formatTick(t, step), 'text-anchor="end"'),
  );
  return [
    ...grid,
    `<line class="axis" x1="${plot.left}" x2="${plot.left}" y1="${plot.top}" y2="${plot.bottom}"/>`,
    `<line class="axis" x1="${plot.left}" x2="${plot.right}" y1="${plot.bottom}" y2="${plot.bottom}"/>`,
    text((plot.left + plot.right) / 2, heightFor(slanted) - 8, xTitle, 'class="axis-title" text-anchor="middle"'),
    text(16, (plot.top + plot.bottom) / 2, yTitle, `class="axis-title" text-anchor="middle" transform="rotate(-90 16 ${fmt((plot.top + plot.bottom) / 2)})"`),
  ].join('');
};

const xTick = (x: number, label: string, rotate: boolean, maxLength = 18): string =>
  `<line class="tick" x1="${fmt(x)}" x2="${fmt(x)}" y1="${plot.bottom}" y2="${plot.bottom + 5}"/>` +
  (rotate
    ? text(x, plot.bottom + 14, clip(label, maxLength), `text-anchor="end" transform="rotate(-40 ${fmt(x)} ${plot.bottom + 14})"`)
    : text(x, plot.bottom + 18, clip(label, maxLength), 'text-anchor="middle"'));

const svg = (title: string, marks: number, body: string, legend = '', slanted = false): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="${width}" height="${heightFor(slanted)}" viewBox="0 0 ${width} ${heightFor(slanted)}" role="img" data-marks="${marks}">` +
  `<title>${escapeHtml(title)}</title>${body}${legend}</svg>`;

const yAxis = (values: ReadonlyArray<number>, fromZero: boolean) => {
  const ticks = niceTicks(Math.min(...values, ...(fromZero ? [0] : [])), Math.max(...values, ...(fromZero ? [0] : [])));
  return { ticks, y: linearScale([ticks[0]!, ticks[ticks.length - 1]!], [plot.bottom, plot.top]) };
};

const note = (s: string): string => `<p class="no-data">${escapeHtml(s)}</p>`;

const columnIndex = (data: Dataset, name: string): number => data.columns.indexOf(name);

/** Bars on a band scale: one per row, categories in row order. */
const bars = (spec: ChartSpec, labels: ReadonlyArray<string>, values: ReadonlyArray<number | null>, gap = 0.2, counts?: ReadonlyArray<number>): string => {
  const { ticks, y } = yAxis(
    values.filter((v): v is number => v !== null),
    true,
  );
  const band = (plot.right - plot.left) / labels.length;
  const rotate = labels.length > 8 || labels.some((l) => clip(l).length * 7 > band);
  const every = Math.ceil(labels.length / 40);
  let marks = 0;
  const body = labels.map((label, i) => {
    const v = values[i];
    const x = plot.left + i * band;
    const tick = i % every === 0 ? xTick(x + band / 2, label, rotate) : '';
    if (v === null || v === undefined) return tick;
    marks++;
    const [top, bottom] = [Math.min(y(v), y(0)), Math.max(y(v), y(0))];
    const count = counts === undefined ? '' : ` data-count="${counts[i]}"`;
    return (
      `<rect class="mark" x="${fmt(x + (band * gap) / 2)}" y="${fmt(top)}" width="${fmt(Math.max(1, band * (1 - gap)))}" height="${fmt(Math.max(0.5, bottom - top))}" fill="${palette[0]}"${count}>` +
      `<title>${escapeHtml(`${label}: ${v}`)}</title></rect>${tick}`
    );
  });
  return svg(spec.title, marks, frame(ticks, y, spec.x, spec.y[0] ?? 'count', rotate) + body.join(''), '', rotate);
};

const barChart = (spec: ChartSpec, data: Dataset, xi: number, yi: number): string =>
  bars(
    spec,
    data.rows.map((r) => cellText(r[xi])),
    data.rows.map((r) => toNumber(r[yi])),
  );

/** Raw values binned here (no `y`), or bins the query made (`x` the bin, `y` its count), drawn edge to edge. */
const histogram = (spec: ChartSpec, data: Dataset, xi: number, yi: number): string => {
  if (yi >= 0)
    return bars(
      spec,
      data.rows.map((r) => cellText(r[xi])),
      data.rows.map((r) => toNumber(r[yi])),
      0.02,
    );
  const values = data.rows.map((r) => toNumber(r[xi])).filter((v): v is number => v !== null);
  if (values.length === 0) return note(`No numeric values in column ${spec.x} to draw.`);
  const bins = histogramBins(values);
  const { ticks, y } = yAxis(
    bins.map((b) => b.count),
    true,
  );
  const x = linearScale([bins[0]!.x0, bins[bins.length - 1]!.x1], [plot.left, plot.right]);
  const edges = [bins[0]!.x0, ...bins.map((b) => b.x1)];
  const step = edges.length > 1 ? edges[1]! - edges[0]! : 1;
  const every = Math.ceil(edges.length / 12);
  const axis = edges.filter((_, i) => i % every === 0).map((e) => xTick(x(e), formatTick(e, step), false));
  const rects = bins
    .filter((b) => b.count > 0)
    .map(
      (b) =>
        `<rect class="mark" x="${fmt(x(b.x0) + 0.5)}" y="${fmt(y(b.count))}" width="${fmt(Math.max(1, x(b.x1) - x(b.x0) - 1))}" height="${fmt(Math.max(0.5, y(0) - y(b.count)))}" fill="${palette[0]}" data-count="${b.count}">` +
        `<title>${escapeHtml(`[${formatTick(b.x0, step)}, ${formatTick(b.x1, step)}): ${b.count}`)}</title></rect>`,
    );
  return svg(spec.title, rects.length, frame(ticks, y, spec.x, 'count') + axis.join('') + rects.join(''));
};

/** Lines over time, numbers or categories (in that order of preference), one series per `y` column, a dot per value. */
const lineChart = (spec: ChartSpec, data: Dataset, xi: number, yis: ReadonlyArray<number>): string => {
  const xs = data.rows.map((r) => r[xi]);
  const times = xs.map(toTime);
  const nums = xs.map(toNumber);
  const kind = times.every((t) => t !== null) ? 'time' : nums.every((n) => n !== null) ? 'number' : 'category';
  const pos = kind === 'time' ? (times as number[]) : kind === 'number' ? (nums as number[]) : xs.map((_, i) => i);
  const order = pos.map((_, i) => i).sort((a, b) => pos[a]! - pos[b]!);
  const lo = Math.min(...pos);
  const hi = Math.max(...pos);
  const inset = kind === 'category' || lo === hi ? (plot.right - plot.left) / (2 * Math.max(1, xs.length)) : 0;
  const x = linearScale([lo, hi], [plot.left + inset, plot.right - inset]);
  const values = data.rows.flatMap((r) => yis.map((yi) => toNumber(r[yi])).filter((v): v is number => v !== null));
  if (values.length === 0) return note(`No numeric values in ${spec.y.join(', ')} to draw.`);
  const { ticks, y } = yAxis(values, false);
  const every = Math.ceil(xs.length / 12);
  const xAxis =
    kind === 'time'
      ? timeTicks(lo, hi, 6, times.every((t) => t! % day === 0) ? day : second).map((t) => xTick(x(t.t), t.label, false, 24))
      : kind === 'number'
        ? niceTicks(lo, hi, 8)
            .filter((t) => t >= lo && t <= hi)
            .map((t, _, all) => xTick(x(t), formatTick(t, all.length > 1 ? all[1]! - all[0]! : 1), false))
        : xs.map((v, i) => (i % every === 0 ? xTick(x(i), cellText(v), xs.length > 8) : ''));
  let marks = 0;
  const series = yis.map((yi, s) => {
    const color = palette[s % palette.length]!;
    let path = '';
    let pen = 'M';
    const dots = order.map((i) => {
      const v = toNumber(data.rows[i]![yi]);
      if (v === null) {
        pen = 'M';
        return '';
      }
      path += `${pen}${fmt(x(pos[i]!))},${fmt(y(v))}`;
      pen = 'L';
      marks++;
      return `<circle class="mark" cx="${fmt(x(pos[i]!))}" cy="${fmt(y(v))}" r="3" fill="${color}"><title>${escapeHtml(`${cellText(xs[i])}, ${spec.y[s]}: ${v}`)}</title></circle>`;
    });
    return `<path class="line" d="${path}" fill="none" stroke="${color}" stroke-width="2"/>${dots.join('')}`;
  });
  const legend =
    yis.length > 1
      ? spec.y
          .map(
            (name, s) =>
              `<rect x="${plot.left + 10 + s * 130}" y="${plot.top - 14}" width="10" height="10" fill="${palette[s % palette.length]}"/>${text(plot.left + 24 + s * 130, plot.top - 5, clip(name, 16))}`,
          )
          .join('')
      : '';
  const slanted = kind === 'category' && xs.length > 8;
  return svg(spec.title, marks, frame(ticks, y, spec.x, spec.y.join(', '), slanted) + xAxis.join('') + series.join(''), legend, slanted);
};

/** The rows as an HTML table (at most `maxRows`, saying how many were left out). */
export const renderTable = (data: Dataset, maxRows = 1000, className = 'data'): string => {
  const head = data.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
  const body = data.rows
    .slice(0, maxRows)
    .map(
      (r) =>
        `<tr>${data.columns.map((_, i) => (r[i] === null || r[i] === undefined ? '<td class="null">NULL</td>' : `<td>${escapeHtml(cellText(r[i]))}</td>`)).join('')}</tr>`,
    )
    .join('\n');
  const more = data.rows.length > maxRows ? `<p class="note">Showing the first ${maxRows} of ${data.rows.length} rows.</p>` : '';
  return `<table class="${className}" data-rows="${data.rows.length}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>${more}`;
};

/** The chart of a result as SVG (a table for `table`), or a note saying why there is nothing to draw. */
export const renderChart = (spec: ChartSpec, data: Dataset): string => {
  if (data.rows.length === 0) return note('No data: the query returned no rows.');
  if (spec.kind === 'table') return renderTable(data, 1000, 'data chart-table');
  const missing = [spec.x, ...spec.y].filter((c) => columnIndex(data, c) < 0);
  if (missing.length > 0) return note(`Cannot draw: no column ${missing.join(', ')} in the result (columns: ${data.columns.join(', ')}).`);
  const xi = columnIndex(data, spec.x);
  const yis = spec.y.map((c) => columnIndex(data, c));
  if (spec.kind === 'histogram') return histogram(spec, data, xi, yis[0] ?? -1);
  if (yis.length === 0) return note(`Cannot draw a ${spec.kind} chart without a y column.`);
  if (!data.rows.some((r) => yis.some((yi) => toNumber(r[yi]) !== null))) return note(`No numeric values in ${spec.y.join(', ')} to draw.`);
  return spec.kind === 'bar' ? barChart(spec, data, xi, yis[0]!) : lineChart(spec, data, xi, yis);
};
