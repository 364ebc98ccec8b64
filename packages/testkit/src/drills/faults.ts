import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { topics } from '@placebo/domain';
import { createKafka, createLogger, repoRoot, topicName } from '@placebo/adapters';
import { MULTI_NODE } from '../stack.js';
import type { Deployment } from './deployment.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `deploy/local/stack.sh` with `args`; resolves with its stdout, rejects with the tail of its output. */
export const stackSh = (...args: ReadonlyArray<string>): Promise<string> =>
  new Promise((resolve, reject) => {
    const script = join(repoRoot(), 'deploy', 'local', 'stack.sh');
    execFile(script, [...args], { maxBuffer: 16 * 1024 * 1024, timeout: 10 * 60_000 }, (error, stdout, stderr) => {
      if (error === null) resolve(stdout);
      else reject(new Error(`stack.sh ${args.join(' ')} failed (${error.message}):\n${`${stdout}\n${stderr}`.split('\n').slice(-20).join('\n')}`));
    });
  });

/** Puts the multi-node stack back: every node started and ready. */
export const restoreStack = async (): Promise<void> => {
  await stackSh('up', 'kafka3', 'rediscluster');
};

/** One fault: `inject` runs it from start to end (the node started again, the processes back). */
export interface Fault {
  readonly name: string;
  readonly what: string;
  readonly inject: (d: Deployment, note: (line: string) => void) => Promise<void>;
}

type Admin = ReturnType<ReturnType<typeof createKafka>['admin']>;

const withAdmin = async <A>(f: (admin: Admin) => Promise<A>): Promise<A> => {
  const settings = { brokers: [...MULTI_NODE.brokers], clientId: 'placebo-drill', topicPrefix: '', partitions: 3, replication: 3, timeoutMs: 10_000 };
  const admin = createKafka(settings, createLogger({ level: 'error' })).admin();
  await admin.connect();
  try {
    return await f(admin);
  } finally {
    await admin.disconnect();
  }
};

interface PartitionInfo {
  readonly topic: string;
  readonly partition: number;
  readonly leader: number;
  readonly replicas: ReadonlyArray<number>;
}

/** Leader and replicas of every partition of the deployment's topics. */
const partitionsOf = (d: Deployment): Promise<PartitionInfo[]> =>
  withAdmin(async (admin) => {
    const names = topics.map((t) => topicName({ topicPrefix: d.env.PLACEBO_TOPIC_PREFIX! }, t));
    const meta = await admin.fetchTopicMetadata({ topics: names });
    return meta.topics.flatMap((t) => t.partitions.map((p) => ({ topic: t.name, partition: p.partitionId, leader: p.leader, replicas: p.replicas })));
  });

/** (a) SIGKILL the broker leading all_events partition 0 for 20 s, then start it again. */
const kafkaBroker: Fault = {
  name: 'kafka broker',
  what: 'kill -9 the broker leading all_events/0, 20 s down, start',
  inject: async (d, note) => {
    const all = topicName({ topicPrefix: d.env.PLACEBO_TOPIC_PREFIX! }, 'all_events');
    const leader = (await partitionsOf(d)).find((p) => p.topic === all && p.partition === 0)?.leader ?? 1;
    const led = (await partitionsOf(d)).filter((p) => p.leader === leader).length;
    note(`kill kafka3-${leader} (leads ${led} of the deployment's partitions)`);
    await stackSh('kill', `kafka3-${leader}`);
    await sleep(20_000);
    await stackSh('start', `kafka3-${leader}`);
    note(`kafka3-${leader} started again`);
  },
};

/** (b) SIGKILL a Redis master (its replica takes its slots), start it again 20 s later (it rejoins as a replica). */
const redisMaster: Fault = {
  name: 'redis master',
  what: 'kill -9 a Redis master, replica promoted, start it again after 20 s',
  inject: async (_d, note) => {
    const nodes = (await stackSh('status', 'rediscluster'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { node: string; role?: string });
    const master = nodes.find((n) => n.role === 'master')?.node;
    if (master === undefined) throw new Error('no Redis master found');
    note(`kill ${master}`);
    await stackSh('kill', master);
    await sleep(20_000);
    await stackSh('start', master);
    note(`${master} started again (a replica now)`);
  },
};

/** (c) SIGKILL every API process at once; start them again 3 s later on the same ports. */
const apiProcesses: Fault = {
  name: 'all API processes',
  what: 'kill -9 both API processes at once, start them again after 3 s',
  inject: async (d, note) => {
    await d.killApis();
    note('both API processes killed');
    await sleep(3000);
    await d.startApis();
    note('both API processes listening again');
  },
};

/**
 * Rotates the replica list of every partition of the deployment (same brokers, another preferred leader first), then
 * runs a preferred-leader election on them: every partition's leader moves to another broker under the load.
 */
const moveLeaders = async (d: Deployment, dir: string, round: number): Promise<string> => {
  const before = await partitionsOf(d);
  await withAdmin(async (admin) => {
    const byTopic = new Map<string, { partition: number; replicas: number[] }[]>();
    for (const p of before) {
      const at = p.replicas.indexOf(p.leader);
      const rotated = [...p.replicas.slice(at + 1), ...p.replicas.slice(0, at + 1)];
      byTopic.set(p.topic, [...(byTopic.get(p.topic) ?? []), { partition: p.partition, replicas: rotated }]);
    }
    await admin.alterPartitionReassignments({ topics: [...byTopic].map(([topic, partitionAssignment]) => ({ topic, partitionAssignment })) });
    for (let i = 0; i < 100 && (await admin.listPartitionReassignments({})).topics.length > 0; i++) await sleep(200);
  });
  const file = join(dir, `election-${round}.json`);
  writeFileSync(file, JSON.stringify({ partitions: before.map((p) => ({ topic: p.topic, partition: p.partition })) }));
  const elect = () =>
    stackSh(
      'kafka-tool',
      'org.apache.kafka.tools.LeaderElectionCommand',
      '--bootstrap-server',
      MULTI_NODE.brokers[0],
      '--election-type',
      'PREFERRED',
      '--path-to-json-file',
      file,
    );
  const movedNow = async (): Promise<{ moved: number; of: number }> => {
    const after = await partitionsOf(d);
    return { moved: after.filter((a) => before.find((b) => b.topic === a.topic && b.partition === a.partition)?.leader !== a.leader).length, of: after.length };
  };
  // A reassignment just listed as done may not be the preferred order the election reads yet: elect again until all moved.
  let result = { moved: 0, of: before.length };
  let elections = 0;
  while (elections < 3 && result.moved < result.of) {
    if (elections++ > 0) await sleep(1000);
    await elect();
    result = await movedNow();
  }
  return `${result.moved} of ${result.of} partition leaders moved (${elections} election${elections > 1 ? 's' : ''})`;
};

/** (d) Every partition's leader moved twice, 15 s apart (replica order rotated, preferred-leader election). */
const leaderMoves: Fault = {
  name: 'leader movement',
  what: 'rotate replicas + preferred-leader election on every partition, twice 15 s apart',
  inject: async (d, note) => {
    const dir = mkdtempSync(join(tmpdir(), 'placebo-drill-'));
    note(await moveLeaders(d, dir, 1));
    await sleep(15_000);
    note(await moveLeaders(d, dir, 2));
  },
};

export const faults: ReadonlyArray<Fault> = [kafkaBroker, redisMaster, apiProcesses, leaderMoves];
