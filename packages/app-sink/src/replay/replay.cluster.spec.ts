import { clusterLogSettings, createKafka, createLogger, loadConfig, openClusterLog, openReplaySide, topicName } from '@placebo/adapters';
import { clusterEnv } from '@placebo/testkit/cli';
import { replayWorkersSuite } from '@placebo/testkit/sink';

replayWorkersSuite(
  'cluster: Kafka partitions, and shares of them past one worker per partition',
  async () => {
    const config = loadConfig(clusterEnv());
    if (config._tag === 'Left') throw new Error(JSON.stringify(config.left));
    const logger = createLogger({ level: 'error' });
    const settings = clusterLogSettings(config.right, { name: 'api' });
    const cluster = await openClusterLog(settings, logger);
    const side = await openReplaySide(config.right, logger);
    const producer = createKafka(settings.kafka, logger).producer();
    await producer.connect();
    return {
      config: config.right,
      log: cluster.log,
      source: side.source,
      snapshots: cluster.snapshots,
      reproduce: async (e) => {
        await producer.send({ topic: topicName(settings.kafka, 'all_events'), acks: -1, messages: [{ key: e.player_id, value: JSON.stringify(e) }] });
      },
      close: async () => {
        await producer.disconnect();
        await side.close();
        await cluster.close();
      },
    };
  },
  [2, 6],
);
