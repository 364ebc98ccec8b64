import { createRequire } from 'node:module';
import { Cluster, type Redis } from 'ioredis';
import type { RedisClient } from './redisClient.js';

/** Redis Cluster's hash slot of a key (CRC16 of its hash tag, mod 16384), as ioredis itself routes. */
const calculateSlot = createRequire(import.meta.url)('cluster-key-slot') as (key: string) => number;

const runIdOf = (info: string): string | null => /run_id:(\w+)/.exec(info)?.[1] ?? null;

/** A master of the keyspace: the slot ranges it serves, the server's run id, and a hash tag of one of its slots. */
export interface KeyspaceMaster {
  readonly address: string;
  readonly ranges: ReadonlyArray<readonly [number, number]>;
  readonly runId: string;
  readonly tag: string;
}

/** The first of the tags `m0`, `m1`, … whose slot falls in the ranges. */
const tagFor = (ranges: ReadonlyArray<readonly [number, number]>): string => {
  for (let i = 0; i < 1_000_000; i++) {
    const slot = calculateSlot(`m${i}`);
    if (ranges.some(([a, b]) => slot >= a && slot <= b)) return `m${i}`;
  }
  throw new Error('no hash tag found for a slot range');
};

type SlotsReply = ReadonlyArray<[number, number, [string, number, ...unknown[]], ...unknown[]]>;

/** A node whose connection closed for good or is down (a dead server the client still lists). */
const gone = (node: Redis): boolean => ['end', 'close', 'reconnecting'].includes(node.status);

/**
 * `CLUSTER SLOTS` from a node that answers: the client would send it to any node it knows, the dead one too, whose
 * connection is closed until the client's view of the cluster is refreshed.
 */
const slotsOf = async (redis: Cluster): Promise<SlotsReply> => {
  const nodes = redis.nodes('all').filter((n) => !gone(n));
  // Those already connected first: the others connect on first use.
  for (const node of [...nodes.filter((n) => n.status === 'ready'), ...nodes.filter((n) => n.status !== 'ready')]) {
    try {
      return (await node.cluster('SLOTS')) as unknown as SlotsReply;
    } catch {
      continue;
    }
  }
  redis.refreshSlotsCache();
  throw new Error('no node of the cluster answers CLUSTER SLOTS');
};

/**
 * The servers that hold the keys, as they are now: one entry for a single server (tag `m0`, all slots), or one per
 * master of a Redis Cluster. Fails while a slot has no master (a failover in progress).
 */
export const keyspaceMasters = async (redis: RedisClient): Promise<ReadonlyArray<KeyspaceMaster>> => {
  if (!(redis instanceof Cluster)) {
    const runId = runIdOf(await redis.info('server'));
    if (runId === null) throw new Error('INFO server has no run_id');
    return [{ address: 'server', ranges: [[0, 16383]], runId, tag: 'm0' }];
  }
  const slots = await slotsOf(redis);
  const byAddress = new Map<string, [number, number][]>();
  let covered = 0;
  for (const [start, end, [host, port]] of slots) {
    const address = `${host}:${port}`;
    byAddress.set(address, [...(byAddress.get(address) ?? []), [start, end]]);
    covered += end - start + 1;
  }
  if (covered !== 16384) throw new Error(`the cluster serves ${covered} of 16384 slots`);
  const nodes = new Map(redis.nodes('master').map((n) => [`${n.options.host}:${n.options.port}`, n]));
  return Promise.all(
    [...byAddress].map(async ([address, ranges]) => {
      const node = nodes.get(address);
      if (node === undefined || gone(node)) {
        // The client's own view of the cluster is behind (a replica just took over): have it read the slots again.
        redis.refreshSlotsCache();
        throw new Error(`no connection to master ${address} yet`);
      }
      const runId = runIdOf(await node.info('server'));
      if (runId === null) throw new Error(`INFO server of ${address} has no run_id`);
      return { address, ranges: ranges.sort((a, b) => a[0] - b[0]), runId, tag: tagFor(ranges) };
    }),
  );
};

/** One string naming the servers and what they serve: it changes when a master restarts or a replica takes over. */
export const identityOf = (masters: ReadonlyArray<KeyspaceMaster>): string =>
  masters
    .map((m) => `${m.ranges.map(([a, b]) => `${a}-${b}`).join(',')}=${m.runId}`)
    .sort()
    .join(' ');

/** Calls `listener` when any connection to a server of the keyspace drops or the set of nodes changes. */
export const onServerChange = (redis: RedisClient, lost: () => void, back: () => void): (() => void) => {
  if (redis instanceof Cluster) {
    const events = ['node error', '-node', '+node'] as const;
    const changed = (): void => {
      lost();
      back();
    };
    for (const e of events) redis.on(e, changed);
    return () => {
      for (const e of events) redis.off(e, changed);
    };
  }
  redis.on('close', lost);
  redis.on('ready', back);
  return () => {
    redis.off('close', lost);
    redis.off('ready', back);
  };
};

/**
 * Waits until `replicas` replicas of the master holding `key` have every write this client sent it so far (Redis'
 * WAIT, on the same connection as those writes). Answers how many did within `timeoutMs`.
 */
export const waitForReplicas = async (redis: RedisClient, key: string, replicas: number, timeoutMs: number): Promise<number> => {
  if (!(redis instanceof Cluster)) return redis.wait(replicas, timeoutMs);
  const master = redis.slots[calculateSlot(key)]?.[0];
  const node = redis.nodes('master').find((n) => `${n.options.host}:${n.options.port}` === master);
  if (node === undefined) throw new Error(`no connection to the master of ${key}`);
  return node.wait(replicas, timeoutMs);
};

/** `waitForReplicas` as a step that fails (retriable) when fewer replicas than asked have the writes; nothing for 0. */
export const replicated =
  (redis: RedisClient, replicas: number, timeoutMs: number) =>
  async (key: string): Promise<void> => {
    if (replicas <= 0) return;
    const acked = await waitForReplicas(redis, key, replicas, timeoutMs);
    if (acked < replicas) throw new Error(`only ${acked} of ${replicas} Redis replicas have the write after ${timeoutMs} ms`);
  };
