import { CompressionTypes, Partitioners, type Kafka, type Message, type Producer } from 'kafkajs';

export interface TopicMessages {
  readonly topic: string;
  readonly messages: ReadonlyArray<Message>;
}

interface Pending {
  readonly batch: ReadonlyArray<TopicMessages>;
  readonly resolve: () => void;
  readonly reject: (e: Error) => void;
  sent: boolean;
  settled: boolean;
  timer: NodeJS.Timeout | null;
}

export interface BatchProducer {
  /** Resolves when Kafka acknowledged every message (acks=all); rejects after `timeoutMs` or on an error. */
  readonly send: (batch: ReadonlyArray<TopicMessages>) => Promise<void>;
  readonly stats: () => { readonly requests: number; readonly messages: number };
  readonly close: () => Promise<void>;
}

/**
 * One idempotent producer (acks=all, one request in flight, so retries never reorder or double) whose sends are
 * coalesced: whatever callers queue while a request is in flight goes out together in the next one. Under load
 * many commands share one round trip to the brokers; alone, a command goes out at once.
 * A caller that times out before its messages left the queue takes them out again; one whose messages are in
 * flight gets an error while they may still land — the write intent covers that case.
 */
export const createBatchProducer = (kafka: Kafka, options: { readonly timeoutMs: number; readonly maxMessages?: number }): BatchProducer => {
  const maxMessages = options.maxMessages ?? 5000;
  const create = (): Producer =>
    kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
      // Retried until acknowledged (the idempotent producer's own dedup makes that safe); callers stop waiting after
      // `timeoutMs` and answer 503, and a send that lands later is one their write intents already account for.
      retry: { initialRetryTime: 100, maxRetryTime: 1000, retries: Number.MAX_SAFE_INTEGER },
    });
  let producer = create();
  let connected: Promise<void> | null = null;
  /**
   * After a failed send the producer's sequence numbers may no longer match the broker's (a broker restart, a
   * timed-out request that landed): start a new producer session. Nothing is lost: the failed sends' write intents
   * are produced again by their players' next writers.
   */
  const reset = async (): Promise<void> => {
    const old = producer;
    producer = create();
    connected = null;
    await old.disconnect().catch(() => undefined);
  };
  const connect = (): Promise<void> => {
    connected ??= producer.connect().catch((e: unknown) => {
      connected = null;
      throw e;
    });
    return connected;
  };
  const queue: Pending[] = [];
  let inFlight = false;
  const counters = { requests: 0, messages: 0 };

  const settle = (p: Pending, error: Error | null): void => {
    if (p.settled) return;
    p.settled = true;
    if (p.timer !== null) clearTimeout(p.timer);
    if (error === null) p.resolve();
    else p.reject(error);
  };

  const pump = async (): Promise<void> => {
    if (inFlight) return;
    inFlight = true;
    try {
      while (queue.length > 0) {
        const taken: Pending[] = [];
        let count = 0;
        while (queue.length > 0 && (taken.length === 0 || count < maxMessages)) {
          const p = queue.shift()!;
          if (p.settled) continue;
          p.sent = true;
          taken.push(p);
          count += p.batch.reduce((n, t) => n + t.messages.length, 0);
        }
        if (taken.length === 0) break;
        const byTopic = new Map<string, Message[]>();
        for (const p of taken) for (const t of p.batch) byTopic.set(t.topic, [...(byTopic.get(t.topic) ?? []), ...t.messages]);
        try {
          await connect();
          await producer.sendBatch({
            acks: -1,
            timeout: options.timeoutMs,
            compression: CompressionTypes.None,
            topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
          });
          counters.requests++;
          counters.messages += count;
          for (const p of taken) settle(p, null);
        } catch (e) {
          const error = e instanceof Error ? e : new Error(String(e));
          for (const p of taken) settle(p, error);
          await reset();
        }
      }
    } finally {
      inFlight = false;
    }
  };

  return {
    send: (batch) =>
      new Promise<void>((resolve, reject) => {
        const p: Pending = { batch, resolve, reject, sent: false, settled: false, timer: null };
        p.timer = setTimeout(() => settle(p, new Error(`Kafka did not acknowledge within ${options.timeoutMs} ms`)), options.timeoutMs);
        queue.push(p);
        void pump();
      }),
    stats: () => ({ ...counters }),
    close: async () => {
      for (const p of queue) settle(p, new Error('producer closed'));
      queue.length = 0;
      if (connected !== null) await producer.disconnect();
    },
  };
};
