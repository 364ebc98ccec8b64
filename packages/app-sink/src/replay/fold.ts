import * as E from 'fp-ts/lib/Either.js';
import { evolve, initialState, type PlayerShare, type PlayerState, type PortError, type ReplaySource, type SnapshotStore } from '@placebo/domain';

export const must = async <A>(te: () => Promise<E.Either<PortError, A>>): Promise<A> => {
  const r = await te();
  if (E.isLeft(r)) throw new Error(r.left.message);
  return r.right;
};

/** One share of one partition's players, read up to the partition's end as it was when the replay began. */
export interface FoldUnit {
  readonly partition: number;
  readonly end: number;
  readonly share: PlayerShare;
}

/**
 * The units of each of (at most) `readers` readers: whole partitions when there are at least as many partitions as
 * readers, else each partition split into shares of its players. The largest go first, each to the least loaded reader.
 */
export const planUnits = (ends: ReadonlyArray<{ readonly partition: number; readonly end: number }>, readers: number): FoldUnit[][] => {
  const of = Math.max(1, Math.floor(readers / Math.max(1, ends.length)));
  const units = ends.flatMap(({ partition, end }) => Array.from({ length: of }, (_, index) => ({ partition, end: end, share: { index, of } })));
  const groups = Array.from({ length: Math.max(1, Math.min(readers, units.length)) }, () => ({ units: [] as FoldUnit[], load: 0 }));
  for (const u of [...units].sort((a, b) => b.end / b.share.of - a.end / a.share.of)) {
    const least = groups.reduce((m, g) => (g.load < m.load ? g : m));
    least.units.push(u);
    least.load += u.end / u.share.of;
  }
  return groups.map((g) => g.units.sort((a, b) => a.partition - b.partition || a.share.index - b.share.index));
};

export interface Folded {
  readonly states: Map<string, PlayerState>;
  /** Records of the units' players read. */
  readonly read: number;
  /** Records skipped because their (player_id, player_version) was already folded. */
  readonly duplicates: number;
}

/**
 * Folds the units into player states. `covered` hears of each stretch of offsets read, weighted by the share (a unit
 * of one share in two counts half its offsets), so that the readers of a log together count up to its size.
 */
export const foldUnits = async (source: ReplaySource, units: ReadonlyArray<FoldUnit>, batch: number, covered: (offsets: number) => void): Promise<Folded> => {
  const states = new Map<string, PlayerState>();
  let read = 0;
  let duplicates = 0;
  for (const u of units) {
    let next = 0;
    while (next < u.end) {
      const got = await must(source.read(u.partition, next, batch, u.share));
      if (got.next <= next) break;
      for (const r of got.records) {
        const id = r.player_id;
        const state = states.get(id) ?? initialState(id);
        // A write intent completed after a producer failure may repeat an event: a version is folded once.
        if (r.player_version <= state.version) duplicates++;
        else states.set(id, evolve(state, r));
      }
      read += got.records.length;
      covered((Math.min(got.next, u.end) - next) / u.share.of);
      next = got.next;
    }
  }
  return { states, read, duplicates };
};

/** What the readers hand back: counts, and (verify) the canonical JSON of every folded state by player. */
export interface FoldOutcome {
  readonly read: number;
  readonly duplicates: number;
  readonly players: number;
  readonly canonical: ReadonlyMap<string, string>;
}

/** Hears what a worker thread folded: its units, the events it folded and how long it took. */
export type OnWorker = (worker: number, report: { readonly units: ReadonlyArray<FoldUnit>; readonly events: number; readonly seconds: number }) => void;

/** Stores the states, 1000 to a call (a Redis pipeline, an SQLite transaction). */
export const putStates = async (snapshots: SnapshotStore, states: ReadonlyMap<string, PlayerState>): Promise<void> => {
  const all = [...states.values()];
  for (let i = 0; i < all.length; i += 1000) await must(snapshots.put(all.slice(i, i + 1000)));
};
