import assert from 'node:assert/strict';
import * as E from 'fp-ts/lib/Either.js';
import {
  analystTables,
  analystViews,
  type LakeStore,
  type QueryEngine,
  type RowFileEncoder,
  type StoredEvent,
  type TablePartition,
  type TableRegistry,
} from '@placebo/domain';
import { storedEvent, unique } from './fixtures.js';

/** A fresh, empty lake and the engine over it. */
export interface LakeHarness {
  readonly lake: LakeStore;
  readonly encoder: RowFileEncoder;
  /** The engine over this lake, with the analyst tables and views under their names. */
  readonly query: QueryEngine;
  /** Makes published partitions queryable (the sink calls it after publishing). */
  readonly registry: TableRegistry;
  /** A second registry over the same lake and schema, as another sink process holds one. */
  readonly otherRegistry: TableRegistry;
  readonly close: () => Promise<void>;
}

const ok = async <A>(te: () => Promise<E.Either<unknown, A>>): Promise<A> => {
  const r = await te();
  if (E.isLeft(r)) assert.fail(`expected Right, got ${JSON.stringify(r.left)}`);
  return r.right;
};

/** One event of every kind that some analyst table keeps. */
const sample = (p: string): StoredEvent[] => [
  storedEvent(p, 1, { type: 'PlayerRegistered', name: 'dirk' as never, wealth: 12345 as never, health: 100 }),
  storedEvent(p, 2, {
    type: 'ItemPurchased',
    kind: 'sword',
    item_type: 'cutlass' as never,
    quantity: 1 as never,
    unit_price: 5000 as never,
    discount: 0 as never,
    cost: 5000 as never,
    offer_id: null,
    pricing: 'client',
    heal: 0,
  }),
  storedEvent(p, 3, {
    type: 'PurchaseRefused',
    kind: 'sword',
    item_type: 'longsword' as never,
    quantity: 1 as never,
    unit_price: 10000 as never,
    discount: 0 as never,
    cost: 10000 as never,
    offer_id: null,
    pricing: 'client',
    reason: 'insufficient_funds',
  }),
  storedEvent(p, 4, { type: 'OrgJoined', org_kind: 'guild', org: 'soldiers' as never, level: 'recruit' as never, cost: 100 as never, pricing: 'catalogue' }),
  storedEvent(p, 5, {
    type: 'FightFought',
    enemy: 'orc' as never,
    outcome: 'won',
    power: 22,
    win_chance: 0.35,
    roll: 0.1 as never,
    reward: 200 as never,
    damage: 12,
  }),
];

/** Publishing, listing and removing files. */
const fileCases = (get: () => LakeHarness): void => {
  it('lists exactly the published files', async () => {
    const h = get();
    const dir = unique('dir');
    await ok(h.lake.publish(`${dir}/a/one.bin`, new Uint8Array([1, 2, 3])));
    await ok(h.lake.publish(`${dir}/two.bin`, new Uint8Array([4])));
    assert.deepEqual([...(await ok(h.lake.list(dir)))].sort(), [`${dir}/a/one.bin`, `${dir}/two.bin`]);
    assert.deepEqual(await ok(h.lake.list(unique('empty'))), []);
    assert.ok(
      (await ok(h.lake.list(''))).every((f) => !f.startsWith('_tmp/')),
      'files being written are never listed',
    );
  });

  it('removes files, and removing a file that is not there is no error', async () => {
    const h = get();
    const dir = unique('rm');
    await ok(h.lake.publish(`${dir}/a.bin`, new Uint8Array([1])));
    await ok(h.lake.publish(`${dir}/b.bin`, new Uint8Array([2])));
    await ok(h.lake.remove([`${dir}/a.bin`, `${dir}/never.bin`]));
    assert.deepEqual(await ok(h.lake.list(dir)), [`${dir}/b.bin`]);
    await ok(h.lake.remove([`${dir}/a.bin`]));
    await ok(h.lake.remove([]));
  });
};

