import assert from 'node:assert/strict';
import * as E from 'fp-ts/lib/Either.js';
import {
  canonicalState,
  createDecider,
  envelop,
  initialState,
  type EventLog,
  type PlayerCommand,
  type PlayerState,
  type ReplaySource,
  type SnapshotStore,
  type StoredEvent,
} from '@placebo/domain';
import type { Config } from '@placebo/adapters';
import { replayLog, type ReplayReport } from '@placebo/app-sink';
import { loadCatalogue } from '../domain/catalogue.js';

/** A fresh, empty log of one mode, what a replay reads it with, and (Kafka) a way to re-produce a record. */
export interface ReplayHarness {
  readonly config: Config;
  readonly log: EventLog;
  readonly source: ReplaySource;
  readonly snapshots: SnapshotStore;
  /** Writes a second copy of a record already in the log (a completed write intent), where the log can hold one. */
  readonly reproduce?: (event: StoredEvent) => Promise<void>;
  readonly close: () => Promise<void>;
}

const ok = async <A>(te: () => Promise<E.Either<unknown, A>>): Promise<A> => {
  const r = await te();
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left));
  return r.right;
};

const buy = (kind: string): PlayerCommand => ({ type: 'BuyItem', kind, item_type: null, quantity: 1, offer_id: null, client_cost: null }) as PlayerCommand;
const kinds = ['sword', 'knife', 'potion', 'arrow', 'spell'];

/** Player i's commands: a registration, then purchases, fights and a guild joined and left, varied by i. */
const commandsOf = (id: string, i: number): PlayerCommand[] => [
  { type: 'RegisterPlayer', name: id, wealth: 5000, origin: 'seed' } as PlayerCommand,
  ...Array.from({ length: 3 + (i % 7) }, (_, j): PlayerCommand =>
    j % 3 === 2 ? ({ type: 'Fight', enemy: 'goblin', roll: (j % 10) / 10 } as PlayerCommand) : buy(kinds[(i + j) % 5] ?? 'sword'),
  ),
  ...(i % 4 === 0 ? [{ type: 'JoinOrg', org_kind: 'guild', org: 'magicians', level: null, client_cost: null } as PlayerCommand] : []),
  ...(i % 8 === 0 ? [{ type: 'LeaveOrg', org_kind: 'guild', org: 'magicians' } as PlayerCommand] : []),
];

/** Decides each player's commands and appends them with the snapshot; answers the states and the records written. */
const fill = async (log: EventLog, players: number, tag: string): Promise<{ states: Map<string, PlayerState>; events: StoredEvent[] }> => {
  const decider = createDecider(loadCatalogue());
  const request = { host: 'replay.test', user_agent: 'mocha', accept: '*/*' };
  const states = new Map<string, PlayerState>();
  const all: StoredEvent[] = [];
  let n = 0;
  for (let i = 0; i < players; i++) {
    const id = `${tag}-p${i}-ü`;
    let state = initialState(id);
    const events: StoredEvent[] = [];
    for (const c of commandsOf(id, i)) {
      const d = decider.decide(c, state);
      if (E.isLeft(d)) continue;
      const next = envelop(
        state,
        d.right,
        { command_id: `c${++n}`, request, occurred_at: new Date(Date.UTC(2026, 11, 4) + n * 1000).toISOString() },
        () => `${tag}-e${++n}`,
      );
      events.push(...next.stored);
      state = next.state;
    }
    await ok(log.append(id, 0, events, state));
    states.set(id, state);
    all.push(...events);
  }
  return { states, events: all };
};

const scanAll = async (snapshots: SnapshotStore): Promise<Map<string, string>> => {
  const out = new Map<string, string>();
  let cursor: string | null = null;
  do {
    const page: { states: ReadonlyArray<PlayerState>; next: string | null } = await ok(snapshots.scan(cursor, 7));
    for (const s of page.states) out.set(s.id, canonicalState(s));
    cursor = page.next;
  } while (cursor !== null);
  return out;
};

