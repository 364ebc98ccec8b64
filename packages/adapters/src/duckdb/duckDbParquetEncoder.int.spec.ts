import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { analystTables, type Cell, type Column, type Row, type RowFileEncoder, type StoredEvent, type TableSpec } from '@placebo/domain';
import { storedEvent } from '@placebo/testkit/contracts';
import { createLocalLakeStore } from '../local/localLakeStore.js';
import { createParquetEncoder } from '../parquet/parquetEncoder.js';
import { createDuckDbParquetEncoder } from './duckDbParquetEncoder.js';
import { createDuckDbQueryEngine } from './duckDbQueryEngine.js';

const ok = async <A>(te: () => Promise<E.Either<unknown, A>>): Promise<A> => {
  const r = await te();
  if (E.isLeft(r)) assert.fail(`expected Right, got ${JSON.stringify(r.left)}`);
  return r.right;
};

/** A lake on disk, one encoder writing it and the DuckDB engine reading it, as in embedded mode. */
const lakeWith = (encoder: RowFileEncoder) => {
  const root = mkdtempSync(join(tmpdir(), 'placebo-encoder-'));
  const lake = createLocalLakeStore({ root });
  const engine = createDuckDbQueryEngine({ root, tables: analystTables, views: [] });
  return {
    root,
    write: async (table: TableSpec, name: string, rows: ReadonlyArray<Row>): Promise<string> => {
      const path = `${table.name}/dt=2026-11-23/part-${table.source}-0-${name}.${encoder.extension}`;
      await ok(lake.publish(path, await ok(encoder.encode(table.columns, rows))));
      return join(root, path);
    },
    rows: async (sql: string) => (await ok(engine.query(sql))).rows,
    close: async () => {
      await engine.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
};

/** The declared columns, in order (the engine's views also carry the partition column). */
const columnsOf = (t: TableSpec): string => t.columns.map((c) => `"${c.name}"`).join(', ');

/** What the engine answers for a cell that went in as `v`: timestamps come back as ISO text. */
const readBack = (c: Column, v: Cell | undefined): unknown =>
  v === null || v === undefined ? null : c.type === 'timestamp' ? new Date(Number(v)).toISOString() : v;

const unicode = 'Grüße, 日本語, emoji 😀🎮, "quotes", \'apostrophes\', back\\slash, tab\tnewline\n';

const request = { host: 'bücher.example', user_agent: unicode, accept: '*/*' };
const event = (version: number, data: StoredEvent['data'], at: string): StoredEvent => ({
  ...storedEvent('spieler-ü-😀', version, data),
  occurred_at: at,
  request,
  player: { wealth: 1e12 as never, health: 100, items: 2_000_000_000, orgs: 1, created_at: '1999-12-31T23:59:59.999Z' },
});

/** Every kind of event an analyst table keeps, with nulls, unicode, integers up to 1e12 and millisecond timestamps. */
const events: StoredEvent[] = [
  event(1, { type: 'PlayerRegistered', name: 'dirk' as never, wealth: 1e12 as never, health: 100 }, '2026-11-23T12:00:01.123Z'),
  event(
    2,
    {
      type: 'ItemPurchased',
      kind: 'sword',
      item_type: 'säbel' as never,
      quantity: 1e12 as never,
      unit_price: 0.1 as never,
      discount: 0 as never,
      cost: 5000.25 as never,
      offer_id: null,
      pricing: 'client',
      heal: 0,
    },
    '2026-11-23T00:00:00.000Z',
  ),
  event(
    3,
    {
      type: 'PurchaseRefused',
      kind: 'potion',
      item_type: 'heal' as never,
      quantity: 3 as never,
      unit_price: 1e12 as never,
      discount: 0.5 as never,
      cost: 3e12 as never,
      offer_id: 'winter-🎁' as never,
      pricing: 'catalogue',
      reason: 'insufficient_funds',
    },
    '2026-11-23T23:59:59.999Z',
  ),
  event(
    4,
    { type: 'OrgJoined', org_kind: 'guild', org: 'Ritter 🛡' as never, level: 'recruit' as never, cost: 100 as never, pricing: 'catalogue' },
    '2026-11-23T12:00:04.004Z',
  ),
  event(5, { type: 'OrgLeft', org_kind: 'guild', org: 'Ritter 🛡' as never, level: 'recruit' as never }, '2026-11-23T12:00:05.000Z'),
  event(
    1e12,
    { type: 'FightFought', enemy: 'orc' as never, outcome: 'lost', power: 22.5, win_chance: 1 / 3, roll: 0.999 as never, reward: 0 as never, damage: -12 },
    '1970-01-01T00:00:00.001Z',
  ),
];

describe('DuckDB Parquet encoder', () => {
  const duck = createDuckDbParquetEncoder();
  const encoders = [
    ['duckdb', duck],
    ['parquetjs', createParquetEncoder()],
  ] as const;
  const lakes = encoders.map(([name, encoder]) => ({ name, ...lakeWith(encoder) }));
  after(async () => {
    for (const l of lakes) await l.close();
    duck.close();
  });

  for (const table of analystTables) {
    it(`writes ${table.name} so that DuckDB reads back what parquetjs-lite's file holds, value for value`, async () => {
      const projected = events.map(table.project).filter((r): r is Row => r !== null);
      assert.ok(projected.length > 0, `the sample feeds ${table.name}`);
      // A row with every column null but its key.
      const sparse: Row = { ...Object.fromEntries(table.columns.map((c) => [c.name, null])), event_id: 'sparse', player_version: 0 };
      const rows = [...projected, sparse];
      for (const l of lakes) await l.write(table, 'sample', rows);
      const sql = `select ${columnsOf(table)} from ${table.name} order by player_version, event_id`;
      const [fromDuck, fromParquetjs] = await Promise.all(lakes.map((l) => l.rows(sql)));
      assert.deepEqual(fromDuck, fromParquetjs);
      const expected = [...rows]
        .sort((a, b) => Number(a.player_version) - Number(b.player_version))
        .map((r) => table.columns.map((c) => readBack(c, r[c.name])));
      assert.deepEqual(fromDuck, expected);
    });
  }

  it('lays out the same Parquet schema: flat optional columns, INT64 TIMESTAMP_MILLIS, Snappy', async () => {
    const table = analystTables[0]!;
    const rows = events.map(table.project).filter((r): r is Row => r !== null);
    const files = await Promise.all(lakes.map((l) => l.write(table, 'schema', rows)));
    const schemaOf = async (i: number) => {
      const file = files[i]!.replaceAll("'", "''");
      // Each lake's engine reads its own folder only (the sandbox), so each file is read by its lake's engine.
      const fields = await lakes[i]!.rows(`select name, type, repetition_type, converted_type from parquet_schema('${file}') where type is not null`);
      // DuckDB also annotates integers (INT_32, INT_64), which every reader takes as the plain type.
      return fields.map(([name, type, repetition, converted]) => [name, type, repetition, converted === 'INT_32' || converted === 'INT_64' ? null : converted]);
    };
    const [duckSchema, parquetjsSchema] = [await schemaOf(0), await schemaOf(1)];
    assert.deepEqual(duckSchema, parquetjsSchema);
    assert.deepEqual(
      duckSchema.find(([name]) => name === 'occurred_at'),
      ['occurred_at', 'INT64', 'OPTIONAL', 'TIMESTAMP_MILLIS'],
    );
    const codecs = await lakes[0]!.rows(`select distinct compression from parquet_metadata('${files[0]!.replaceAll("'", "''")}')`);
    assert.deepEqual(codecs, [['SNAPPY']]);
  });

  it('round-trips arbitrary rows of every analyst table (property)', async () => {
    const cell = (c: Column): fc.Arbitrary<Cell> => {
      switch (c.type) {
        case 'string':
          return fc.string({ unit: 'grapheme', maxLength: 40 });
        case 'int32':
          return fc.integer();
        case 'int64':
          return fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }).map(Number);
        case 'double':
          return fc.double({ noNaN: true, noDefaultInfinity: true });
        case 'boolean':
          return fc.boolean();
        case 'timestamp':
          return fc.integer({ min: -2_208_988_800, max: 4_102_444_800 }).chain((s) => fc.integer({ min: 0, max: 999 }).map((ms) => s * 1000 + ms));
        default: {
          const never: never = c.type;
          return never;
        }
      }
    };
    const rowOf = (t: TableSpec): fc.Arbitrary<Row> =>
      fc.record(Object.fromEntries(t.columns.map((c) => [c.name, fc.option(cell(c), { nil: null, freq: 4 })])));
    const tableAndRows = fc
      .constantFrom(...analystTables)
      .chain((t) => fc.tuple(fc.constant(t), fc.array(rowOf(t), { minLength: 1, maxLength: 20 })))
      .map(([t, rows]) => [t, rows.map((r, i): Row => ({ ...r, player_version: i }))] as const);
    const lake = lakes[0]!;
    let run = 0;
    await fc.assert(
      fc.asyncProperty(tableAndRows, async ([table, rows]) => {
        const file = await lake.write(table, `prop${run++}`, rows);
        const back = await lake.rows(`select ${columnsOf(table)} from read_parquet('${file.replaceAll("'", "''")}') order by player_version`);
        assert.deepEqual(
          back,
          rows.map((r) => table.columns.map((c) => readBack(c, r[c.name]))),
        );
      }),
      { numRuns: 40 },
    );
  });

  it('leaves no file behind, and removes what a killed process left', async () => {
    const base = mkdtempSync(join(tmpdir(), 'placebo-encoder-work-'));
    try {
      const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
      const leftover = join(base, `placebo-duckdb-${dead}`);
      const live = join(base, `placebo-duckdb-${process.ppid}`);
      for (const d of [leftover, live]) {
        mkdirSync(d);
        writeFileSync(join(d, 'placebo-x.parquet'), 'half a file');
      }
      const encoder = createDuckDbParquetEncoder({ tmpDir: base });
      const table = analystTables[0]!;
      await ok(
        encoder.encode(
          table.columns,
          events.map(table.project).filter((r): r is Row => r !== null),
        ),
      );
      encoder.close();
      assert.equal(existsSync(leftover), false, "the dead process's folder is gone");
      assert.deepEqual(readdirSync(live), ['placebo-x.parquet'], "a live process's files are left alone");
      assert.deepEqual(readdirSync(join(base, `placebo-duckdb-${process.pid}`)), [], 'nothing left of this encode');
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});
