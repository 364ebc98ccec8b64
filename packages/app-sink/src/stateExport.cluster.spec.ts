import { randomUUID } from 'node:crypto';
import { analystTables, analystViews, exportsTableOf, stateTables, storageTablesOf } from '@placebo/domain';
import { createParquetEncoder, createPrestoQueryEngine, createWebHdfsLakeStore } from '@placebo/adapters';
import { ensureStack } from '@placebo/testkit/stack';
import { stateExportSuite } from '@placebo/testkit/sink';

const WEBHDFS = 'http://127.0.0.1:9870';
const USER = 'placebo';

describe('cluster state export (WebHDFS + Presto)', function () {
  this.timeout(300_000);
  before(async () => ensureStack(['hdfs', 'presto']));

  stateExportSuite('cluster (WebHDFS + parquetjs-lite + Presto)', async () => {
    const id = randomUUID().replaceAll('-', '').slice(0, 12);
    const root = `/placebo-test/state-${id}`;
    const schema = `t_state_${id}`;
    const lake = createWebHdfsLakeStore({ url: WEBHDFS, user: USER, root });
    const engine = createPrestoQueryEngine({
      url: 'http://127.0.0.1:8090',
      user: USER,
      catalog: 'hive',
      schema,
      location: `hdfs://127.0.0.1:8020${root}`,
      tables: analystTables,
      views: analystViews,
      stateTables,
      lake,
    });
    return {
      lake,
      registry: engine,
      query: engine,
      encoder: createParquetEncoder(),
      close: async () => {
        const drops = [
          ...[...stateTables, ...analystViews, ...analystTables].map((v) => `drop view if exists ${v.name}`),
          ...[...analystTables.flatMap(storageTablesOf), ...stateTables.map(exportsTableOf)].map((t) => `drop table if exists ${t}`),
          `drop schema if exists ${schema}`,
        ];
        for (const sql of drops) await engine.query(sql)();
        await engine.close();
        await lake.close();
        await fetch(`${WEBHDFS}/webhdfs/v1${root}?op=DELETE&recursive=true&user.name=${USER}`, { method: 'DELETE' });
      },
    };
  });
});
