import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { ensureStack } from '@placebo/adapters';
import { placebo, placeboRun, startServer, type Running } from './testing.js';

/** One isolated deployment on the shared local stack: its own topics, Redis keys, HDFS folder and Presto schema. */
const clusterEnv = (): Record<string, string> => {
  const id = `e${randomUUID().replaceAll('-', '').slice(0, 10)}`;
  return {
    PLACEBO_MODE: 'cluster',
    PLACEBO_TOPIC_PREFIX: `${id}.`,
    PLACEBO_REDIS_PREFIX: `${id}:`,
    PLACEBO_LAKE_ROOT: `/placebo-test/${id}`,
    PLACEBO_PRESTO_SCHEMA: id,
    PLACEBO_KAFKA_PARTITIONS: '3',
    PLACEBO_SINK_FLUSH_MS: '1000',
    PLACEBO_SCRYPT_COST: '1024',
    PLACEBO_WRITE_LEASE_MS: '2000',
  };
};

const stop = async (...procs: ReadonlyArray<Running | null>): Promise<void> => {
  await Promise.all(
    procs.map(async (p) => {
      if (p === null || p.child.exitCode !== null) return;
      p.child.kill('SIGTERM');
      await Promise.race([p.exited, new Promise((r) => setTimeout(r, 15_000))]);
      p.child.kill('SIGKILL');
    }),
  );
};

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
