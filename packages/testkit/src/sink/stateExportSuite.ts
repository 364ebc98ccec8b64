import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import {
  createCommandHandler,
  createDecider,
  EXPORT_COLUMN,
  exportIdAt,
  exportsTableOf,
  stateTables,
  type CommandHandler,
  type LakeStore,
  type PlayerCommand,
  type PlayerState,
  type QueryEngine,
  type RowFileEncoder,
  type TableRegistry,
} from '@placebo/domain';
import { createScryptHasher, cryptoIds, openEmbedded, systemClock, type Infrastructure } from '@placebo/adapters';
import { exportState, type StateExportReport } from '@placebo/app-sink';
import { loadCatalogue } from '../domain/catalogue.js';

/** A fresh, empty lake and the engine over it, with the state tables declared. */
export interface StateLakeHarness {
  readonly lake: LakeStore;
  readonly registry: TableRegistry;
  readonly query: QueryEngine;
  readonly encoder: RowFileEncoder;
  readonly close: () => Promise<void>;
}

const catalogue = loadCatalogue();
const meta = { command_id: null, request: { host: 'state.test', user_agent: 'mocha', accept: '*/*' } };
const T0 = Date.parse('2026-12-01T10:00:00.000Z');

const ok = async <A>(te: () => Promise<E.Either<unknown, A>>): Promise<A> => {
  const r = await te();
  if (E.isLeft(r)) assert.fail(`expected Right, got ${JSON.stringify(r.left)}`);
  return r.right;
};

const handlerFor = (infra: Infrastructure): CommandHandler =>
  createCommandHandler({
    decider: createDecider(catalogue),
    ...infra,
    clock: systemClock,
    ids: cryptoIds,
    hasher: createScryptHasher({ cost: 1024 }),
    sessionTtlSeconds: 60,
  });

const buy = (kind: 'sword' | 'potion', type: string, quantity: number): PlayerCommand => ({
  type: 'BuyItem',
  kind,
  item_type: type as never,
  quantity: quantity as never,
  offer_id: null,
  client_cost: null,
});

interface StateFixture {
  readonly h: StateLakeHarness;
  readonly infra: Infrastructure;
}

/** Exports and reads back for one suite: `exportNow` exports a minute after the previous export. */
const stateProbes = (get: () => StateFixture, { rich, poor }: { readonly rich: string; readonly poor: string }) => {
  let exportsDone = 0;
  const rows = async (sql: string): Promise<ReadonlyArray<ReadonlyArray<unknown>>> => (await ok(get().h.query.query(sql))).rows;
  const exportNow = async (): Promise<{ report: StateExportReport; at: number }> => {
    const { h, infra } = get();
    const at = T0 + 60_000 * exportsDone++;
    const report = await ok(() =>
      exportState({ snapshots: infra.snapshots, lake: h.lake, registry: h.registry, encoder: h.encoder, tables: stateTables, now: () => at, pageSize: 1 }),
    );
    return { report, at };
  };
  const state = async (id: string): Promise<PlayerState> => O.getOrElseW(() => assert.fail(`no snapshot of ${id}`))(await ok(get().infra.snapshots.get(id)));
  const iso = (ms: number): string => new Date(ms).toISOString();

  /** Exactly the rows the snapshots hold now, exported at `at`. */
  const assertCurrent = async (at: number): Promise<void> => {
    const [r, p] = [await state(rich), await state(poor)];
    const player = (s: PlayerState, items: number, orgs: number) => [
      s.id,
      s.name,
      s.wealth,
      s.health,
      iso(Date.parse(s.created_at)),
      items,
      orgs,
      s.version,
      iso(at),
    ];
    assert.deepEqual(
      await rows('select player_id, name, wealth, health, created_at, num_items, num_orgs, version, exported_at from players order by player_id'),
      [player(p, 0, 0), player(r, 4, 1)],
    );
    assert.deepEqual(await rows('select player_id, kind, type, quantity from player_items order by player_id, kind, type'), [
      [rich, 'potion', 'potion', 1],
      [rich, 'sword', 'cutlass', 3],
    ]);
    const joined = r.affiliations[0]!.joined_at;
    assert.deepEqual(await rows('select player_id, org_kind, org, level, joined_at from player_orgs'), [
      [rich, 'guild', 'soldiers', 'recruit', iso(Date.parse(joined))],
    ]);
  };

  return { rows, exportNow, assertCurrent };
};

