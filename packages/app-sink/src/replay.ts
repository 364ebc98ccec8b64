import * as E from 'fp-ts/lib/Either.js';
import { canonicalState, evolve, initialState, type LogSource, type PlayerState, type PortError, type SnapshotStore } from '@placebo/domain';

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
  readonly seconds: number;
}

const must = async <A>(te: () => Promise<E.Either<PortError, A>>): Promise<A> => {
  const r = await te();
  if (E.isLeft(r)) throw new Error(r.left.message);
  return r.right;
};

type ReplayOptions = {
  readonly source: LogSource;
  readonly snapshots: SnapshotStore;
  readonly verify: boolean;
  readonly batchSize?: number;
  readonly progress?: (done: number, total: number) => void;
  readonly now?: () => number;
};

/** Folds every partition of all_events into player states; counts the records read and the repeated copies skipped. */
const foldLog = async (o: ReplayOptions): Promise<{ states: Map<string, PlayerState>; read: number; duplicates: number }> => {
  const batch = o.batchSize ?? 10_000;
  const states = new Map<string, PlayerState>();
  let read = 0;
  let duplicates = 0;
  const partitions = await must(o.source.partitions('all_events'));
  const ends = await Promise.all(partitions.map((p) => must(o.source.end('all_events', p))));
  const total = ends.reduce((a, b) => a + b, 0);
  for (const [i, p] of partitions.entries()) {
    const end = ends[i] ?? 0;
    let next = 0;
    while (next < end) {
      const records = await must(o.source.read('all_events', p, next, batch));
      if (records.length === 0) break;
      for (const r of records) {
        const id = r.event.player_id;
        const state = states.get(id) ?? initialState(id);
        // A write intent completed after a producer failure may repeat an event: a version is folded once.
        if (r.event.player_version <= state.version) duplicates++;
        else states.set(id, evolve(state, r.event));
      }
      read += records.length;
      next = (records[records.length - 1]?.offset ?? next) + 1;
      o.progress?.(Math.min(read, total), total);
    }
  }
  return { states, read, duplicates };
};

/** Compares the folded states with the stored snapshots, changing nothing. */
const compareSnapshots = async (
  snapshots: SnapshotStore,
  states: ReadonlyMap<string, PlayerState>,
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
      const folded = states.get(stored.id);
      if (folded === undefined) orphans.push(stored.id);
      else if (canonicalState(folded) !== canonicalState(stored)) differing.push(stored.id);
    }
    cursor = page.next;
  } while (cursor !== null);
  for (const id of states.keys()) if (!seen.has(id)) missing.push(id);
  return { differing, missing, orphans };
};

/** Replaces every snapshot with the folded states. */
const replaceSnapshots = async (snapshots: SnapshotStore, states: ReadonlyMap<string, PlayerState>): Promise<void> => {
  await must(snapshots.clear());
  const all = [...states.values()];
  for (let i = 0; i < all.length; i += 1000) await must(snapshots.put(all.slice(i, i + 1000)));
};

/**
 * Folds the whole log (topic all_events, every partition) into player states. With `verify` it compares them with
 * the stored snapshots and changes nothing; otherwise it replaces every snapshot with the fold.
 */
export const replayLog = async (o: ReplayOptions): Promise<ReplayReport> => {
  const now = o.now ?? Date.now;
  const started = now();
  const { states, read, duplicates } = await foldLog(o);
  let compared: Pick<ReplayReport, 'differing' | 'missing' | 'orphans'> = { differing: [], missing: [], orphans: [] };
  if (o.verify) compared = await compareSnapshots(o.snapshots, states);
  else await replaceSnapshots(o.snapshots, states);
  return { events: read - duplicates, duplicates, players: states.size, ...compared, seconds: (now() - started) / 1000 };
};