/** Every analyst table and view, registered and read back. */
const tableCases = (get: () => LakeHarness): void => {
  it('registers from two processes at once, and every table and view answers, empty, before any file lands', async () => {
    const h = get();
    const [mine, theirs] = await Promise.all([h.registry.register([])(), h.otherRegistry.register([])()]);
    assert.ok(E.isRight(mine), JSON.stringify(mine));
    assert.ok(E.isRight(theirs), JSON.stringify(theirs));
    for (const name of [...analystTables.map((t) => t.name), ...analystViews.map((v) => v.name)]) {
      assert.deepEqual((await ok(h.query.query(`select count(*) from ${name}`))).rows, [[0]], name);
    }
    for (const t of analystTables) {
      const all = await ok(h.query.query(`select * from ${t.name} where false`));
      assert.deepEqual(all.columns, [...t.columns.map((c) => c.name), 'dt'], `${t.name}: declared columns, then the partition`);
    }
  });

  it('answers SQL on every analyst table from encoded files, values intact', async () => {
    const h = get();
    const p = unique('lake');
    const events = sample(p);
    const partitions: TablePartition[] = [];
    for (const table of analystTables) {
      const rows = events.map(table.project).filter((r) => r !== null);
      assert.ok(rows.length > 0, `the sample feeds ${table.name}`);
      const bytes = await ok(h.encoder.encode(table.columns, rows));
      await ok(h.lake.publish(`${table.name}/dt=2026-11-23/part-${table.source}-0-${p}.${h.encoder.extension}`, bytes));
      partitions.push({ table: table.name, dt: '2026-11-23' });
    }
    await Promise.all([ok(h.registry.register(partitions)), ok(h.otherRegistry.register(partitions))]);
    await ok(h.registry.register(partitions));
    const count = async (sql: string): Promise<unknown[]> => (await ok(h.query.query(sql))).rows.map((r) => r[0]);
    assert.deepEqual(await count(`select count(*) from all_events where player_id = '${p}'`), [5]);
    assert.deepEqual((await ok(h.query.query(`select status, type, cost, player_wealth from buys where player_id = '${p}' order by player_version`))).rows, [
      ['approved_purchase', 'cutlass', 5000, 100],
      ['insufficient_funds', 'longsword', 10000, 100],
    ]);
    assert.deepEqual(await count(`select org from social where player_id = '${p}'`), ['soldiers']);
    assert.deepEqual(await count(`select outcome from fights where player_id = '${p}'`), ['won']);
    assert.deepEqual(
      await count(`select count(*) from purchases where host = 'contract.test' and event_type = 'purchase_sword' and raw_event like '%${p}%'`),
      [1],
    );
    const ts = await ok(h.query.query(`select occurred_at, timestamp, player_version, dt from all_events where player_id = '${p}' and player_version = 1`));
    assert.deepEqual(ts.columns, ['occurred_at', 'timestamp', 'player_version', 'dt']);
    assert.deepEqual(ts.rows, [['2026-11-23T12:00:01.000Z', '2026-11-23 12:00:01.000', 1, '2026-11-23']]);
  });

  it('serves a republished file in place of the old one, never both', async () => {
    const h = get();
    const p = unique('again');
    const fights = analystTables.find((t) => t.name === 'fights')!;
    const rows = sample(p)
      .map(fights.project)
      .filter((r) => r !== null);
    const path = `fights/dt=2026-11-24/part-all_events-0-${p}.${h.encoder.extension}`;
    await ok(h.lake.publish(path, await ok(h.encoder.encode(fights.columns, rows))));
    await ok(h.registry.register([{ table: 'fights', dt: '2026-11-24' }]));
    await ok(
      h.lake.publish(
        path,
        await ok(
          h.encoder.encode(
            fights.columns,
            rows.map((r) => ({ ...r, outcome: 'lost' })),
          ),
        ),
      ),
    );
    assert.deepEqual((await ok(h.query.query(`select outcome from fights where player_id = '${p}'`))).rows, [['lost']]);
  });
};

/** The engine's values and errors. */
const valueCases = (get: () => LakeHarness): void => {
  it('returns the same JS values for the same SQL values', async () => {
    const h = get();
    const r = await ok(
      h.query.query(
        'select cast(7 as integer) as i, cast(9007199254740993 as bigint) as big, cast(2.5 as double) as d, cast(1.25 as decimal(10, 2)) as m, ' +
          "true as b, 'x' as s, cast(null as varchar) as n, date '2026-11-23' as day, timestamp '2026-11-23 12:00:01.500' as ts",
      ),
    );
    assert.deepEqual(r.columns, ['i', 'big', 'd', 'm', 'b', 's', 'n', 'day', 'ts']);
    assert.deepEqual(r.rows, [[7, '9007199254740993', 2.5, 1.25, true, 'x', null, '2026-11-23', '2026-11-23T12:00:01.500Z']]);
  });

  it('reports bad SQL as QueryFailed, not as an infrastructure failure', async () => {
    const h = get();
    const r = await h.query.query('select nope from nowhere')();
    assert.ok(E.isLeft(r));
    assert.equal(r.left._tag, 'QueryFailed');
  });
};

/** Files published to the lake are whole and every analyst table reads back through SQL with the declared types. */
export const lakeContract = (name: string, open: () => Promise<LakeHarness>): void => {
  describe(`lake and query contract: ${name}`, () => {
    let h: LakeHarness;
    before(async () => {
      h = await open();
    });
    after(async () => h.close());

    fileCases(() => h);
    tableCases(() => h);
    valueCases(() => h);
  });
};
