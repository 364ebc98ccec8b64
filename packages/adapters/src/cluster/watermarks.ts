import { keyspaceMasters } from '../redis/redisServers.js';
import type { RedisClient } from '../redis/redisClient.js';
import type { RedisKeys } from '../redis/redisKeys.js';

/**
 * The log watermarks: Kafka's end offsets below which every record is known to Redis' index (see createIndexGuard).
 */
interface WatermarkStore {
  readonly redis: RedisClient;
  readonly keys: RedisKeys;
}

const WATERMARKS = 'watermarks';

const parseMarks = (raw: string | null): Map<number, number> | null =>
  raw === null ? null : new Map(Object.entries(JSON.parse(raw) as Record<string, number>).map(([p, v]) => [Number(p), v]));

/**
 * The watermarks the servers vouch for. One server keeps them in `meta`. Each master of a Redis Cluster keeps its own
 * copy (a replica that takes over has the copy it replicated, with the writes before it): the lowest copy per
 * partition counts, and a master without one (new, or it lost it) vouches for nothing, so the scan starts at 0.
 */
export const storedWatermarks = async (o: WatermarkStore): Promise<Map<number, number>> => {
  const masters = await keyspaceMasters(o.redis);
  if (masters.length === 1 && masters[0]?.address === 'server') return parseMarks(await o.redis.hget(o.keys.meta, WATERMARKS)) ?? new Map();
  const copies = await Promise.all(masters.map(async (m) => parseMarks(await o.redis.get(o.keys.watermarks(m.tag)))));
  if (copies.some((c) => c === null)) return new Map();
  const low = new Map<number, number>();
  for (const c of copies) for (const [p, v] of c ?? []) low.set(p, Math.min(v, low.get(p) ?? v));
  // A partition one copy does not name is vouched for by none.
  for (const p of [...low.keys()]) if (copies.some((c) => !(c?.has(p) ?? false))) low.delete(p);
  return low;
};

/** Stores the watermarks where `storedWatermarks` reads them: `meta`, and each master's copy on a cluster. */
export const storeWatermarks = async (o: WatermarkStore, ends: Map<number, number>): Promise<void> => {
  const json = JSON.stringify(Object.fromEntries(ends));
  const masters = await keyspaceMasters(o.redis);
  await Promise.all([
    o.redis.hset(o.keys.meta, WATERMARKS, json),
    ...(masters.length === 1 && masters[0]?.address === 'server' ? [] : masters.map((m) => o.redis.set(o.keys.watermarks(m.tag), json))),
  ]);
};