/**
 * Players registered through the command handler (embedded log and snapshots), exported by `exportState` into the
 * harness' lake, read back through its engine: exact rows, and never none nor twice while exports replace each other.
 */
export const stateExportSuite = (name: string, open: () => Promise<StateLakeHarness>): void => {
  describe(`state export: ${name}`, function () {
    this.timeout(300_000);
    let h: StateLakeHarness;
    let dir: string;
    let infra: Infrastructure;
    let handler: CommandHandler;
    const run = Math.random().toString(36).slice(2, 8);
    const [rich, poor] = [`rich-${run}`, `poor-${run}`];

    const { rows, exportNow, assertCurrent } = stateProbes(() => ({ h, infra }), { rich, poor });

    before(async () => {
      h = await open();
      dir = mkdtempSync(join(tmpdir(), 'placebo-state-'));
      infra = openEmbedded({ dataDir: dir });
      handler = handlerFor(infra);
      for (const [id, wealth] of [
        [rich, 50_000],
        [poor, 100],
      ] as const)
        assert.ok(E.isRight(await handler.register({ player_id: id, name: id as never, password: null, wealth, origin: 'seed' }, meta)()));
      for (const c of [
        buy('sword', 'cutlass', 2),
        buy('potion', 'potion', 1),
        { type: 'JoinOrg', org_kind: 'guild', org: 'soldiers' as never, level: 'recruit' as never, client_cost: null } satisfies PlayerCommand,
      ]) {
        assert.ok(E.isRight(await handler.execute(rich, c, meta)()));
      }
    });
    after(async () => {
      await h?.close();
      await infra?.close();
      if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    });

    it('answers every state table, empty and with the declared columns, before any export', async () => {
      for (const t of stateTables) {
        const r = await ok(h.query.query(`select * from ${t.name}`));
        assert.deepEqual(
          r.columns,
          t.columns.map((c) => c.name),
          t.name,
        );
        assert.deepEqual(r.rows, [], t.name);
      }
    });

    it('exports every registered player, their items and memberships', async () => {
      await ok(handler.execute(rich, buy('sword', 'cutlass', 1), meta));
      const { report, at } = await exportNow();
      assert.deepEqual(report, { export_id: exportIdAt(at), players: 2, rows: { players: 2, player_items: 2, player_orgs: 1 }, removed: [] });
      await assertCurrent(at);
    });

    it('replaces the previous export at once: queries during an export see one export, never none nor both', async () => {
      await ok(handler.execute(poor, { type: 'Fight', enemy: 'goblin' as never, roll: 0.99 as never }, meta));
      let exporting = true;
      const seen = new Set<string>();
      const watch = (async () => {
        while (exporting) {
          const [[players, items, exports]] = (await rows(
            `select (select count(*) from players), (select count(*) from player_items), (select count(distinct exported_at) from players)`,
          )) as [[number, number, number]];
          assert.deepEqual([players, items, exports], [2, 2, 1], 'two players, two items, from one export');
          seen.add(String((await rows('select max(exported_at) from players'))[0]![0]));
        }
      })();
      const { at } = await exportNow().finally(() => (exporting = false));
      await watch;
      assert.ok(seen.size >= 1);
      await assertCurrent(at);
      assert.deepEqual(await rows(`select count(distinct ${EXPORT_COLUMN}) from ${exportsTableOf({ name: 'players' })}`), [[2]]);
    });

    it('keeps the last two exports and removes older ones, files and partitions', async () => {
      const first = exportIdAt(T0);
      const { report, at } = await exportNow();
      assert.deepEqual(report.removed, [first]);
      await assertCurrent(at);
      for (const t of stateTables) {
        const ids = new Set((await ok(h.lake.list(exportsTableOf(t)))).map((p) => /export_id=(\d+)/.exec(p)?.[1]));
        assert.deepEqual([...ids].sort(), [exportIdAt(T0 + 60_000), exportIdAt(at)], t.name);
        assert.deepEqual(await rows(`select count(distinct ${EXPORT_COLUMN}) from ${exportsTableOf(t)}`), [[2]], t.name);
      }
    });
  });
};
