import { clusterLogSuite } from '@placebo/testkit/cluster';
import { multiNodeSettings } from '@placebo/testkit/stack';

clusterLogSuite('3 Kafka brokers + a Redis Cluster of 3 masters', multiNodeSettings, ['kafka3', 'rediscluster']);
// Every write acknowledged only once a replica of its master holds it (PLACEBO_REDIS_WAIT_REPLICAS=1).
clusterLogSuite('3 Kafka brokers + a Redis Cluster, writes waiting for 1 replica', (o) => multiNodeSettings({ redisWaitReplicas: 1, ...o }), [
  'kafka3',
  'rediscluster',
]);
