import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import { analystTables, analystViews, storageTablesOf, type QueryEngine } from '@placebo/domain';
import { lakeContract } from '@placebo/testkit/contracts';
import { createWebHdfsLakeStore, type WebHdfsLakeStore } from '../hdfs/webHdfsLakeStore.js';
import { createParquetEncoder } from '../parquet/parquetEncoder.js';
import { createPrestoQueryEngine } from '../presto/prestoQueryEngine.js';
import { ensureStack } from '@placebo/testkit/stack';

const WEBHDFS = 'http://127.0.0.1:9870';
const PRESTO = 'http://127.0.0.1:8090';
const HDFS = 'hdfs://127.0.0.1:8020';

/** One isolated lake on the shared stack: its own HDFS folder and Presto schema. */
const testLake = () => {
  const id = randomUUID().replaceAll('-', '').slice(0, 12);
  const root = `/placebo-test/${id}`;
  const lake = createWebHdfsLakeStore({ url: WEBHDFS, user: 'placebo-test', root });
  const schema = `t_${id}`;
  const engine = () =>
    createPrestoQueryEngine({
      url: PRESTO,
      user: 'placebo-test',
      catalog: 'hive',
      schema,
      location: `${HDFS}${root}`,
      tables: analystTables,
      views: analystViews,
      lake,
    });
  return { root, lake, engine, schema };
};

/** Deletes a test lake's folder (WebHDFS recursive DELETE), so runs do not pile up on the shared HDFS. */
const dropFolder = async (root: string): Promise<void> => {
  await fetch(`${WEBHDFS}/webhdfs/v1${root}?op=DELETE&recursive=true&user.name=placebo-test`, { method: 'DELETE' });
};

/** Drops a test schema's views and tables (external: their files stay for `dropFolder`), then the schema. */
const dropSchema = async (engine: QueryEngine, schema: string): Promise<void> => {
  for (const sql of [
    ...[...analystViews, ...analystTables].map((v) => `drop view if exists ${v.name}`),
    ...analystTables.flatMap(storageTablesOf).map((t) => `drop table if exists ${t}`),
    `drop schema if exists ${schema}`,
  ]) {
    await engine.query(sql)();
  }
};

describe('cluster lake (WebHDFS + Presto)', function () {
  this.timeout(300_000);
  before(async () => ensureStack(['hdfs', 'presto']));

  lakeContract('cluster (WebHDFS + parquetjs-lite + Presto)', async () => {
    const { root, lake, engine, schema } = testLake();
    const [query, other] = [engine(), engine()];
    return {
      lake,
      encoder: createParquetEncoder(),
      query,
      registry: query,
      otherRegistry: other,
      close: async () => {
        await dropSchema(query, schema);
        await Promise.all([query.close(), other.close()]);
        await lake.close();
        await dropFolder(root);
      },
    };
  });

  describe('adapter specifics', () => {
    let lake: WebHdfsLakeStore;
    let root: string;
    before(() => {
      ({ lake, root } = testLake());
    });
    after(async () => {
      await lake.close();
      await dropFolder(root);
    });

    it('reports an unreachable NameNode or Presto as a retriable PortError', async () => {
      const deadLake = createWebHdfsLakeStore({ url: 'http://127.0.0.1:1', user: 'placebo-test', root: '/nowhere' });
      const deadEngine = createPrestoQueryEngine({
        url: 'http://127.0.0.1:1',
        user: 'placebo-test',
        catalog: 'hive',
        schema: 'nowhere',
        location: `${HDFS}/nowhere`,
        tables: analystTables,
        views: analystViews,
      });
      try {
        for (const r of [
          await deadLake.publish('a/b.bin', new Uint8Array([1]))(),
          await deadLake.list('a')(),
          await deadEngine.query('select 1')(),
          await deadEngine.register([])(),
        ]) {
          assert.ok(E.isLeft(r) && r.left._tag === 'PortError' && r.left.retriable, JSON.stringify(E.isLeft(r) ? r.left : r));
        }
      } finally {
        await Promise.all([deadLake.close(), deadEngine.close()]);
      }
    });

    it('refuses paths outside the lake and the temporary folder, without retrying', async () => {
      for (const path of ['../escape.bin', '_tmp/x.bin', '']) {
        const r = await lake.publish(path, new Uint8Array([1]))();
        assert.ok(E.isLeft(r) && !r.left.retriable, `${path}: ${JSON.stringify(r)}`);
      }
    });

    it('without the lake to create folders, creates a table once its first partition is registered', async () => {
      const schema = `t_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
      const engine = createPrestoQueryEngine({
        url: PRESTO,
        user: 'placebo-test',
        catalog: 'hive',
        schema,
        location: `${HDFS}${root}`,
        tables: analystTables,
        views: analystViews,
      });
      try {
        assert.ok(E.isRight(await engine.register([])()));
        const before = await engine.query('select count(*) from fights')();
        assert.ok(E.isLeft(before) && before.left._tag === 'QueryFailed', JSON.stringify(before));
        const fights = analystTables.find((t) => t.name === 'fights')!;
        const row = Object.fromEntries(fights.columns.map((c) => [c.name, null]));
        const bytes = await createParquetEncoder().encode(fights.columns, [{ ...row, event_id: 'e-1', outcome: 'won' }])();
        assert.ok(E.isRight(bytes));
        assert.ok(E.isRight(await lake.publish('fights/dt=2026-11-25/part-all_events-0-0-0.parquet', bytes.right)()));
        assert.ok(E.isRight(await engine.register([{ table: 'fights', dt: '2026-11-25' }])()));
        assert.deepEqual(
          await engine.query('select event_id, outcome, dt from fights')(),
          E.right({ columns: ['event_id', 'outcome', 'dt'], rows: [['e-1', 'won', '2026-11-25']] }),
        );
      } finally {
        await dropSchema(engine, schema);
        await engine.close();
      }
    });

    it('publishes many files concurrently, each listed once', async () => {
      const files = Array.from({ length: 40 }, (_, i) => `many/dt=2026-11-${String(1 + (i % 3)).padStart(2, '0')}/part-${i}.bin`);
      const results = await Promise.all(files.map((f, i) => lake.publish(f, new Uint8Array(1024).fill(i))()));
      assert.ok(results.every(E.isRight), JSON.stringify(results.find(E.isLeft)));
      const listed = await lake.list('many')();
      assert.ok(E.isRight(listed));
      assert.deepEqual(listed.right, [...files].sort());
    });
  });
});
