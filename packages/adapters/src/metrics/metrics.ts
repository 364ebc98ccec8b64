import * as E from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type { Gauge } from 'prom-client';

/** Seconds: from 0.5 ms (an in-memory answer) to 10 s (a timeout). */
const latencyBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The process's Prometheus metrics (prom-client), one registry per process: the API's and the sink's join it when
 * both run in one process (`placebo start`). Names follow Prometheus' conventions: `placebo_` prefix, base units,
 * `_total` counters.
 */
export const createMetrics = () => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'placebo_' });
  const registers = [registry];
  return {
    registry,
    /** HTTP requests by route (the route's pattern, never the raw path), method and status. */
    http: new Histogram({
      name: 'placebo_http_request_duration_seconds',
      help: 'HTTP requests: time to answer, by route pattern, method and status.',
      labelNames: ['route', 'method', 'status'],
      buckets: latencyBuckets,
      registers,
    }),
    /** Commands by outcome: accepted, rejected (with the error code), conflict, unavailable. */
    commands: new Counter({
      name: 'placebo_commands_total',
      help: 'Commands by route and outcome (accepted, rejected, conflict, unavailable, invalid) and error code.',
      labelNames: ['route', 'outcome', 'code'],
      registers,
    }),
    /** Calls of a port (log append, stores, lake, query engine) by port, operation and outcome. */
    ports: new Histogram({
      name: 'placebo_port_duration_seconds',
      help: 'Calls to the engines behind a port (SQLite, Kafka + Redis, HDFS, DuckDB, Presto): time, by port, operation and outcome.',
      labelNames: ['port', 'op', 'outcome'],
      buckets: latencyBuckets,
      registers,
    }),
    gauge: (name: string, help: string, labelNames: ReadonlyArray<string>, collect: (g: Gauge) => void | Promise<void>): Gauge =>
      new Gauge({
        name,
        help,
        labelNames: [...labelNames],
        registers,
        collect() {
          return collect(this);
        },
      }),
    /** A counter whose value is read at scrape time from a component's own tally (which may start again at 0). */
    tally: (name: string, help: string, read: () => number): Counter =>
      new Counter({
        name,
        help,
        registers,
        collect() {
          this.reset();
          this.inc(read());
        },
      }),
    /** The text Prometheus scrapes. */
    render: (): Promise<string> => registry.metrics(),
    contentType: registry.contentType,
  };
};

export type Metrics = ReturnType<typeof createMetrics>;

type PortFn = (...args: never[]) => TaskEither<unknown, unknown>;

/**
 * A port whose every operation is timed into `placebo_port_duration_seconds{port, op, outcome}`: the port decorated
 * at composition, the adapter left alone. Properties that are not functions pass through.
 */
export const timedPort = <P extends object>(metrics: Pick<Metrics, 'ports'>, port: string, impl: P): P => {
  const out: Record<string, unknown> = {};
  for (const [op, value] of Object.entries(impl)) {
    if (typeof value !== 'function') {
      out[op] = value;
      continue;
    }
    const f = value as PortFn;
    // Children bound to their labels once: an observation then costs no label lookup.
    const okTimer = metrics.ports.labels({ port, op, outcome: 'ok' });
    const errorTimer = metrics.ports.labels({ port, op, outcome: 'error' });
    out[op] = (...args: never[]) => {
      const te = f(...args);
      if (typeof te !== 'function') return te;
      return async () => {
        const started = performance.now();
        const r = await te();
        (E.isLeft(r) ? errorTimer : okTimer).observe((performance.now() - started) / 1000);
        return r;
      };
    };
  }
  return out as P;
};
