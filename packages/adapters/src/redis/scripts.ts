import { createHash } from 'node:crypto';
import type { RedisClient } from './redisClient.js';

export type RedisScript = (keys: ReadonlyArray<string>, args: ReadonlyArray<string | number>) => Promise<unknown>;

/** A Lua script called by its SHA (one round trip), loaded on the first NOSCRIPT answer (after a Redis restart too). */
export const redisScript = (redis: RedisClient, lua: string): RedisScript => {
  const sha = createHash('sha1').update(lua).digest('hex');
  return async (keys, args) => {
    try {
      return await redis.evalsha(sha, keys.length, ...keys, ...args);
    } catch (e) {
      if (e instanceof Error && e.message.startsWith('NOSCRIPT')) return redis.eval(lua, keys.length, ...keys, ...args);
      throw e;
    }
  };
};

/**
 * Stores a snapshot unless a newer one is stored, then drops the tail events it folds in.
 * KEYS: snapshot, player, tail (one player's: one slot). ARGV: version, state JSON.
 */
export const PUT_SNAPSHOT = `
local v = tonumber(ARGV[1])
local cur = tonumber(redis.call('HGET', KEYS[1], 'v') or '-1')
if v <= cur then return 0 end
redis.call('HSET', KEYS[1], 'v', v, 'j', ARGV[2])
local head = tonumber(redis.call('HGET', KEYS[2], 'head') or '0')
if v > head then redis.call('HSET', KEYS[2], 'head', v) end
local floor = tonumber(redis.call('HGET', KEYS[2], 'floor') or '0')
if v > floor then
  redis.call('HSET', KEYS[2], 'floor', v)
  for _, k in ipairs(redis.call('HKEYS', KEYS[3])) do
    if tonumber(k) <= v then redis.call('HDEL', KEYS[3], k) end
  end
end
return 1`;

/** KEYS: account. ARGV: player id, password hash ('' for none), has hash (1/0). 1 = claimed by this player. */
export const CLAIM_NAME = `
local owner = redis.call('HGET', KEYS[1], 'pid')
if not owner then
  redis.call('HSET', KEYS[1], 'pid', ARGV[1], 'hash', ARGV[2], 'has', ARGV[3])
  return 1
end
if owner == ARGV[1] then return 1 end
return 0`;

/** KEYS: account. ARGV: player id. */
export const RELEASE_NAME = `
if redis.call('HGET', KEYS[1], 'pid') == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1`;

/**
 * Opens a write intent when the player's head is the expected version, no other intent is open and none of the
 * commands named ran before (their command keys are absent: the idempotency lookup in the same round trip).
 * KEYS: player, then the command keys of the commands that must not have run (one player's: one slot).
 * ARGV: expected, count, token, lease ms, events JSON, player id, writer id ('' for none).
 * Answers {'ok'}, {'conflict', head}, {'busy', ms to wait}, {'applied', n} (the n-th command key exists), or
 * {'recover', intent}: an abandoned intent, now leased to the caller under the given token.
 * The caller has listed the write in the pending set before (a separate key: it may live on another cluster node).
 * Turns: a writer that had to wait or re-decide reserves the next turn for 250 ms, so that two processes writing the
 * same player alternate instead of one of them winning every race (and the other running out of attempts).
 */
export const BEGIN_WRITE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local lease = now + tonumber(ARGV[4])
local writer = ARGV[7]
local function reserve()
  if writer == '' then return end
  local owner = redis.call('HGET', KEYS[1], 'next')
  local until_ = tonumber(redis.call('HGET', KEYS[1], 'next_until') or '0')
  if (not owner) or until_ <= now or owner == writer then
    redis.call('HSET', KEYS[1], 'next', writer, 'next_until', now + 250)
  end
end
local open = redis.call('HGET', KEYS[1], 'intent')
if open then
  local until_ = tonumber(redis.call('HGET', KEYS[1], 'lease') or '0')
  if until_ > now then
    reserve()
    return {'busy', tostring(until_ - now)}
  end
  redis.call('HSET', KEYS[1], 'token', ARGV[3], 'lease', lease)
  return {'recover', open}
