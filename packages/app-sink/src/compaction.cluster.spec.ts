import { randomUUID } from 'node:crypto';
import { analystTables, analystViews, storageTablesOf } from '@placebo/domain';
import { createDuckDbParquetDecoder, createParquetEncoder, createPrestoQueryEngine, createWebHdfsLakeStore } from '@placebo/adapters';
import { ensureStack } from '@placebo/testkit/stack';
import { compactionSuite } from '@placebo/testkit/sink';

const WEBHDFS = 'http://127.0.0.1:9870';
const USER = 'placebo';

describe('cluster compaction (WebHDFS + Presto)', function () {
  this.timeout(600_000);
  before(async () => ensureStack(['hdfs', 'presto']));

  compactionSuite('cluster (WebHDFS + parquetjs-lite + Presto)', async () => {
    const id = randomUUID().replaceAll('-', '').slice(0, 12);
    const root = `/placebo-test/compact-${id}`;
    const schema = `t_compact_${id}`;
    const lake = createWebHdfsLakeStore({ url: WEBHDFS, user: USER, root });
    const engine = createPrestoQueryEngine({
      url: 'http://127.0.0.1:8090',
      user: USER,
      catalog: 'hive',
      schema,
      location: `hdfs://127.0.0.1:8020${root}`,
      tables: analystTables,
      views: analystViews,
      lake,
    });
    const decoder = createDuckDbParquetDecoder();
    return {
      lake,
      registry: engine,
      query: engine,
      encoder: createParquetEncoder(),
      decoder,
      graceMs: 3000,
      settleMs: 1000,
      close: async () => {
        const drops = [
          ...[...analystViews, ...analystTables].map((v) => `drop view if exists ${v.name}`),
          ...analystTables.flatMap(storageTablesOf).map((t) => `drop table if exists ${t}`),
          `drop schema if exists ${schema}`,
        ];
        for (const sql of drops) await engine.query(sql)();
        decoder.close();
        await engine.close();
        await lake.close();
        await fetch(`${WEBHDFS}/webhdfs/v1${root}?op=DELETE&recursive=true&user.name=${USER}`, { method: 'DELETE' });
      },
    };
  });
});
