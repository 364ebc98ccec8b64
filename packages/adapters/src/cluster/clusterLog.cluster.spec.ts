import { clusterLogSuite } from '@placebo/testkit/cluster';
import { testClusterSettings } from '@placebo/testkit/stack';

clusterLogSuite('one Kafka broker + one Redis', testClusterSettings, ['redis', 'kafka']);
