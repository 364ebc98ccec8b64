import assert from 'node:assert/strict';
import kafkajs from 'kafkajs';
import { topics } from '@placebo/domain';
import { ensureStack, multiNodeSettings } from '@placebo/testkit/stack';
import { openClusterLog } from '../cluster/clusterLog.js';
import { createLogger } from '../runtime/logger.js';
import { createKafka, topicName } from './kafkaClient.js';

const quiet = createLogger({ level: 'error' });

describe('topics on 3 Kafka brokers', function () {
  this.timeout(180_000);
  before(() => ensureStack(['kafka3', 'rediscluster']));

  it('are created with 3 replicas on 3 brokers, all in sync, and min.insync.replicas=2', async () => {
    const settings = multiNodeSettings();
    const log = await openClusterLog(settings, quiet);
    const admin = createKafka(settings.kafka, quiet).admin();
    try {
      await admin.connect();
      const names = topics.map((t) => topicName(settings.kafka, t));
      const { topics: described } = await admin.fetchTopicMetadata({ topics: names });
      assert.equal(described.length, topics.length);
      for (const t of described) {
        assert.equal(t.partitions.length, settings.kafka.partitions, t.name);
        for (const p of t.partitions) {
          assert.equal(new Set(p.replicas).size, 3, `${t.name}/${p.partitionId} replicas ${p.replicas.join(',')}`);
          assert.deepEqual([...p.isr].sort(), [...p.replicas].sort(), `${t.name}/${p.partitionId} in sync`);
        }
      }
      const configs = await admin.describeConfigs({
        includeSynonyms: false,
        resources: names.map((name) => ({ type: kafkajs.ConfigResourceTypes.TOPIC, name, configNames: ['min.insync.replicas'] })),
      });
      for (const r of configs.resources) assert.equal(r.configEntries.find((e) => e.configName === 'min.insync.replicas')?.configValue, '2', r.resourceName);
    } finally {
      await admin.disconnect();
      await log.close();
    }
  });
});
