import { createRequire } from 'node:module';
import type { Logger } from '../runtime/logger.js';
import type { BatchProducer } from './batchProducer.js';
import type { KafkaSettings } from './kafkaClient.js';

/** The part of @confluentinc/kafka-javascript's KafkaJS-compatible producer this adapter uses. */
interface CompatProducer {
  readonly connect: () => Promise<void>;
  readonly sendBatch: (batch: {
    readonly topicMessages: ReadonlyArray<{ topic: string; messages: ReadonlyArray<{ key: string; value: string }> }>;
  }) => Promise<unknown>;
  readonly disconnect: () => Promise<void>;
}

interface CompatLogger {
  info: (message: string, extra?: object) => void;
  error: (message: string, extra?: object) => void;
  warn: (message: string, extra?: object) => void;
  debug: (message: string, extra?: object) => void;
  namespace: () => CompatLogger;
  setLogLevel: () => void;
}

interface CompatModule {
  readonly KafkaJS: {
    readonly Kafka: new (config: object) => { producer: (config: object) => CompatProducer };
    readonly logLevel: { readonly WARN: number };
  };
  readonly librdkafkaVersion: string;
}

/**
 * The package, or why it cannot be loaded: it is an optional dependency whose native part is built on install, and a
 * machine without the headers it needs installs everything else.
 */
export const loadConfluent = (): { readonly module: CompatModule } | { readonly error: string } => {
  try {
    return { module: createRequire(import.meta.url)('@confluentinc/kafka-javascript') as CompatModule };
  } catch (e) {
    return { error: (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? 'unknown error' };
  }
};

const compatLogger = (logger: Logger): CompatLogger => {
  const l: CompatLogger = {
    info: (m, extra) => logger.info(`kafka: ${m}`, { ...extra }),
    error: (m, extra) => logger.error(`kafka: ${m}`, { ...extra }),
    warn: (m, extra) => logger.warn(`kafka: ${m}`, { ...extra }),
    debug: () => undefined,
    namespace: () => l,
    setLogLevel: () => undefined,
  };
  return l;
};

/**
 * The command path's producer on librdkafka: one idempotent producer (acks=all, in-flight requests ordered and
 * deduplicated by the broker), `linger.ms` 0. librdkafka's own queue does what `createBatchProducer` does for kafkajs:
 * whatever callers send while a request is in flight goes out together in the next one, so under load many commands
 * share a round trip and, alone, a command goes out at once. Keys are partitioned with murmur2, as kafkajs'
 * DefaultPartitioner and Java's do, so a player's records land in the same partition whichever client wrote them.
 * A send that did not land within `timeoutMs` fails (the API answers 503); if it lands later, its write intent
 * accounts for it, as with kafkajs.
 */
export const createConfluentProducer = (compat: CompatModule, s: KafkaSettings, logger: Logger): BatchProducer => {
  const { KafkaJS } = compat;
  const kafka = new KafkaJS.Kafka({
    kafkaJS: { clientId: s.clientId, brokers: [...s.brokers], logLevel: KafkaJS.logLevel.WARN, logger: compatLogger(logger) },
  });
  const producer = kafka.producer({
    kafkaJS: { idempotent: true, acks: -1, allowAutoTopicCreation: false },
    'linger.ms': 0,
    // A produce request is small and answered at once: Nagle would hold the next one back for the broker's ACK.
    'socket.nagle.disable': true,
    partitioner: 'murmur2_random',
    'message.timeout.ms': s.timeoutMs,
    'request.timeout.ms': Math.max(1000, s.timeoutMs),
  });
  let connected: Promise<void> | null = null;
  const connect = (): Promise<void> => {
    connected ??= producer.connect().catch((e: unknown) => {
      connected = null;
      throw e;
    });
    return connected;
  };
  const counters = { requests: 0, messages: 0 };
  return {
    send: async (batch) => {
      await connect();
      await producer.sendBatch({ topicMessages: batch.map((t) => ({ topic: t.topic, messages: t.messages as { key: string; value: string }[] })) });
      // librdkafka counts its requests itself; here a request is a caller's send.
      counters.requests++;
      counters.messages += batch.reduce((n, t) => n + t.messages.length, 0);
    },
    stats: () => ({ ...counters }),
    close: async () => {
      if (connected !== null) await producer.disconnect().catch(() => undefined);
    },
  };
};