end
local owner = redis.call('HGET', KEYS[1], 'next')
if writer ~= '' and owner and owner ~= writer then
  local until_ = tonumber(redis.call('HGET', KEYS[1], 'next_until') or '0')
  if until_ > now then return {'busy', tostring(until_ - now)} end
end
local head = tonumber(redis.call('HGET', KEYS[1], 'head') or '0')
if head ~= tonumber(ARGV[1]) then
  reserve()
  return {'conflict', tostring(head)}
end
for k = 2, #KEYS do
  if redis.call('EXISTS', KEYS[k]) == 1 then return {'applied', tostring(k - 1)} end
end
if owner == writer then redis.call('HDEL', KEYS[1], 'next', 'next_until') end
redis.call('HSET', KEYS[1], 'head', head + tonumber(ARGV[2]), 'intent', ARGV[5], 'token', ARGV[3], 'lease', lease)
return {'ok'}`;

/**
 * Closes an intent whose events Kafka acknowledged, in one call: each command's events join the command index, the
 * snapshot after them (when the writer has it) is stored, and only events the snapshot does not cover join the tail.
 * KEYS: player, tail, snapshot, then one command key per command of the write (one player's: one slot).
 * ARGV: token, command ttl s, snapshot version ('' for none), snapshot JSON, then each command's events JSON
 * (as many as command keys; '' when the command's events are the whole intent, which is then not sent again), then
 * version/event JSON pairs.
 * 0 when the token no longer holds the intent (another process completed it); 2 when the snapshot now covers the
 * head (the write may leave the pending set), else 1.
 */
export const COMMIT_WRITE = `
if redis.call('HGET', KEYS[1], 'token') ~= ARGV[1] then return 0 end
local intent = redis.call('HGET', KEYS[1], 'intent')
redis.call('HDEL', KEYS[1], 'intent', 'token', 'lease')
local commands = #KEYS - 3
for c = 1, commands do
  local events = ARGV[4 + c]
  if events == '' then events = intent end
  redis.call('SET', KEYS[3 + c], events, 'EX', tonumber(ARGV[2]))
end
local floor = tonumber(redis.call('HGET', KEYS[1], 'floor') or '0')
local v = tonumber(ARGV[3])
if v and v > tonumber(redis.call('HGET', KEYS[3], 'v') or '-1') then
  redis.call('HSET', KEYS[3], 'v', v, 'j', ARGV[4])
  if v > floor then
    redis.call('HSET', KEYS[1], 'floor', v)
    if redis.call('EXISTS', KEYS[2]) == 1 then
      for _, k in ipairs(redis.call('HKEYS', KEYS[2])) do
        if tonumber(k) <= v then redis.call('HDEL', KEYS[2], k) end
      end
    end
    floor = v
  end
end
for i = 5 + commands, #ARGV, 2 do
  if tonumber(ARGV[i]) > floor then redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1]) end
end
if floor >= tonumber(redis.call('HGET', KEYS[1], 'head') or '0') then return 2 end
return 1`;

/** Lets the next writer complete an intent at once (its produce failed). KEYS: player. ARGV: token. */
export const ABANDON_WRITE = `
if redis.call('HGET', KEYS[1], 'token') == ARGV[1] then redis.call('HSET', KEYS[1], 'lease', 0) end
return 1`;

/**
 * Puts back events that Kafka holds beyond the player's head (Redis lost the writes that indexed them): each version
 * right after the head joins the tail and becomes the head. KEYS: player, tail. ARGV: version/event JSON pairs in
 * version order. Answers how many were put back (the last ones of ARGV).
 */
export const REPAIR_PLAYER = `
local head = tonumber(redis.call('HGET', KEYS[1], 'head') or '0')
local put = 0
for i = 1, #ARGV, 2 do
  local v = tonumber(ARGV[i])
  if v == head + 1 then
    redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1])
    head = v
    put = put + 1
  end
end
if put > 0 then redis.call('HSET', KEYS[1], 'head', head) end
return put`;
