import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { repoRoot, type ClusterLogSettings } from '@placebo/adapters';

/** Services of `deploy/local/stack.sh`: the single-node ones, and the multi-node `kafka3` (3 brokers) and `rediscluster`. */
export type StackService = 'redis' | 'kafka' | 'hdfs' | 'presto' | 'kafka3' | 'rediscluster';

/**
 * Starts the local stack's services (or finds them running): `deploy/local/stack.sh up <services>`, idempotent and
 * quick when they are up. Throws with the end of the script's output when a service cannot start: a test that needs
 * a server fails loudly, never skips.
 */
export const ensureStack = (services: ReadonlyArray<StackService>): Promise<void> =>
  new Promise((resolve, reject) => {
    const script = join(repoRoot(), 'deploy', 'local', 'stack.sh');
    execFile(script, ['up', ...services], { maxBuffer: 16 * 1024 * 1024, timeout: 20 * 60_000 }, (error, stdout, stderr) => {
      if (error === null) resolve();
      else reject(new Error(`stack.sh up ${services.join(' ')} failed (${error.message}):\n${`${stdout}\n${stderr}`.split('\n').slice(-30).join('\n')}`));
    });
  });

/** Settings of one isolated test deployment on the local stack: own topics, own keys, own group. */
export const testClusterSettings = (overrides: Partial<ClusterLogSettings> = {}): ClusterLogSettings => {
  const run = `t${randomUUID().slice(0, 8)}`;
  return {
    kafka: { brokers: ['127.0.0.1:9092'], clientId: 'placebo-test', topicPrefix: `${run}.`, partitions: 3, replication: 1, timeoutMs: 4000 },
    redisUrl: 'redis://127.0.0.1:6379/0',
    redisPrefix: `${run}:`,
    leaseMs: 2000,
    commandTtlSeconds: 600,
    consumerGroup: `${run}.readers`,
    ...overrides,
  };
};

/** The multi-node stack's addresses (`deploy/local/stack.sh env multi`): 3 Kafka brokers, a Redis Cluster's masters. */
export const multiNodeStack = {
  brokers: ['127.0.0.1:9192', '127.0.0.1:9194', '127.0.0.1:9196'],
  replication: 3,
  redisUrl: 'redis+cluster://127.0.0.1:7001,127.0.0.1:7002,127.0.0.1:7003',
} as const;

/** testClusterSettings() on the multi-node stack (`stack.sh up kafka3 rediscluster`): replication 3, min ISR 2. */
export const multiNodeSettings = (overrides: Partial<ClusterLogSettings> = {}): ClusterLogSettings => {
  const base = testClusterSettings();
  return {
    ...base,
    kafka: { ...base.kafka, brokers: [...multiNodeStack.brokers], replication: multiNodeStack.replication },
    redisUrl: multiNodeStack.redisUrl,
    ...overrides,
  };
};
