import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import {
  analystTables,
  createCommandHandler,
  createDecider,
  parseFileName,
  parseMarkerName,
  type CommandHandler,
  type LakeStore,
  type PlayerCommand,
  type QueryEngine,
  type RowFileDecoder,
  type RowFileEncoder,
  type TableRegistry,
} from '@placebo/domain';
import { createScryptHasher, cryptoIds, openEmbedded, systemClock, type Infrastructure } from '@placebo/adapters';
import { compact, createSink, type CompactionReport } from '@placebo/app-sink';
import { loadCatalogue } from '../domain/catalogue.js';

/** A fresh, empty lake and the engine over it. */
export interface CompactionHarness {
  readonly lake: LakeStore;
  readonly registry: TableRegistry;
  readonly query: QueryEngine;
  readonly encoder: RowFileEncoder;
  readonly decoder: RowFileDecoder;
  /** How long compaction keeps a replaced generation, and waits between registering files and marker. */
  readonly graceMs: number;
  readonly settleMs: number;
  readonly close: () => Promise<void>;
}

const catalogue = loadCatalogue();
const meta = { command_id: null, request: { host: 'compact.test', user_agent: 'mocha', accept: '*/*' } };
const quiet = { info: () => undefined, warn: () => undefined };

const ok = async <A>(te: () => Promise<E.Either<unknown, A>>): Promise<A> => {
  const r = await te();
  if (E.isLeft(r)) assert.fail(`expected Right, got ${JSON.stringify(r.left)}`);
  return r.right;
};

/** Players who buy, join, leave and fight: every analyst table gets rows. */
const play = async (handler: CommandHandler, players: number, rounds: number): Promise<void> => {
  for (let p = 0; p < players; p++) {
    const id = `cp${p}-${Math.random().toString(36).slice(2, 8)}`;
    await ok(handler.register({ player_id: id, name: id as never, password: null, wealth: 2000, origin: 'seed' }, meta));
    for (let i = 0; i < rounds; i++) {
      const commands: PlayerCommand[] = [
        { type: 'BuyItem', kind: 'potion', item_type: null, quantity: 1 as never, offer_id: null, client_cost: null },
        { type: 'JoinOrg', org_kind: 'team', org: 'team ABCD' as never, level: null, client_cost: null },
        { type: 'LeaveOrg', org_kind: 'team', org: 'team ABCD' as never },
        { type: 'Fight', enemy: 'goblin' as never, roll: (((i * 37) % 100) / 100) as never },
      ];
      for (const c of commands) await ok(handler.execute(id, c, meta));
    }
  }
};

interface CompactionFixture {
  readonly h: CompactionHarness;
  readonly infra: Infrastructure;
}

