import { join } from 'node:path';
import { repoRoot, type Config } from '@placebo/adapters';
import { simulate as runSimulation, type SimulateOptions } from '../simulate/simulate.js';
import { simulateCalendar } from '../simulate/simulateCalendar.js';
import { stringOption, type Command, type Values } from './command.js';

const usage =
  '  simulate [--players N] [--commands M] [--rate R] [--seed S] [--url URL] [--concurrency C] [--check] [--check-timeout S] [--queries DIR]\n' +
  '  simulate --days N [--start YYYY-MM-DD] [--players N] [--seed S] [--check] [--queries DIR]\n' +
  '                        drive the API at URL with seeded player journeys (or N simulated days on a deployment of its own);\n' +
  '                        --check compares every catalogue query with the expected answer';

const help = `  --players N        players to create (default 50)
  --commands M       commands to send in all (default 1000)
  --rate R           commands per second, 0 for as fast as the API answers (default 0)
  --seed S           seed of the journeys: the same seed plays the same journeys (default 1)
  --url URL          the API to drive (default http://PLACEBO_HOST:PLACEBO_PORT, e.g. http://127.0.0.1:8080)
  --concurrency C    requests in flight at once (default 32)
  --check            then wait for the lake to hold this run's events and compare every question of --queries with
                     the answer the accepted commands imply; needs a lake holding only this run (a fresh
                     PLACEBO_DATA_DIR and its own placebo start; the README's "Analytics" section shows how)
  --check-timeout S  longest wait for the lake, in seconds (default 600)
  --queries DIR      the catalogue of questions (default queries/)
  --days N           play N days of a simulated calendar instead of one burst: players join over the days, come back
                     and churn; the simulator starts its own embedded deployment on PLACEBO_DATA_DIR (no --url: an
                     API of its own process dates events by the simulated clock, no other API can be told a time),
                     lands the log in the lake itself, and --check needs that folder empty
  --start DATE       the first simulated day, YYYY-MM-DD (UTC; default 2025-01-06)`;

const wholeNumber = (values: Values, name: string, fallback: number, min: number): number | string => {
  const v = stringOption(values, name);
  if (v === null) return fallback;
  return /^\d+$/.test(v) && Number(v) >= min ? Number(v) : `--${name} wants a whole number of at least ${min}, got "${v}"`;
};

const defaultStart = '2025-01-06';

/** --days and --start, or what is wrong with them. */
const parseCalendar = (values: Values, config: Config): { readonly days: number | null; readonly startMs: number } | string => {
  const start = stringOption(values, 'start') ?? defaultStart;
  const startMs = /^\d{4}-\d{2}-\d{2}$/.test(start) ? Date.parse(`${start}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(startMs)) return `--start wants a date, YYYY-MM-DD, got "${start}"`;
  if (stringOption(values, 'days') === null) return stringOption(values, 'start') === null ? { days: null, startMs } : '--start goes with --days N';
  const days = wholeNumber(values, 'days', 1, 1);
  if (typeof days === 'string') return days;
  if (days > 3650) return `--days wants at most 3650 days, got ${days}`;
  if (stringOption(values, 'url') !== null) return '--days plays on a deployment of its own (its API dates events by the simulated clock): leave out --url';
  if (config.PLACEBO_MODE !== 'embedded') return '--days runs in embedded mode only (PLACEBO_MODE=embedded)';
  return { days, startMs };
};

/** The options, or what is wrong with them. */
const parse = (values: Values, config: Config): SimulateOptions | string => {
  const numbers = {
    players: wholeNumber(values, 'players', 50, 1),
    commands: wholeNumber(values, 'commands', 1000, 1),
    rate: wholeNumber(values, 'rate', 0, 0),
    seed: wholeNumber(values, 'seed', 1, 0),
    concurrency: wholeNumber(values, 'concurrency', 32, 1),
    timeoutS: wholeNumber(values, 'check-timeout', 600, 1),
  };
  for (const v of Object.values(numbers)) if (typeof v === 'string') return v;
  const calendar = parseCalendar(values, config);
  if (typeof calendar === 'string') return calendar;
  const host = config.PLACEBO_HOST === '0.0.0.0' || config.PLACEBO_HOST === '::' ? '127.0.0.1' : config.PLACEBO_HOST;
  const url = stringOption(values, 'url') ?? `http://${host}:${config.PLACEBO_PORT}`;
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) return `--url wants an http:// URL, e.g. --url http://127.0.0.1:8080, got "${url}"`;
  return {
    ...(numbers as { [K in keyof typeof numbers]: number }),
    url: url.replace(/\/+$/, ''),
    check: values.check === true,
    queries: stringOption(values, 'queries') ?? join(repoRoot(), 'queries'),
    ...calendar,
  };
};

export const simulate: Command = {
  name: 'simulate',
  usage,
  help,
  options: {
    players: { type: 'string' },
    commands: { type: 'string' },
    rate: { type: 'string' },
    seed: { type: 'string' },
    url: { type: 'string' },
    concurrency: { type: 'string' },
    check: { type: 'boolean' },
    'check-timeout': { type: 'string' },
    queries: { type: 'string' },
    days: { type: 'string' },
    start: { type: 'string' },
  },
  run: ({ values, config, logger }) => {
    const options = parse(values, config);
    if (typeof options === 'string') {
      process.stderr.write(`simulate: ${options}\n`);
      return Promise.resolve(2);
    }
    return options.days === null ? runSimulation(options, config, logger) : simulateCalendar(options, config, logger);
  },
};
