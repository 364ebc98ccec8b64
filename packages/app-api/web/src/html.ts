import htm from 'htm';
import { h } from 'preact';
import { renderChart, renderTable, type ChartKind, type Dataset } from '../../src/analytics/charts.js';

/** Preact's `h` through htm's tagged templates: no JSX step, no runtime compiler (nothing the CSP would refuse). */
export const html = htm.bind(h);

/**
 * A chart by the report's renderer (`analytics/charts.ts`): SVG built from the data with every text escaped, and no
 * inline style (the CSP allows only this origin's style sheet).
 */
export const Chart = (props: {
  readonly kind: ChartKind;
  readonly title: string;
  readonly x: string;
  readonly y: ReadonlyArray<string>;
  readonly data: Dataset;
}) =>
  html`<div
    class="chart-box"
    data-chart=${props.kind}
    dangerouslySetInnerHTML=${{ __html: renderChart({ kind: props.kind, title: props.title, x: props.x, y: props.y }, props.data) }}
  ></div>`;

export const Table = (props: { readonly data: Dataset; readonly max?: number }) =>
  html`<div class="table-box" dangerouslySetInnerHTML=${{ __html: renderTable(props.data, props.max ?? 200) }}></div>`;

export const Failure = (props: { readonly error: unknown }) =>
  props.error === null ? null : html`<p class="error" role="alert">${props.error instanceof Error ? props.error.message : String(props.error)}</p>`;
