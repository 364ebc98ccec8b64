import { placeboRun } from '../cli/placebo.js';
import type { LoadTally } from './load.js';

/** What the lake holds against what the load was told. */
export interface LakeFindings {
  readonly rows: number;
  /** Commands answered 2xx whose key is no event's command_id in all_events. */
  readonly missing: ReadonlyArray<string>;
  readonly duplicateEventIds: number;
  readonly duplicatePlayerVersions: number;
  /** Load commands (by key) that produced more than one event. */
  readonly duplicateCommands: number;
  /** Players whose versions in the lake are not 1..n without a gap. */
  readonly gappedPlayers: ReadonlyArray<string>;
  readonly negativeWealth: number;
}

/** Runs SQL on the deployment's lake through `placebo query --json` (Presto in cluster mode). */
export const lakeSql = async (env: Record<string, string>, query: string): Promise<ReadonlyArray<ReadonlyArray<unknown>>> => {
  const r = await placeboRun(['query', '--json', query], env);
  const line = r.output.split('\n').find((l) => l.startsWith('{"columns"'));
  if (r.code !== 0 || line === undefined) throw new Error(`query failed (${r.code}): ${query}\n${r.output.slice(-2000)}`);
  return (JSON.parse(line) as { rows: unknown[][] }).rows;
};

const repeats = (values: ReadonlyArray<string>): number => values.length - new Set(values).size;

const gapped = (rows: ReadonlyArray<ReadonlyArray<unknown>>): string[] => {
  const versions = new Map<string, number[]>();
  for (const r of rows) versions.set(String(r[2]), [...(versions.get(String(r[2])) ?? []), Number(r[3])]);
  return [...versions]
    .filter(([, vs]) => {
      const sorted = [...new Set(vs)].sort((a, b) => a - b);
      return sorted.some((v, i) => v !== i + 1);
    })
    .map(([p]) => p);
};

/** Reads every event of all_events and compares it with the load's tally. */
export const checkLake = async (env: Record<string, string>, tally: LoadTally): Promise<LakeFindings> => {
  const rows = await lakeSql(env, 'select command_id, event_id, player_id, player_version, player_wealth from all_events');
  const commands = rows.map((r) => String(r[0]));
  const present = new Set(commands);
  const ours = new Set([...tally.acknowledged.keys(), ...tally.unanswered]);
  return {
    rows: rows.length,
    missing: [...tally.acknowledged.keys()].filter((k) => !present.has(k)),
    duplicateEventIds: repeats(rows.map((r) => String(r[1]))),
    duplicatePlayerVersions: repeats(rows.map((r) => `${String(r[2])}/${String(r[3])}`)),
    duplicateCommands: repeats(commands.filter((c) => ours.has(c))),
    gappedPlayers: gapped(rows),
    negativeWealth: rows.filter((r) => Number(r[4]) < 0).length,
  };
};

/** Waits until the lake's row count stops changing (two reads `settleMs` apart agree). */
export const settledRowCount = async (env: Record<string, string>, settleMs: number): Promise<number> => {
  let last = -1;
  for (;;) {
    const n = Number((await lakeSql(env, 'select count(*) from all_events'))[0]?.[0]);
    if (n === last) return n;
    last = n;
    await new Promise((r) => setTimeout(r, settleMs));
  }
};
