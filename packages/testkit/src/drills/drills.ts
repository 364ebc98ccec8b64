import { startDeployment } from './deployment.js';
import { restoreStack, type Fault } from './faults.js';
import { checkLake, settledRowCount, type LakeFindings } from './lakeCheck.js';
import { registerPlayers, startLoad, type LoadOptions, type LoadTally } from './load.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface DrillOptions extends LoadOptions {
  readonly players: number;
  readonly partitions: number;
  /** Load before the fault, and after it ended. */
  readonly beforeMs: number;
  readonly afterMs: number;
  readonly log: (line: string) => void;
}

export const defaultDrillOptions: DrillOptions = {
  players: 50,
  partitions: 3,
  clients: 32,
  rate: 150,
  retryMs: 30_000,
  beforeMs: 15_000,
  afterMs: 20_000,
  log: () => undefined,
};

export interface DrillResult {
  readonly drill: string;
  readonly what: string;
  readonly acknowledged: number;
  readonly status503: number;
  readonly networkErrors: number;
  /** Other answers, e.g. "401×3". */
  readonly other: string;
  readonly unanswered: number;
  readonly lake: LakeFindings;
  /** 2xx answers in the seconds before the fault, and after it ended. */
  readonly okBefore: number;
  readonly okAfter: number;
  /** Seconds from the fault's start to the first second back at ≥ 90 % of the rate before it; null: never. */
  readonly recoverS: number | null;
  readonly notes: ReadonlyArray<string>;
  readonly seconds: number;
  /** 2xx answers per second of the load, and the second the fault began. */
  readonly perSecond: ReadonlyArray<number>;
  readonly faultSecond: number;
  readonly faultEndSecond: number;
}

const sum = (xs: ReadonlyArray<number>): number => xs.reduce((a, b) => a + b, 0);

/**
 * Recovery: the pre-fault rate is the mean of the 2xx answers per second over the 10 s before the fault. The outage is
 * the first run of seconds below half of it that begins between the fault's start and 5 s after its end; recovered is
 * the first second after the outage back at >= 90 % of the pre-fault rate. Seconds from the fault's start; 0: no
 * second below half; null: not back before the load stopped. (On a loaded 2-core box single seconds vary by ±30 %:
 * only a run below half is taken for the fault's outage.)
 */
export const recoverySeconds = (perSecond: ReadonlyArray<number>, faultSecond: number, faultEndSecond: number): number | null => {
  const at = (s: number): number => perSecond[s] ?? 0;
  const window = Array.from({ length: 10 }, (_, i) => at(faultSecond - 10 + i));
  const before = sum(window) / window.length;
  let s = faultSecond;
  while (s <= Math.min(faultEndSecond + 5, perSecond.length - 1) && at(s) >= before / 2) s++;
  if (s > Math.min(faultEndSecond + 5, perSecond.length - 1)) return 0;
  while (s < perSecond.length && at(s) < 0.9 * before) s++;
  return s < perSecond.length ? s - faultSecond : null;
};

const otherText = (t: LoadTally): string =>
  [...t.other]
    .sort(([a], [b]) => a - b)
    .map(([s, n]) => `${s}×${n}`)
    .join(', ') || '0';

/** One drill: a deployment of its own under a steady purchase load, one fault, then the lake checked against the load. */
export const runDrill = async (fault: Fault, options: Partial<DrillOptions> = {}): Promise<DrillResult> => {
  const o = { ...defaultDrillOptions, ...options };
  const began = Date.now();
  const notes: string[] = [];
  const note = (line: string): void => {
    notes.push(line);
    o.log(`${fault.name}: ${line}`);
  };
  const d = await startDeployment(o.partitions);
  try {
    const players = await registerPlayers(d.urls, o.players);
    note(`${players.length} players registered; load starts`);
    const load = startLoad(d.urls, players, o);
    await sleep(o.beforeMs);
    const faultSecond = Math.floor((Date.now() - load.tally.startedAt) / 1000);
    try {
      await fault.inject(d, note);
    } finally {
      await restoreStack();
    }
    const endedSecond = Math.floor((Date.now() - load.tally.startedAt) / 1000);
    await sleep(o.afterMs);
    await load.stop();
    const t = load.tally;
    note(`load stopped: ${t.acknowledged.size} acknowledged, ${t.unanswered.length} unanswered`);
    await d.drained(180_000);
    note(`sink drained; ${await settledRowCount(d.env, 3000)} rows in all_events`);
    const lake = await checkLake(d.env, t);
    for (const e of d.apiErrors()) note(`api error: ${e}`);
    return {
      drill: fault.name,
      what: fault.what,
      acknowledged: t.acknowledged.size,
      status503: t.status503,
      networkErrors: t.networkErrors,
      other: otherText(t),
      unanswered: t.unanswered.length,
      lake,
      okBefore: sum(t.perSecond.slice(0, faultSecond)),
      okAfter: sum(t.perSecond.slice(endedSecond + 1)),
      recoverS: recoverySeconds(t.perSecond, faultSecond, endedSecond),
      notes,
      seconds: Math.round((Date.now() - began) / 1000),
      perSecond: t.perSecond,
      faultSecond,
      faultEndSecond: endedSecond,
    };
  } finally {
    await d.stop();
  }
};

/** The drills' markdown table. */
export const drillTable = (results: ReadonlyArray<DrillResult>): string => {
  const head = [
    'drill',
    'commands 2xx',
    '503s',
    'network errors',
    'other',
    'unanswered',
    'acknowledged missing',
    'duplicate event_id',
    'duplicate (player, version)',
    'duplicate command',
    'version gaps',
    'negative wealth',
    'time to recover (s)',
    'drill time (s)',
  ];
  const rows = results.map((r) => [
    r.drill,
    r.acknowledged,
    r.status503,
    r.networkErrors,
    r.other,
    r.unanswered,
    r.lake.missing.length,
    r.lake.duplicateEventIds,
    r.lake.duplicatePlayerVersions,
    r.lake.duplicateCommands,
    r.lake.gappedPlayers.length,
    r.lake.negativeWealth,
    r.recoverS ?? 'not recovered',
    r.seconds,
  ]);
  return [head, head.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
};