/** Draining the log into the lake, counting its rows and files, and compacting under a reader. */
const compactionProbes = (get: () => CompactionFixture) => {
  const drain = async (consumer: string): Promise<void> => {
    const { h, infra } = get();
    await createSink({
      source: infra.log,
      offsets: infra.offsets,
      lake: h.lake,
      encoder: h.encoder,
      registry: h.registry,
      tables: analystTables,
      consumer,
      flushRows: 6,
      batchSize: 6,
      flushMs: 60_000,
      logger: quiet,
    }).drain();
  };
  const expected = async (): Promise<string> => {
    const all = await ok(get().infra.log.read('all_events', 0, 0, 1_000_000));
    return JSON.stringify(analystTables.map((t) => [t.name, all.filter((r) => t.project(r.event) !== null).length]));
  };
  const counts = async (): Promise<string> => {
    const sql = analystTables.map((t) => `select '${t.name}' as t, count(*) as n, count(distinct event_id) as d from ${t.name}`).join(' union all ');
    const rows = (await ok(get().h.query.query(`select t, n, d from (${sql}) x order by t`))).rows as [string, number, number][];
    for (const [t, n, d] of rows) assert.equal(n, d, `${t}: no event_id twice`);
    const byName = new Map(rows.map(([t, n]) => [t, n]));
    return JSON.stringify(analystTables.map((t) => [t.name, byName.get(t.name)]));
  };
  const files = async (): Promise<{ data: number; markers: number }> => {
    const { h } = get();
    let data = 0;
    let markers = 0;
    for (const t of analystTables) {
      for (const p of await ok(h.lake.list(t.name))) {
        if (parseFileName(p) !== null) data++;
        if (parseMarkerName(p) !== null) markers++;
      }
    }
    return { data, markers };
  };
  /** Compacts while a reader loop counts: every count it sees is `want`. */
  const compactWatched = async (want: string): Promise<CompactionReport> => {
    const { h } = get();
    let running = true;
    let reads = 0;
    const watch = (async () => {
      while (running) {
        assert.equal(await counts(), want, 'a reader during compaction sees every row once');
        reads++;
      }
    })();
    const report = await ok(() =>
      compact({
        lake: h.lake,
        registry: h.registry,
        encoder: h.encoder,
        decoder: h.decoder,
        tables: analystTables,
        olderThanDays: 0,
        now: Date.now,
        graceMs: h.graceMs,
        settleMs: h.settleMs,
      }),
    ).finally(() => (running = false));
    await watch;
    assert.ok(reads > 1, `the reader ran during the compaction (${reads} reads)`);
    return report;
  };

  return { drain, expected, counts, files, compactWatched };
};

/**
 * The sink fills the harness' lake with many small files from an embedded log; `compact` merges them while a reader
 * counts every table in a loop: the counts never change, there are fewer files after, and a sink restarted after the
 * compaction (from offset 0, or with new events) neither doubles nor loses a row.
 */
export const compactionSuite = (name: string, open: () => Promise<CompactionHarness>): void => {
  describe(`compaction: ${name}`, function () {
    this.timeout(600_000);
    let h: CompactionHarness;
    let dir: string;
    let infra: Infrastructure;
    let handler: CommandHandler;

    const { drain, expected, counts, files, compactWatched } = compactionProbes(() => ({ h, infra }));

    before(async () => {
      h = await open();
      dir = mkdtempSync(join(tmpdir(), 'placebo-compact-'));
      infra = openEmbedded({ dataDir: dir });
      handler = createCommandHandler({
        decider: createDecider(catalogue),
        ...infra,
        clock: systemClock,
        ids: cryptoIds,
        hasher: createScryptHasher({ cost: 1024 }),
        sessionTtlSeconds: 60,
      });
      await ok(h.registry.register([]));
      await play(handler, 4, 5);
      await drain('compact-sink');
    });
    after(async () => {
      await h?.close();
      await infra?.close();
      if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    });

    it('merges many small files into one per table, date and source partition; readers never see a different count', async () => {
      const want = await expected();
      assert.equal(await counts(), want);
      const before = await files();
      assert.ok(before.data > 20, `many small files (${before.data})`);
      const report = await compactWatched(want);
      assert.equal(report.compacted.length, analystTables.length, JSON.stringify(report));
      assert.ok(report.removed >= before.data, `the small files are gone (${report.removed} removed)`);
      assert.equal(await counts(), want);
      const after = await files();
      assert.equal(after.data, analystTables.length, 'one file per table (one date, one source partition)');
      assert.equal(after.markers, analystTables.length);
    });

    it('a sink restarted after compaction neither doubles nor loses rows, from offset 0 or with new events', async () => {
      await drain('compact-sink-from-zero');
      assert.equal(await counts(), await expected());
      await play(handler, 2, 3);
      await drain('compact-sink');
      const want = await expected();
      assert.equal(await counts(), want);
      const report = await compactWatched(want);
      assert.equal(report.compacted.length, analystTables.length, JSON.stringify(report));
      assert.equal(await counts(), want);
      assert.deepEqual(await files(), { data: analystTables.length, markers: analystTables.length });
      await drain('compact-sink-again');
      assert.equal(await counts(), want);
    });
  });
};