/** The report without what differs from run to run (time) or by design (the number of readers). */
const comparable = ({ seconds: _s, workers: _w, ...rest }: ReplayReport) => ({
  ...rest,
  differing: [...rest.differing].sort(),
  missing: [...rest.missing].sort(),
  orphans: [...rest.orphans].sort(),
});

/**
 * Replay folds the same log into the same snapshots and the same report whether one thread reads it or several
 * worker threads each read their partitions (or, with more workers than partitions, their share of the players).
 */
export const replayWorkersSuite = (mode: string, open: () => Promise<ReplayHarness>, workerCounts: ReadonlyArray<number>): void => {
  describe(`replay in worker threads (${mode})`, function () {
    this.timeout(120_000);
    let h: ReplayHarness;
    let written: { states: Map<string, PlayerState>; events: StoredEvent[] };
    let duplicates = 0;
    const run = async (workers: number, verify: boolean, seen: Array<[number, number]> = []): Promise<ReplayReport> =>
      replayLog({ source: h.source, snapshots: h.snapshots, verify, workers: { count: workers, config: h.config }, progress: (d, t) => seen.push([d, t]) });

    before(async () => {
      h = await open();
      written = await fill(h.log, 24, `r${Date.now().toString(36)}`);
      const copied = written.events.filter((_, i) => i % 17 === 5);
      if (h.reproduce !== undefined) for (const e of copied) await h.reproduce(e);
      duplicates = h.reproduce === undefined ? 0 : copied.length;
    });
    after(async () => h.close());

    it('stores the same snapshots and reports the same counts with any number of workers as with one', async () => {
      const seen: Array<[number, number]> = [];
      const one = await run(1, false, seen);
      assert.equal(one.workers, 1);
      assert.deepEqual(
        { events: one.events, duplicates: one.duplicates, players: one.players },
        { events: written.events.length, duplicates, players: written.states.size },
      );
      const expected = new Map([...written.states].map(([id, s]) => [id, canonicalState(s)]));
      assert.deepEqual(await scanAll(h.snapshots), expected);
      const last = seen[seen.length - 1];
      assert.ok(last !== undefined && last[0] === last[1] && last[1] >= written.events.length, `progress ends at its total: ${JSON.stringify(last)}`);
      for (const n of workerCounts) {
        const progress: Array<[number, number]> = [];
        const many = await run(n, false, progress);
        assert.ok(many.workers > 1, `${n} workers ran (${many.workers})`);
        assert.deepEqual(comparable(many), comparable(one));
        assert.deepEqual(await scanAll(h.snapshots), expected);
        assert.deepEqual(progress[progress.length - 1], last, `${n} workers count progress up to the same total`);
      }
    });

    it('--verify names exactly the differing, missing and orphan snapshots, and changes nothing, with any number of workers', async () => {
      const [changed, gone, kept] = [...written.states.values()];
      assert.ok(changed !== undefined && gone !== undefined && kept !== undefined);
      const orphan = { ...kept, id: `${kept.id}-orphan` };
      await ok(h.snapshots.clear());
      const tampered = [...written.states.values()].filter((s) => s.id !== gone.id && s.id !== changed.id);
      await ok(h.snapshots.put([...tampered, { ...changed, wealth: (changed.wealth + 1) as PlayerState['wealth'] }, orphan]));
      const before = await scanAll(h.snapshots);
      const verdict = { differing: [changed.id], missing: [gone.id], orphans: [orphan.id] };
      for (const n of [1, ...workerCounts]) {
        const report = await run(n, true);
        const { differing, missing, orphans } = comparable(report);
        assert.deepEqual({ differing, missing, orphans }, verdict, `${n} workers`);
        assert.equal(report.events, written.events.length);
        assert.equal(report.duplicates, duplicates);
        assert.deepEqual(await scanAll(h.snapshots), before, 'verify changes nothing');
      }
    });
  });
};
