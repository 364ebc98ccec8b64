import { useEffect, useState } from 'preact/hooks';
import { call } from './api.js';
import { Chart, html, Table } from './html.js';
import { TokenForm, useOperatorToken } from './operatorToken.js';

interface Status {
  readonly mode: string;
  readonly ready: boolean;
  readonly services: ReadonlyArray<{ readonly service: string; readonly ok: boolean }>;
  readonly sink: {
    readonly partitions: ReadonlyArray<{ readonly topic: string; readonly partition: number; readonly lag: number }>;
    readonly tables: ReadonlyArray<{ readonly table: string; readonly at: string; readonly rows: number; readonly files: number }>;
    readonly records: number;
    readonly rows: number;
    readonly files: number;
  } | null;
  readonly requests: { readonly total: number; readonly errors: number; readonly unavailable: number; readonly error_rate: number };
  readonly recent_failures: ReadonlyArray<{
    readonly at: string;
    readonly method: string;
    readonly route: string;
    readonly status: number;
    readonly request_id: string;
  }>;
}

const Sink = (props: { readonly sink: Status['sink'] }) => {
  const { sink } = props;
  if (sink === null) return html`<p class="meta">No sink runs in this process (<code>placebo api</code>): see the sink's own /metrics.</p>`;
  const lag = { columns: ['partition', 'lag'], rows: sink.partitions.map((p) => [`${p.topic}/${p.partition}`, p.lag]) };
  return html`<p class="meta">${sink.records} records read, ${sink.rows} rows and ${sink.files} files committed since the sink started</p>
    ${sink.partitions.length === 0 ? html`<p class="meta">No partition held.</p>` : html`<${Chart} kind="bar" title="Lag per partition" x="partition" y=${['lag']} data=${lag} />`}
    <h4>Last commit per table</h4>
    <${Table} data=${{ columns: ['table', 'at', 'rows', 'files'], rows: sink.tables.map((t) => [t.table, t.at, t.rows, t.files]) }} />`;
};

const View = (props: { readonly status: Status }) => {
  const { status } = props;
  const r = status.requests;
  return html`<div class="grid">
    <section class="card" id="services">
      <h3>Services</h3>
      <ul class="services">
        ${status.services.map((s) => html`<li class=${s.ok ? 'ok' : 'down'}>${s.service}: ${s.ok ? 'answering' : 'down'}</li>`)}
      </ul>
      <p class="meta">mode ${status.mode} · ${status.ready ? 'ready' : 'not ready'}</p>
    </section>
    <section class="card" id="errors">
      <h3>Error rate</h3>
      <p class="figure">${(r.error_rate * 100).toFixed(2)} %</p>
      <p class="meta">${r.errors} of ${r.total} answers were 5xx (${r.unavailable} of them 503)</p>
    </section>
    <section class="card wide" id="sink">
      <h3>Sink</h3>
      <${Sink} sink=${status.sink} />
    </section>
    <section class="card wide" id="failures">
      <h3>Recent 5xx / 503</h3>
      ${
        status.recent_failures.length === 0
          ? html`<p class="meta">None since the process started.</p>`
          : html`<${Table}
              data=${{ columns: ['at', 'method', 'route', 'status', 'request_id'], rows: status.recent_failures.map((f) => [f.at, f.method, f.route, f.status, f.request_id]) }}
            />`
      }
    </section>
  </div>`;
};

/** The operator's view: this process's services, sink and answers, read again every 5 s. */
export const OperatorPage = () => {
  const { token, remember, refused, onError } = useOperatorToken();
  const [status, setStatus] = useState<Status | null>(null);
  useEffect(() => {
    if (token === null) return;
    let live = true;
    const load = (): void =>
      void call<Status>('/v1/operator/status', { token })
        .then((s) => live && setStatus(s))
        .catch(onError);
    load();
    const timer = setInterval(load, 5000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [token]);
  if (token === null) return html`<${TokenForm} onToken=${remember} refused=${refused} />`;
  if (status === null) return html`<p class="loading">Loading…</p>`;
  return html`<header class="page-head" data-ready="operator"><h2>Operations</h2></header>
    <${View} status=${status} />`;
};
