import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import type { RedisClient } from './redisClient.js';
import type { OffsetStore, PartitionLease } from '@placebo/domain';
import { tryPort } from '../runtime/tryPort.js';
import type { RedisKeys } from './redisKeys.js';
import { redisScript } from './scripts.js';
import { CLAIM_PARTITION, COMMIT_PARTITION, RELEASE_PARTITION, RENEW_PARTITION } from './sinkScripts.js';

const leaseValue = (l: PartitionLease): string => `${l.owner}|${l.epoch}`;
/** Players looked up per HMGET, or written per script call (arguments are spread into one call). */
const CHUNK = 5000;

/** Offsets, landed versions and leases in Redis (see redisKeys.ts); each step is one script on one partition's keys. */
export const createRedisOffsetStore = ({ redis, keys }: { readonly redis: RedisClient; readonly keys: RedisKeys }): OffsetStore => {
  const claim = redisScript(redis, CLAIM_PARTITION);
  const renew = redisScript(redis, RENEW_PARTITION);
  const release = redisScript(redis, RELEASE_PARTITION);
  const commit = redisScript(redis, COMMIT_PARTITION);
  return {
    get: (consumer, topic, partition) =>
      tryPort('get offset', async () => {
        const k = keys.consumerPartition(consumer, topic, partition);
        const next = (await redis.get(k.offset)) ?? (await redis.hget(keys.offsets(consumer), `${topic}:${partition}`));
        return O.map(Number)(O.fromNullable(next));
      }),
    claim: (consumer, topic, partition, owner, ttlMs, replacing) =>
      tryPort('claim partition', async () => {
        const k = keys.consumerPartition(consumer, topic, partition);
        const sent = Date.now();
        const epoch = await claim([k.lease, k.epoch], [owner, ttlMs, replacing ?? '']);
        return typeof epoch === 'number' ? O.some({ owner, epoch, until: sent + ttlMs }) : O.none;
      }),
    holder: (consumer, topic, partition) =>
      tryPort('lease holder', async () => {
        const value = await redis.get(keys.consumerPartition(consumer, topic, partition).lease);
        return O.fromNullable(value === null ? null : value.slice(0, value.lastIndexOf('|')));
      }),
    renew: (consumer, topic, partition, lease, ttlMs) =>
      tryPort('renew lease', async () => {
        const sent = Date.now();
        const held = await renew([keys.consumerPartition(consumer, topic, partition).lease], [leaseValue(lease), ttlMs]);
        return held === 1 ? O.some({ ...lease, until: sent + ttlMs }) : O.none;
      }),
    release: (consumer, topic, partition, lease) =>
      tryPort('release lease', async () => void (await release([keys.consumerPartition(consumer, topic, partition).lease], [leaseValue(lease)]))),
    landed: (consumer, topic, partition, players) =>
      tryPort('landed versions', async () => {
        const k = keys.consumerPartition(consumer, topic, partition);
        const out = new Map<string, number>();
        for (let i = 0; i < players.length; i += CHUNK) {
          const ids = players.slice(i, i + CHUNK);
          const versions = await redis.hmget(k.landed, ...ids);
          ids.forEach((id, j) => {
            const v = versions[j];
            if (v !== null && v !== undefined) out.set(id, Number(v));
          });
        }
        return out;
      }),
    /**
     * The landed versions go in chunks, the last with the offset, each refused once the lease is lost. A crash between
     * chunks leaves versions landed ahead of the offset: the files holding those records' rows are published before
     * commit is called, so the records re-read after a restart are rightly dropped.
     */
    commit: (consumer, topic, partition, c) => async () => {
      const k = keys.consumerPartition(consumer, topic, partition);
      for (let i = 0; i === 0 || i < c.landed.length; i += CHUNK) {
        const last = i + CHUNK >= c.landed.length;
        const args = [leaseValue(c.lease), last ? c.next : '', ...c.landed.slice(i, i + CHUNK).flat()];
        const done = await tryPort('commit offset', () => commit([k.lease, k.offset, k.landed], args))();
        if (E.isLeft(done)) return done;
        if (done.right !== 1) return E.left({ _tag: 'Fenced', topic, partition });
      }
      return E.right(undefined);
    },
  };
};
