import { join } from 'node:path';
import { repoRoot, type Config } from '@placebo/adapters';
import { simulate as runSimulation, type SimulateOptions } from '../simulate/simulate.js';
import type { Command } from './command.js';

const usage =
  '  simulate --players N --commands M [--rate R] [--seed S] [--url URL] [--concurrency C] [--check] [--queries DIR]\n' +
  '                        drive the API with seeded player journeys; --check compares every catalogue query with the expected answer';

/** The options, or what is wrong with them. */
const parse = (args: ReadonlyArray<string>, config: Config): SimulateOptions | string => {
  const value = (flag: string): string | null => {
    const i = args.indexOf(flag);
    return i >= 0 ? (args[i + 1] ?? '') : null;
  };
  const int = (flag: string, fallback: number, min: number): number | string => {
    const v = value(flag);
    if (v === null) return fallback;
    return /^\d+$/.test(v) && Number(v) >= min ? Number(v) : `${flag} wants a whole number of at least ${min}, got "${v}"`;
  };
  const players = int('--players', 50, 1);
  const commands = int('--commands', 1000, 1);
  const rate = int('--rate', 0, 0);
  const seed = int('--seed', 1, 0);
  const concurrency = int('--concurrency', 32, 1);
  const timeoutS = int('--check-timeout', 600, 1);
  for (const v of [players, commands, rate, seed, concurrency, timeoutS]) if (typeof v === 'string') return v;
  const host = config.PLACEBO_HOST === '0.0.0.0' || config.PLACEBO_HOST === '::' ? '127.0.0.1' : config.PLACEBO_HOST;
  return {
    players: players as number,
    commands: commands as number,
    rate: rate as number,
    seed: seed as number,
    concurrency: concurrency as number,
    timeoutS: timeoutS as number,
    url: value('--url') ?? `http://${host}:${config.PLACEBO_PORT}`,
    check: args.includes('--check'),
    queries: value('--queries') ?? join(repoRoot(), 'queries'),
  };
};

export const simulate: Command = {
  name: 'simulate',
  usage,
  run: ({ args, config, logger }) => {
    const options = parse(args, config);
    if (typeof options === 'string') {
      process.stderr.write(`simulate: ${options}\n${usage}\n`);
      return Promise.resolve(2);
    }
    return runSimulation(options, config, logger);
  },
};
