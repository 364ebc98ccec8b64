import { createServer } from 'node:net';
import { topics } from '@placebo/domain';
import { MULTI_NODE } from '../stack.js';
import { clusterEnv, eventually, placebo, startServer, stop, type Running } from '../cli/placebo.js';

/** One drill's own deployment on the multi-node stack: 2 API processes on fixed ports, 1 sink serving its metrics. */
export interface Deployment {
  readonly env: Record<string, string>;
  readonly urls: ReadonlyArray<string>;
  readonly partitions: number;
  /** SIGKILLs every API process at once. */
  readonly killApis: () => Promise<void>;
  /** Starts the API processes again on the same ports. */
  readonly startApis: () => Promise<void>;
  /** Waits until the sink holds every partition and its lag is 0 on each. */
  readonly drained: (timeoutMs: number) => Promise<void>;
  /** Error lines the API processes logged (every process started, killed ones too), each message once with its count. */
  readonly apiErrors: () => ReadonlyArray<string>;
  readonly stop: () => Promise<void>;
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

/** The settings of a drill's deployment: its own topics, keys, lake folder and schema, on 3 brokers and a Redis Cluster. */
export const drillEnv = (partitions: number): Record<string, string> => ({
  ...clusterEnv(),
  PLACEBO_KAFKA_BROKERS: MULTI_NODE.brokers.join(','),
  PLACEBO_KAFKA_REPLICATION: '3',
  PLACEBO_REDIS_URL: MULTI_NODE.redisUrl,
  PLACEBO_KAFKA_PARTITIONS: String(partitions),
  PLACEBO_SINK_FLUSH_MS: '1000',
});

/** The sink's lag per partition it holds, and how many it holds, from its /metrics. */
const sinkLag = async (metricsUrl: string): Promise<{ held: number; lags: number[] }> => {
  const text = await (await fetch(metricsUrl, { signal: AbortSignal.timeout(5000) })).text();
  const lags = [...text.matchAll(/^placebo_sink_lag_records\{[^}]*\} (\S+)$/gm)].map((m) => Number(m[1]));
  const held = Number(/^placebo_sink_partitions_held (\S+)$/m.exec(text)?.[1] ?? 0);
  return { held, lags };
};

/** The JSON log lines at level error, as "message: error ×count". */
const errorLines = (output: string): string[] => {
  const counts = new Map<string, number>();
  for (const line of output.split('\n')) {
    if (!line.startsWith('{') || !line.includes('"level":"error"')) continue;
    const l = JSON.parse(line) as { msg?: string; error?: string; stack?: string };
    const where = l.stack?.split('\n').slice(1, 4).join(' <') ?? '';
    const text = `${l.msg ?? ''}: ${l.error ?? ''} ${where}`.slice(0, 500);
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return [...counts].map(([t, n]) => `${t} ×${n}`);
};

export const startDeployment = async (partitions = 3): Promise<Deployment> => {
  const env = drillEnv(partitions);
  const [p1, p2, metricsPort] = await Promise.all([freePort(), freePort(), freePort()]);
  const ports = [p1, p2] as const;
  let apis: Running[] = [];
  const everStarted: Running[] = [];
  const startApis = async (): Promise<void> => {
    // The first creates the topics; the second joins them.
    const first = await startServer('api', { ...env, PLACEBO_PORT: String(ports[0]) });
    apis = [first, await startServer('api', { ...env, PLACEBO_PORT: String(ports[1]) })];
    everStarted.push(...apis);
  };
  await startApis();
  const sink = placebo(['sink'], { ...env, PLACEBO_SINK_METRICS_PORT: String(metricsPort) });
  const metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
  const whole = topics.length * partitions;
  await eventually('the sink to hold every partition', async () => ((await sinkLag(metricsUrl)).held === whole ? true : undefined), 90_000);
  return {
    env,
    urls: ports.map((p) => `http://127.0.0.1:${p}`),
    partitions,
    killApis: async () => {
      for (const a of apis) a.child.kill('SIGKILL');
      await Promise.all(apis.map((a) => a.exited));
    },
    startApis,
    drained: async (timeoutMs) => {
      await eventually(
        'the sink to land every record',
        async () => {
          const { held, lags } = await sinkLag(metricsUrl);
          return held === whole && lags.length === whole && lags.every((l) => l === 0) ? true : undefined;
        },
        timeoutMs,
      ).catch((e: unknown) => {
        throw new Error(`${String(e)}\nsink output:\n${sink.output().slice(-3000)}`);
      });
    },
    apiErrors: () => errorLines(everStarted.map((a) => a.output()).join('\n')),
    stop: () => stop(...apis, sink),
  };
};
