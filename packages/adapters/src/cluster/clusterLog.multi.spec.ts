import { clusterLogSuite } from '@placebo/testkit/cluster';
import { multiNodeSettings } from '@placebo/testkit/stack';

clusterLogSuite('3 Kafka brokers + a Redis Cluster of 3 masters', multiNodeSettings, ['kafka3', 'rediscluster']);
