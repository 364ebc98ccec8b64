import { canonicalState, type PlayerState, type ReplaySource, type SnapshotStore } from '@placebo/domain';
import type { Config } from '@placebo/adapters';
import { foldUnits, must, planUnits, putStates, type FoldOutcome, type FoldUnit, type OnWorker } from './fold.js';
import { foldInThreads } from './threads.js';

export interface ReplayReport {
  /** Events folded (records read minus repeated copies). */
  readonly events: number;
  /** Records skipped because their (player_id, player_version) was already folded. */
  readonly duplicates: number;
  readonly players: number;
  /** Players whose stored snapshot differs from the fold of the log (verify only). */
  readonly differing: ReadonlyArray<string>;
  /** Players in the log without a snapshot (verify only). */
  readonly missing: ReadonlyArray<string>;
  /** Snapshots of players the log does not know (verify only). */
  readonly orphans: ReadonlyArray<string>;
  /** Readers that folded the log (worker threads, or 1 in this thread). */
  readonly workers: number;
  readonly seconds: number;
}

export interface ReplayOptions {
  /** The log as the fold reads it: its partitions and ends, and the records themselves when folding in this thread. */
  readonly source: ReplaySource;
  readonly snapshots: SnapshotStore;
  readonly verify: boolean;
  /**
   * Fold in `count` worker threads, each opening its own reader and snapshot store from `config` (openReplaySide)
   * and folding its own partitions, or shares of a partition's players. Without it (or with 1) this thread folds.
   */
  readonly workers?: { readonly count: number; readonly config: Config };
  /** Offsets looked at per read. */
  readonly batchSize?: number;
  readonly progress?: (done: number, total: number) => void;
  /** Hears what each worker thread folded (for the log). */
  readonly onWorker?: OnWorker;
  readonly now?: () => number;
}

/** Compares the folded states with the stored snapshots, changing nothing. */
const compareSnapshots = async (
  snapshots: SnapshotStore,
  canonical: ReadonlyMap<string, string>,
): Promise<Pick<ReplayReport, 'differing' | 'missing' | 'orphans'>> => {
  const differing: string[] = [];
  const missing: string[] = [];
  const orphans: string[] = [];
  const seen = new Set<string>();
  let cursor: string | null = null;
  do {
    const page: { states: ReadonlyArray<PlayerState>; next: string | null } = await must(snapshots.scan(cursor, 1000));
    for (const stored of page.states) {
      seen.add(stored.id);
      const folded = canonical.get(stored.id);
      if (folded === undefined) orphans.push(stored.id);
      else if (folded !== canonicalState(stored)) differing.push(stored.id);
    }
    cursor = page.next;
  } while (cursor !== null);
  for (const id of canonical.keys()) if (!seen.has(id)) missing.push(id);
  return { differing, missing, orphans };
};

/** Folds every unit in this thread; replaces the snapshots unless verifying. */
const foldHere = async (o: ReplayOptions, units: ReadonlyArray<FoldUnit>, covered: (offsets: number) => void): Promise<FoldOutcome> => {
  const { states, read, duplicates } = await foldUnits(o.source, units, o.batchSize ?? 10_000, covered);
  if (!o.verify) {
    await must(o.snapshots.clear());
    await putStates(o.snapshots, states);
  }
  const canonical = new Map(o.verify ? [...states].map(([id, s]) => [id, canonicalState(s)] as const) : []);
  return { read, duplicates, players: states.size, canonical };
};

/**
 * Folds the whole log (topic all_events, every partition) into player states. With `verify` it compares them with
 * the stored snapshots and changes nothing; otherwise it replaces every snapshot with the fold (cleared only once
 * every reader has folded its part, so a failed fold leaves the snapshots as they were).
 */
export const replayLog = async (o: ReplayOptions): Promise<ReplayReport> => {
  const now = o.now ?? Date.now;
  const started = now();
  const partitions = await must(o.source.partitions());
  const ends = await Promise.all(partitions.map(async (partition) => ({ partition, end: await must(o.source.end(partition)) })));
  const total = ends.reduce((a, b) => a + b.end, 0);
  let done = 0;
  const covered = (offsets: number): void => {
    done += offsets;
    o.progress?.(Math.min(Math.round(done), total), total);
  };
  const count = o.workers?.count ?? 1;
  const groups = planUnits(ends, count);
  const outcome =
    o.workers === undefined || count <= 1
      ? await foldHere(o, groups.flat(), covered)
      : await foldInThreads({ ...o, config: o.workers.config, groups, covered, clear: () => must(o.snapshots.clear()) });
  const compared = o.verify ? await compareSnapshots(o.snapshots, outcome.canonical) : { differing: [], missing: [], orphans: [] };
  return {
    events: outcome.read - outcome.duplicates,
    duplicates: outcome.duplicates,
    players: outcome.players,
    ...compared,
    workers: o.workers === undefined || count <= 1 ? 1 : groups.length,
    seconds: (now() - started) / 1000,
  };
};
