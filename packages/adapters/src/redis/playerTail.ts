import * as E from 'fp-ts/lib/Either.js';
import type { PortError, StoredEvent, VersionConflict } from '@placebo/domain';
import { tryPort } from '../runtime/tryPort.js';
import type { RedisClient } from './redisClient.js';
import type { RedisKeys } from './redisKeys.js';

/** The player's events after `after` from its tail in Redis; a base older than the floor is a conflict. */
export const readTail = async (
  redis: RedisClient,
  keys: RedisKeys,
  playerId: string,
  after: number,
): Promise<E.Either<PortError | VersionConflict, StoredEvent[]>> => {
  const read = await tryPort('read player', () => Promise.all([redis.hget(keys.player(playerId), 'floor'), redis.hgetall(keys.tail(playerId))]))();
  if (E.isLeft(read)) return read;
  const [floor, tail] = read.right;
  // Versions up to the floor left the tail when a snapshot took them in: the caller's base is older than that.
  if (after < Number(floor ?? 0)) return E.left({ _tag: 'VersionConflict', player_id: playerId, expected: after });
  const events = Object.entries(tail)
    .map(([v, json]) => [Number(v), json] as const)
    .filter(([v]) => v > after)
    .sort(([a], [b]) => a - b)
    .map(([, json]) => JSON.parse(json) as StoredEvent);
  return E.right(events);
};
