import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  BASE_GEN,
  dateDir,
  DATE_VALUE,
  EXPORT_ID_VALUE,
  exportFileName,
  exportIdAt,
  exportIdOf,
  exportPartition,
  fileName,
  GEN_VALUE,
  generationPartition,
  genDirName,
  genOfMarkerDir,
  markerName,
  newestGen,
  nextGen,
  parseFileName,
  parseMarkerName,
  partitionDirOf,
  partitionPathOf,
  watermarkKey,
} from './lakeLayout.js';

describe('lakeLayout', () => {
  describe('data files', () => {
    it('names the sink’s file of a log range in the date’s folder', () => {
      const range = { table: 'all_events', dt: '2026-11-23', topic: 'all_events', partition: 3, from: 10, to: 42 };
      assert.equal(fileName(range, 'parquet'), 'all_events/dt=2026-11-23/part-all_events-3-10-42.parquet');
      assert.equal(fileName({ ...range, gen: BASE_GEN }, 'parquet'), 'all_events/dt=2026-11-23/part-all_events-3-10-42.parquet');
    });

    it('names a merged generation’s file under gen=<g>/', () => {
      const range = { table: 'buys', dt: '2026-11-23', topic: 'buy_events', partition: 0, from: 0, to: 9, gen: '0002' };
      assert.equal(fileName(range, 'parquet'), 'buys/dt=2026-11-23/gen=0002/part-buy_events-0-0-9.parquet');
    });

    it('reads back what it names, generation 0 included', () => {
      const range = fc.record({
        table: fc.constantFrom('all_events', 'buys', 'social'),
        dt: fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
        topic: fc.constantFrom('all_events', 'buy_events', 'social_events'),
        partition: fc.nat(999),
        from: fc.nat(1e9),
        to: fc.nat(1e9),
        gen: fc.integer({ min: 0, max: 9999 }).map((g) => String(g).padStart(4, '0')),
      });
      fc.assert(fc.property(range, (r) => assert.deepEqual(parseFileName(fileName(r, 'parquet')), { ...r })));
    });

    it('reads nothing from other paths: markers, exports, temporary files', () => {
      for (const path of [
        'buys/dt=2026-11-23/marker=0001/marker.parquet',
        'players_exports/export_id=000000000000001/part-000000000000001.parquet',
        'buys/dt=2026-11-23/part-buy_events-0-0-9.parquet.tmp',
        'buys/part-buy_events-0-0-9.parquet',
      ])
        assert.equal(parseFileName(path), null, path);
    });
  });

  describe('generations', () => {
    it('numbers generations in four digits that sort as text', () => {
      assert.equal(nextGen(BASE_GEN), '0001');
      assert.equal(nextGen('0009'), '0010');
      assert.equal(newestGen([]), BASE_GEN);
      assert.equal(newestGen(['0002', '0010', '0001']), '0010');
    });

    it('names and reads back a generation’s marker', () => {
      const path = markerName('buys', '2026-11-23', '0003', 'parquet');
      assert.equal(path, 'buys/dt=2026-11-23/marker=0003/marker.parquet');
      assert.deepEqual(parseMarkerName(path), { table: 'buys', dt: '2026-11-23', gen: '0003' });
      assert.equal(parseMarkerName('buys/dt=2026-11-23/part-buy_events-0-0-9.parquet'), null);
    });

    it('names the folders an engine walks inside a date', () => {
      assert.equal(genDirName('0003'), 'gen=0003');
      assert.equal(genOfMarkerDir('marker=0003'), '0003');
      assert.equal(genOfMarkerDir('gen=0003'), null);
    });

    it('gives generation 0 no partition of its own', () => {
      assert.deepEqual(generationPartition('buys', '2026-11-23', BASE_GEN), { table: 'buys', dt: '2026-11-23' });
      assert.deepEqual(generationPartition('buys', '2026-11-23', '0002'), { table: 'buys', dt: '2026-11-23', gen: '0002' });
    });
  });

  describe('partitions', () => {
    it('puts a partition in its column’s folder', () => {
      assert.equal(dateDir('buys', '2026-11-23'), 'buys/dt=2026-11-23');
      assert.equal(partitionDirOf({ table: 'buys', dt: '2026-11-23' }), 'buys/dt=2026-11-23');
      assert.equal(partitionDirOf({ table: 'players_exports', column: 'export_id', dt: '7' }), 'players_exports/export_id=7');
      assert.equal(partitionPathOf({ table: 'buys', dt: '2026-11-23', gen: '0002' }), 'buys/dt=2026-11-23/gen=0002');
      assert.equal(partitionPathOf({ table: 'buys', dt: '2026-11-23' }), 'buys/dt=2026-11-23');
    });

    it('tells partition values of the right shape', () => {
      assert.ok(DATE_VALUE.test('2026-11-23') && !DATE_VALUE.test("2026-11-23' or 1=1"));
      assert.ok(GEN_VALUE.test('0002') && !GEN_VALUE.test('2'));
      assert.ok(EXPORT_ID_VALUE.test(exportIdAt(Date.UTC(2026, 10, 23))) && !EXPORT_ID_VALUE.test('x'));
    });

    it('keeps watermarks of one table, source partition and date apart', () => {
      assert.notEqual(watermarkKey('buys', 'buy_events', 1, '2026-11-23'), watermarkKey('buys', 'buy_events', 11, '2026-11-23'));
    });
  });

  describe('state exports', () => {
    it('orders export ids as text in the order they were taken', () => {
      fc.assert(fc.property(fc.nat(), fc.nat(), (a, b) => assert.equal(a < b, exportIdAt(a) < exportIdAt(b))));
    });

    it('names an export’s file, its partition, and reads its id back', () => {
      const id = exportIdAt(1_700_000_000_000);
      const path = exportFileName({ name: 'players' }, id, 'parquet');
      assert.equal(path, `players_exports/export_id=${id}/part-${id}.parquet`);
      assert.deepEqual(exportPartition({ name: 'players' }, id), { table: 'players_exports', column: 'export_id', dt: id });
      assert.equal(exportIdOf(path), id);
      assert.equal(exportIdOf('players_exports/part-1.parquet'), null);
    });
  });
});
