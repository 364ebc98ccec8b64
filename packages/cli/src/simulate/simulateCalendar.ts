import * as E from 'fp-ts/lib/Either.js';
import { createMetrics, openEmbedded, type Config, type Infrastructure, type Logger } from '@placebo/adapters';
import { loadCatalogue, startApi } from '@placebo/app-api';
import { createLakeSink } from '@placebo/app-sink';
import { createProgress } from '../progress.js';
import { planCalendar } from './calendarJourneys.js';
import { prng } from './simulateJourney.js';
import type { RunContext, SimEvent } from './playerModel.js';
import { checkLake, fetchCatalogue, newStats, summarise, type SimulateOptions } from './simulate.js';
import { createSimApi, createSimClient } from './simulateHttp.js';
import { runCalendar } from './simulateRun.js';

/** A clock the simulator sets: the time its own API dates events by. */
const createSimClock = (startMs: number) => {
  let now = startMs;
  return { now: () => now, set: (ms: number) => void (now = ms) };
};

/**
 * The simulator's own deployment for `--days`: the embedded infrastructure on PLACEBO_DATA_DIR and an API in this
 * process on a free loopback port, whose clock is the simulated one. Only this composition root passes a clock; an
 * API started any other way dates events by the system's, and no request can change it. Rate limits are off (the
 * calendar's days pass in seconds) and the seed routes on (the journeys use them). Its fights roll from the seed, so
 * a seed plays the same outcomes too.
 */
const openDeployment = async (config: Config, clock: { readonly now: () => number }, seed: number, logger: Logger) => {
  const infra = openEmbedded({ dataDir: config.PLACEBO_DATA_DIR });
  const apiConfig: Config = {
    ...config,
    PLACEBO_HOST: '127.0.0.1',
    PLACEBO_PORT: 0,
    PLACEBO_SEED_ROUTES: true,
    PLACEBO_RATE_IP_PER_MIN: 0,
    PLACEBO_RATE_AUTH_IP_PER_MIN: 0,
    PLACEBO_RATE_AUTH_NAME_PER_HOUR: 0,
    PLACEBO_RATE_VIEWS_PER_MIN: 0,
  };
  try {
    const api = await startApi(apiConfig, infra, logger.child({ component: 'simulated-api' }), createMetrics(), { clock, roll: prng(seed ^ 0x5eed) });
    return { infra, api };
  } catch (e) {
    await infra.close();
    logger.error('simulate: cannot start the simulated deployment', { error: e instanceof Error ? e.message : String(e) });
    throw e;
  }
};

const lakeEvents = async (infra: Infrastructure): Promise<number> => {
  const r = await infra.query.query('select count(*) as n from all_events')();
  return E.isRight(r) ? Number(r.right.rows[0]?.[0] ?? 0) : 0;
};

/** Plays the calendar against the deployment's API, then lands the log in the lake. */
const playCalendar = async (
  options: SimulateOptions,
  days: number,
  api: { readonly url: string; readonly settle: () => Promise<void> },
  setClock: (ms: number) => void,
  logger: Logger,
) => {
  const { url } = api;
  const started = Date.now();
  const http = createSimClient(url, 1);
  try {
    const catalogue = await fetchCatalogue(url, http);
    if (catalogue === null) return null;
    const journeys = planCalendar({ seed: options.seed, players: options.players, days, startMs: options.startMs, catalogue });
    const total = journeys.reduce((n, j) => n + j.steps.length, 0);
    logger.info('simulate: starting', {
      days,
      start: new Date(options.startMs).toISOString().slice(0, 10),
      players: journeys.length,
      commands: total,
      seed: options.seed,
    });
    const stats = newStats();
    const events: SimEvent[] = [];
    let now = options.startMs;
    const ctx: RunContext = { api: (host) => createSimApi(http.client, host), catalogue, logger, events, stats, seed: options.seed, now: () => now };
    const progress = createProgress('simulate', 'commands');
    let done = 0;
    const set = (ms: number): void => {
      now = ms;
      setClock(ms);
    };
    await runCalendar(ctx, journeys, { set, settle: api.settle }, () => progress.update(++done, total));
    progress.done(done, total);
    const last = events.reduce((a, e) => Math.max(a, e.at ?? 0), options.startMs);
    summarise(stats, journeys.length, events.length, started, logger, {
      days,
      first_day: new Date(options.startMs).toISOString().slice(0, 10),
      last_day: new Date(last).toISOString().slice(0, 10),
    });
    return { events, stats };
  } finally {
    http.close();
  }
};

/**
 * `placebo simulate --days N`: N days of play on the simulator's own embedded deployment (PLACEBO_DATA_DIR), every
 * event dated in the simulated calendar from `--start`; with `--check`, the sink lands the log and every catalogue
 * question is compared with the answer the accepted commands imply.
 */
export const simulateCalendar = async (options: SimulateOptions, config: Config, logger: Logger): Promise<number> => {
  const days = options.days ?? 1;
  const queries = options.check ? await loadCatalogue(options.queries) : [];
  const clock = createSimClock(options.startMs);
  const { infra, api } = await openDeployment(config, clock, options.seed, logger);
  let apiOpen = true;
  try {
    const before = await lakeEvents(infra);
    if (options.check && before > 0) {
      process.stderr.write(
        `simulate --check: the lake at ${config.PLACEBO_DATA_DIR} already holds ${before} events; --days --check needs an empty PLACEBO_DATA_DIR\n`,
      );
      return 2;
    }
    const run = await playCalendar(options, days, api, clock.set, logger);
    await api.close();
    apiOpen = false;
    if (run === null) return 1;
    const landed = await createLakeSink(config, infra, logger).drain();
    logger.info('simulate: landed the log in the lake', { records: landed.records });
    if (!options.check) return 0;
    return await checkLake(infra, queries, run, options, logger);
  } finally {
    if (apiOpen) await api.close();
    await infra.close();
  }
};
