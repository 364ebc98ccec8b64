import { CompressionTypes, Partitioners, type Kafka, type Message, type Producer } from 'kafkajs';

export interface TopicMessages {
  readonly topic: string;
  readonly messages: ReadonlyArray<Message>;
}

interface Pending {
  readonly batch: ReadonlyArray<TopicMessages>;
  readonly resolve: () => void;
  readonly reject: (e: Error) => void;
  settled: boolean;
  timer: NodeJS.Timeout | null;
}

export interface BatchProducer {
  /** Resolves when Kafka acknowledged every message (acks=all); rejects after `timeoutMs` or on an error. */
  readonly send: (batch: ReadonlyArray<TopicMessages>) => Promise<void>;
  readonly stats: () => { readonly requests: number; readonly messages: number };
  readonly close: () => Promise<void>;
}

/** One idempotent producer session and whether a request of it is in flight. */
interface ProducerSession {
  producer: Producer;
  connected: Promise<void> | null;
  busy: boolean;
}

const settle = (p: Pending, error: Error | null): void => {
  if (p.settled) return;
  p.settled = true;
  if (p.timer !== null) clearTimeout(p.timer);
  if (error === null) p.resolve();
  else p.reject(error);
};

/** The oldest unsettled sends of the queue, up to `maxMessages` messages (at least one send). */
const take = (queue: Pending[], maxMessages: number): Pending[] => {
  const taken: Pending[] = [];
  let count = 0;
  while (queue.length > 0 && (taken.length === 0 || count < maxMessages)) {
    const p = queue.shift()!;
    if (p.settled) continue;
    taken.push(p);
    count += p.batch.reduce((n, t) => n + t.messages.length, 0);
  }
  return taken;
};

const byTopicOf = (taken: ReadonlyArray<Pending>): Map<string, Message[]> => {
  const byTopic = new Map<string, Message[]>();
  for (const p of taken) {
    for (const t of p.batch) {
      const list = byTopic.get(t.topic);
      if (list === undefined) byTopic.set(t.topic, [...t.messages]);
      else list.push(...t.messages);
    }
  }
  return byTopic;
};

/**
 * Coalescing producers: whatever callers queue while requests are in flight goes out together in the next request,
 * so under load many commands share one round trip; alone, a command goes out at once.
 *
 * Each session is an idempotent producer (acks=all, one request in flight, so its retries never reorder or double);
 * `sessions` of them run side by side. That keeps per-player order: a player's next command is decided only after its
 * previous events were acknowledged, so two requests in flight never hold events of the same player.
 * A caller that times out before its messages left the queue takes them out again; one whose messages are in flight
 * gets an error while they may still land — the write intent covers that case.
 */
export const createBatchProducer = (
  kafka: Kafka,
  options: { readonly timeoutMs: number; readonly maxMessages?: number; readonly sessions?: number },
): BatchProducer => {
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
  const sessions: ProducerSession[] = Array.from({ length: Math.max(1, options.sessions ?? 1) }, () => ({ producer: create(), connected: null, busy: false }));
  const connect = (session: ProducerSession): Promise<void> => {
    session.connected ??= session.producer.connect().catch((e: unknown) => {
      session.connected = null;
      throw e;
    });
    return session.connected;
  };
  /**
   * After a failed send the producer's sequence numbers may no longer match the broker's (a broker restart, a
   * timed-out request that landed): start a new producer session. Nothing is lost: the failed sends' write intents
   * are produced again by their players' next writers.
   */
  const reset = async (session: ProducerSession): Promise<void> => {
    const old = session.producer;
    session.producer = create();
    session.connected = null;
    await old.disconnect().catch(() => undefined);
  };
  const queue: Pending[] = [];
  const counters = { requests: 0, messages: 0 };

  const drive = async (session: ProducerSession): Promise<void> => {
    session.busy = true;
    try {
      for (let taken = take(queue, maxMessages); taken.length > 0; taken = take(queue, maxMessages)) {
        const byTopic = byTopicOf(taken);
        try {
          await connect(session);
          await session.producer.sendBatch({
            acks: -1,
            timeout: options.timeoutMs,
            compression: CompressionTypes.None,
            topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
          });
          counters.requests++;
          counters.messages += [...byTopic.values()].reduce((n, m) => n + m.length, 0);
          for (const p of taken) settle(p, null);
        } catch (e) {
          const error = e instanceof Error ? e : new Error(String(e));
          for (const p of taken) settle(p, error);
          await reset(session);
        }
      }
    } finally {
      session.busy = false;
    }
  };

  const pump = (): void => {
    const idle = sessions.find((x) => !x.busy);
    if (idle !== undefined) void drive(idle);
  };

  return {
    send: (batch) =>
      new Promise<void>((resolve, reject) => {
        const p: Pending = { batch, resolve, reject, settled: false, timer: null };
        p.timer = setTimeout(() => settle(p, new Error(`Kafka did not acknowledge within ${options.timeoutMs} ms`)), options.timeoutMs);
        queue.push(p);
        pump();
      }),
    stats: () => ({ ...counters }),
    close: async () => {
      for (const p of queue) settle(p, new Error('producer closed'));
      queue.length = 0;
      await Promise.all(sessions.map(async (l) => (l.connected === null ? undefined : l.producer.disconnect().catch(() => undefined))));
    },
  };
};
