import assert from 'node:assert/strict';
import { ensureStack } from '@placebo/testkit/stack';
import { clusterEnv, placebo, placeboRun, startServer, stop } from '@placebo/testkit/cli';

describe('placebo simulate --check in cluster mode (Kafka, Redis, HDFS, Presto)', function () {
  this.timeout(900_000);
  before(async () => ensureStack(['redis', 'kafka', 'hdfs', 'presto']));

  it('every catalogue query on Presto answers what the accepted commands imply', async () => {
    const env = clusterEnv();
    const api = await startServer('api', env);
    const sink = placebo(['sink'], env);
    try {
      const r = await placeboRun(['simulate', '--players', '60', '--commands', '3000', '--seed', '7', '--check', '--url', api.url], env);
      assert.equal(r.code, 0, `${r.output}\n--- sink ---\n${sink.output()}`);
      assert.match(r.output, /"check":"passed"/);
    } finally {
      await stop(api, sink);
    }
  });
});
