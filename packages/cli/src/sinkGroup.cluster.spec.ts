import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import { analystTables, topics, type LogRecord, type Topic } from '@placebo/domain';
import { createKafka, createKafkaLogSource, createLogger, topicName } from '@placebo/adapters';
import { ensureStack } from '@placebo/testkit/stack';
import { clusterEnv, contractFetch, eventually, placebo, placeboRun, startServer, stop, type Running } from '@placebo/testkit/cli';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const post = async (url: string, body: unknown, token?: string): Promise<{ status: number; body: Record<string, unknown> }> => {
  const res = await contractFetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

const newPlayer = async (url: string): Promise<{ id: string; token: string }> => {
  const name = `g-${randomUUID().slice(0, 12)}`;
  const reg = await post(`${url}/v1/players`, { name, password: 'a long password' });
  assert.equal(reg.status, 201, JSON.stringify(reg.body));
  const login = await post(`${url}/v1/sessions`, { name, password: 'a long password' });
  assert.equal(login.status, 201, JSON.stringify(login.body));
  return { id: login.body.player_id as string, token: login.body.token as string };
};

const sql = async (env: Record<string, string>, query: string): Promise<ReadonlyArray<ReadonlyArray<unknown>>> => {
  const r = await placeboRun(['query', '--json', query], env);
  const line = r.output.split('\n').find((l) => l.startsWith('{"columns"'));
  if (r.code !== 0 || line === undefined) throw new Error(`query failed (${r.code}): ${query}\n${r.output}`);
  return (JSON.parse(line) as { rows: unknown[][] }).rows;
};

/** The partitions a sink process said it claimed (its JSON-lines log). */
const claimed = (s: Running): string[] =>
  s
    .output()
    .split('\n')
    .filter((l) => l.includes('"sink: partitions claimed"'))
    .flatMap((l) => (JSON.parse(l) as { partitions: string[] }).partitions);

/** Every record of every topic, read from Kafka by a reader of its own group. */
const readLog = async (prefix: string): Promise<Map<Topic, LogRecord[]>> => {
  const settings = { brokers: ['127.0.0.1:9092'], clientId: 'sink-group-test', topicPrefix: prefix, partitions: 6, replication: 1, timeoutMs: 30_000 };
  const kafka = createKafka(settings, createLogger({ level: 'error' }));
  const admin = kafka.admin();
  await admin.connect();
  const source = createKafkaLogSource({ kafka, admin, settings, groupId: `${prefix}check-${randomUUID()}`, waitMs: 2000 });
  const out = new Map<Topic, LogRecord[]>();
  try {
    for (const topic of topics) {
      const records: LogRecord[] = [];
      const parts = await source.partitions(topic)();
      assert.ok(E.isRight(parts));
      for (const p of parts.right) {
        const end = await source.end(topic, p)();
        assert.ok(E.isRight(end));
        for (let from = 0; from < end.right;) {
          const batch = await source.read(topic, p, from, 5000)();
          assert.ok(E.isRight(batch));
          const last = batch.right[batch.right.length - 1];
          if (last === undefined) break;
          records.push(...batch.right);
          from = last.offset + 1;
        }
      }
      out.set(topic, records);
    }
  } finally {
    await source.close();
    await admin.disconnect();
  }
  return out;
};

/** Re-produces a record as a producer retrying a write would: the same bytes, key and partition, at a new offset. */
const reproduce = async (prefix: string, r: LogRecord): Promise<void> => {
  const kafka = createKafka(
    { brokers: ['127.0.0.1:9092'], clientId: 'sink-group-copy', topicPrefix: prefix, partitions: 6, replication: 1, timeoutMs: 30_000 },
    createLogger({ level: 'error' }),
  );
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({
    topic: topicName({ topicPrefix: prefix }, r.topic),
    messages: [{ key: r.event.player_id, value: JSON.stringify(r.event), partition: r.partition }],
  });
  await producer.disconnect();
};

describe('sinks of one group (real processes, real servers)', function () {
  this.timeout(900_000);
  before(async () => ensureStack(['redis', 'kafka', 'hdfs', 'presto']));

  it('3 sinks share the partitions under traffic, one SIGKILLed and restarted, a fourth joins: every table equals the log, nothing twice', async () => {
    const env: Record<string, string> = {
      ...clusterEnv(),
      PLACEBO_KAFKA_SESSION_TIMEOUT_MS: '6000',
      PLACEBO_SINK_LEASE_MS: '6000',
      PLACEBO_SINK_FLUSH_MS: '500',
    };
    const sinkEnv = { ...env, PLACEBO_LOG_LEVEL: 'info' };
    const api = await startServer('api', env);
    const sinks: Running[] = [];
    let running = true;
    let traffic: Promise<void> = Promise.resolve();
    try {
      const players = await Promise.all(Array.from({ length: 8 }, () => newPlayer(api.url)));
      let acknowledged = 0;
      traffic = (async () => {
        while (running) {
          await Promise.all(
            players.map(async (p, i) => {
              const r = await post(
                `${api.url}/v1/players/${p.id}/${i % 2 === 0 ? 'purchases' : 'fights'}`,
                i % 2 === 0 ? { kind: 'potion' } : { enemy: 'orc' },
                p.token,
              );
              if (r.status === 201 || r.status === 402) acknowledged++;
            }),
          );
          await sleep(30);
        }
      })();
      sinks.push(placebo(['sink'], sinkEnv), placebo(['sink'], sinkEnv), placebo(['sink'], sinkEnv));
      await eventually('each of three sinks to claim a share', async () => (sinks.every((s) => claimed(s).length > 0) ? true : undefined), 120_000);
      await sleep(3000);
      const killed = sinks[1]!;
      killed.child.kill('SIGKILL');
      await killed.exited;
      await sleep(2000);
      sinks.push(placebo(['sink'], sinkEnv));
      await sleep(4000);
      const fourth = placebo(['sink'], sinkEnv);
      sinks.push(fourth);
      await eventually('the fourth sink to get a share', async () => (claimed(fourth).length > 0 ? true : undefined), 120_000);
      await sleep(3000);
      running = false;
      await traffic;
      assert.ok(acknowledged > 100, `traffic ran (${acknowledged} commands acknowledged)`);

      // A copy of the oldest record, long after it was committed, by whichever sink holds its partition now.
      const prefix = env.PLACEBO_TOPIC_PREFIX!;
      const first = (await readLog(prefix)).get('all_events')!.find((r) => r.offset === 0)!;
      await reproduce(prefix, first);

      const log = await readLog(prefix);
      const eventIds = new Set(log.get('all_events')!.map((r) => r.event.event_id));
      assert.equal(log.get('all_events')!.length, eventIds.size + 1, 'the log holds exactly one copy');
      await eventually(
        'the lake to hold every event',
        async () => (Number((await sql(env, 'select count(*) from all_events'))[0]?.[0]) >= eventIds.size ? true : undefined),
        180_000,
      );
      await sleep(3000); // a copy landing late would show now
      for (const table of analystTables) {
        const expected = [...new Set((log.get(table.source) ?? []).filter((r) => table.project(r.event) !== null).map((r) => r.event.event_id))].sort();
        const landed = (await sql(env, `select event_id from ${table.name}`)).map((r) => String(r[0])).sort();
        assert.equal(landed.length, expected.length, `${table.name}: ${landed.length} rows for ${expected.length} events`);
        assert.deepEqual(landed, expected, `${table.name} equals the log`);
      }
      const twice = await sql(env, 'select count(*) - count(distinct concat(player_id, cast(player_version as varchar))) from all_events');
      assert.equal(Number(twice[0]?.[0]), 0, 'no (player_id, player_version) twice');
      const owners = sinks.filter((s) => claimed(s).length > 0).length;
      assert.ok(owners >= 4, `${owners} sink processes held partitions`);
    } finally {
      running = false;
      await traffic.catch(() => undefined);
      await stop(api, ...sinks);
    }
  });
});
