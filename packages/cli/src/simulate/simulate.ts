import * as E from 'fp-ts/lib/Either.js';
import { openCluster, openEmbedded, type Config, type Infrastructure, type Logger } from '@placebo/adapters';
import { createProgress } from '../progress.js';
import { loadCatalogue, type CatalogueQuery } from '@placebo/app-api';
import { brief, compareRows } from './simulateCompare.js';
import { expectedAnswers } from './simulateExpected.js';
import { createSimApi, createSimClient } from './simulateHttp.js';
import { planJourneys, type SimCatalogue } from './simulateJourney.js';
import type { RunContext, RunStats, SimEvent } from './playerModel.js';
import { runJourney } from './simulateRun.js';
import { formatTable } from '../table.js';

export interface SimulateOptions {
  readonly players: number;
  readonly commands: number;
  readonly rate: number;
  readonly seed: number;
  readonly url: string;
  readonly concurrency: number;
  readonly check: boolean;
  readonly queries: string;
  readonly timeoutS: number;
  /** `--days`: play this many days of the simulated calendar on the simulator's own deployment; null for a burst at `url`. */
  readonly days: number | null;
  /** `--start`: midnight UTC of the first simulated day, in ms. */
  readonly startMs: number;
}

/** Bounds the requests in flight and paces them at `rate` per second (0: as fast as the server answers). */
const createPacer = (concurrency: number, rate: number) => {
  let active = 0;
  let issued = 0;
  const started = Date.now();
  const waiting: Array<() => void> = [];
  return async <A>(f: () => Promise<A>): Promise<A> => {
    if (active >= concurrency) await new Promise<void>((r) => waiting.push(r));
    active++;
    try {
      if (rate > 0) {
        const due = started + (issued++ * 1000) / rate;
        if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
      }
      return await f();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
};

const count = async (infra: Infrastructure): Promise<number> => {
  const r = await infra.query.query('select count(*) as n from all_events')();
  return E.isRight(r) ? Number(r.right.rows[0]?.[0] ?? 0) : 0;
};

/** Waits for the lake to hold `events` rows in all_events; fails when it holds more or stops short. */
const waitForLake = async (infra: Infrastructure, events: number, timeoutS: number, logger: Logger): Promise<string | null> => {
  const progress = createProgress('simulate --check: waiting for the lake', 'events');
  const deadline = Date.now() + timeoutS * 1000;
  for (;;) {
    const n = await count(infra);
    progress.update(n, events);
    if (n === events) {
      progress.done(n, events);
      return null;
    }
    if (n > events || Date.now() > deadline) {
      progress.done(n, events);
      logger.error('simulate: the lake does not hold the accepted events', { expected: events, found: n });
      return `the lake holds ${n} events in all_events, ${events} were accepted${n < events ? ` (gave up after ${timeoutS} s)` : ''}`;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
};

export interface CheckRow {
  readonly name: string;
  readonly expected: string;
  readonly actual: string;
  readonly ok: boolean;
  readonly why: string;
}

/** Runs every catalogue query and compares it with the expected answer (queries the simulator does not model are reported, not failed). */
export const checkCatalogue = async (infra: Infrastructure, queries: ReadonlyArray<CatalogueQuery>, events: ReadonlyArray<SimEvent>): Promise<CheckRow[]> => {
  const expected = expectedAnswers(events);
  const rows: CheckRow[] = [];
  for (const q of queries) {
    const want = expected.get(q.name);
    const got = await infra.query.query(q.sql)();
    if (E.isLeft(got)) {
      rows.push({
        name: q.name,
        expected: want === undefined ? '(not modelled)' : brief(want),
        actual: `failed: ${got.left.message}`.slice(0, 60),
        ok: false,
        why: got.left.message,
      });
      continue;
    }
    if (want === undefined) {
      rows.push({ name: q.name, expected: '(not modelled)', actual: brief(got.right.rows), ok: true, why: 'not modelled' });
      continue;
    }
    const verdict = compareRows(want, got.right.rows);
    rows.push({ name: q.name, expected: brief(want), actual: brief(got.right.rows), ok: verdict.ok, why: verdict.why });
  }
  return rows;
};

const openInfra = async (config: Config, logger: Logger): Promise<Infrastructure> =>
  config.PLACEBO_MODE === 'cluster' ? openCluster(config, { name: 'query', readTopics: [] }, logger) : openEmbedded({ dataDir: config.PLACEBO_DATA_DIR });

type SimClient = ReturnType<typeof createSimClient>;

/** The API's catalogue, or null (and a line saying why) when it cannot be read. */
export const fetchCatalogue = async (url: string, http: SimClient): Promise<SimCatalogue | null> => {
  const catalogueReply = await createSimApi(http.client, new URL(url).host)
    .catalogue()
    .catch((e: unknown) => {
      const why = e instanceof Error ? ((e.cause as { code?: string } | undefined)?.code ?? e.message) : String(e);
      process.stderr.write(
        `simulate: cannot reach the API at ${url} (${why}) — start it with \`npm start\` (or \`placebo api\`), or give its address with --url\n`,
      );
      return null;
    });
  if (catalogueReply === null) return null;
  if (catalogueReply.status !== 200 || catalogueReply.body === undefined || !('items' in catalogueReply.body)) {
    process.stderr.write(`simulate: cannot read the catalogue at ${url}/v1/catalogue (${catalogueReply.status})\n`);
    return null;
  }
  return catalogueReply.body;
};

export const newStats = (): RunStats => ({ commands: 0, accepted: 0, refused: 0, rejected: 0, errors: 0, skipped: 0, divergences: 0 });

/** Prints and logs the run's summary line. */
export const summarise = (stats: RunStats, players: number, events: number, started: number, logger: Logger, extra: Record<string, unknown> = {}): void => {
  const seconds = (Date.now() - started) / 1000;
  const summary = {
    ...stats,
    players,
    events,
    ...extra,
    seconds: Math.round(seconds * 10) / 10,
    commands_per_second: Math.round(stats.commands / Math.max(seconds, 0.001)),
  };
  logger.info('simulate: finished', summary);
  process.stdout.write(`${JSON.stringify(summary)}\n`);
};

/** Plays every journey against the API and prints the summary line; null when the API's catalogue cannot be read. */
const drive = async (options: SimulateOptions, http: SimClient, logger: Logger): Promise<{ readonly events: SimEvent[]; readonly stats: RunStats } | null> => {
  const started = Date.now();
  const catalogue = await fetchCatalogue(options.url, http);
  if (catalogue === null) return null;
  const journeys = planJourneys({ seed: options.seed, players: options.players, commands: options.commands, catalogue });
  const total = journeys.reduce((n, j) => n + j.steps.length, 0);
  logger.info('simulate: starting', {
    url: options.url,
    players: journeys.length,
    commands: total,
    seed: options.seed,
    rate: options.rate,
    concurrency: options.concurrency,
  });
  const stats = newStats();
  const events: SimEvent[] = [];
  const ctx: RunContext = { api: (host) => createSimApi(http.client, host), catalogue, logger, events, stats, seed: options.seed };
  const progress = createProgress('simulate', 'commands');
  let done = 0;
  const tick = (): void => progress.update(++done, total);
  const pace = createPacer(options.concurrency, options.rate);
  await Promise.all(journeys.map((j) => runJourney(ctx, j, pace, tick)));
  progress.done(done, total);
  summarise(stats, journeys.length, events.length, started, logger);
  return { events, stats };
};

/** Why the expected answers cannot be trusted or were not reached, beside the differing queries. */
const runProblems = (short: string | null, stats: RunStats): ReadonlyArray<string> => [
  ...(short === null ? [] : [short]),
  ...(stats.errors > 0 ? [`${stats.errors} commands failed (5xx or transport): the expected answers may be wrong`] : []),
  ...(stats.divergences > 0 ? [`${stats.divergences} replies disagreed with the model`] : []),
];

/** --check: waits for the lake to hold every accepted event, then compares each catalogue query with its expected answer. */
export const checkLake = async (
  infra: Infrastructure,
  queries: ReadonlyArray<CatalogueQuery>,
  run: { readonly events: SimEvent[]; readonly stats: RunStats },
  options: SimulateOptions,
  logger: Logger,
): Promise<number> => {
  const waitStarted = Date.now();
  const short = await waitForLake(infra, run.events.length, options.timeoutS, logger);
  const waited = (Date.now() - waitStarted) / 1000;
  const checkStarted = Date.now();
  const rows = short === null ? await checkCatalogue(infra, queries, run.events) : [];
  const failed = rows.filter((r) => !r.ok);
  process.stdout.write(
    `${formatTable(
      ['question', 'expected', 'actual', 'ok'],
      rows.map((r) => [r.name, r.expected, r.actual, r.ok ? (r.why === '' ? 'yes' : '-') : 'NO']),
    )}\n`,
  );
  for (const r of failed) process.stdout.write(`${r.name}: ${r.why}\n`);
  const problems = runProblems(short, run.stats);
  for (const p of problems) process.stdout.write(`${p}\n`);
  const ok = failed.length === 0 && problems.length === 0;
  const verdict = {
    check: ok ? 'passed' : 'failed',
    queries: rows.length,
    differing: failed.length,
    lake_wait_seconds: Math.round(waited * 10) / 10,
    queries_seconds: Math.round((Date.now() - checkStarted) / 100) / 10,
  };
  logger.info('simulate: check', verdict);
  process.stdout.write(`${JSON.stringify(verdict)}\n`);
  return ok ? 0 : 1;
};

/** `placebo simulate`: seeded player journeys against a running API, and with --check the lake's answers against the expected ones. */
export const simulate = async (options: SimulateOptions, config: Config, logger: Logger): Promise<number> => {
  const queries = options.check ? await loadCatalogue(options.queries) : [];
  let infra: Infrastructure | null = null;
  const http = createSimClient(options.url, options.concurrency);
  try {
    if (options.check) {
      infra = await openInfra(config, logger);
      const before = await count(infra);
      if (before > 0) {
        process.stderr.write(
          `simulate --check: the lake already holds ${before} events; --check compares whole-lake answers, so it needs a fresh deployment: start one on an empty PLACEBO_DATA_DIR and a free port, as the README's "Analytics" section does (cluster mode: new PLACEBO_TOPIC_PREFIX, PLACEBO_REDIS_PREFIX, PLACEBO_LAKE_ROOT and PLACEBO_PRESTO_SCHEMA)\n`,
        );
        return 2;
      }
    }
    const run = await drive(options, http, logger);
    if (run === null) return 1;
    if (!options.check || infra === null) return 0;
    return await checkLake(infra, queries, run, options, logger);
  } finally {
    http.close();
    await infra?.close();
  }
};
