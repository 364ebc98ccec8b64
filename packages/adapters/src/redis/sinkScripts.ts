/**
 * The consumer's lease and commit scripts. KEYS of one partition share a hash tag (redisKeys.consumerPartition).
 * A lease's value is `owner|epoch`; the epoch counter outlives leases, so each new holder gets a higher one.
 */

/**
 * KEYS: lease, epoch. ARGV: owner, ttl ms, the owner to replace (a dead holder; '' for none). Answers the epoch held,
 * or false when another owner holds the lease.
 */
export const CLAIM_PARTITION = `
local cur = redis.call('GET', KEYS[1])
if cur then
  local owner, epoch = string.match(cur, '^(.*)|(%d+)$')
  if owner == ARGV[1] then
    redis.call('PEXPIRE', KEYS[1], ARGV[2])
    return tonumber(epoch)
  end
  if ARGV[3] == '' or owner ~= ARGV[3] then return false end
end
local epoch = redis.call('INCR', KEYS[2])
redis.call('SET', KEYS[1], ARGV[1] .. '|' .. epoch, 'PX', ARGV[2])
return epoch
`;

/** KEYS: lease. ARGV: owner|epoch, ttl ms. Answers 1 when renewed, 0 when the lease is gone or someone else's. */
export const RENEW_PARTITION = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
`;

/** KEYS: lease. ARGV: owner|epoch. */
export const RELEASE_PARTITION = `
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1
`;

/**
 * KEYS: lease, offset, landed. ARGV: owner|epoch, next offset (or '' to leave it), then (player, version) pairs.
 * Refuses (answers 0) unless the lease is held; else raises each player's landed version and moves the offset.
 */
export const COMMIT_PARTITION = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if ARGV[2] ~= '' then redis.call('SET', KEYS[2], ARGV[2]) end
for i = 3, #ARGV, 2 do
  local seen = tonumber(redis.call('HGET', KEYS[3], ARGV[i]) or '0')
  if tonumber(ARGV[i + 1]) > seen then redis.call('HSET', KEYS[3], ARGV[i], ARGV[i + 1]) end
end
return 1
`;
