/**
 * Every Redis key Placebo uses, in one place. A player's keys share the hash tag `{player}` so that the scripts
 * touching several of them stay valid on a Redis Cluster.
 *
 * | key | type | holds |
 * |---|---|---|
 * | `p:{id}` | hash | `head` (last version decided), `floor` (versions ≤ floor are folded into the snapshot and gone from the tail), `intent`/`token`/`lease` (a decision being produced to Kafka) |
 * | `t:{id}` | hash | version → event JSON: events in Kafka that the snapshot does not reflect yet |
 * | `s:{id}` | hash | `v` version, `j` state JSON (the snapshot) |
 * | `c:{id}:<command>` | string | the events a command produced (idempotency), with a time to live |
 * | `snapshots` | sorted set | every player that has (or is about to have) a snapshot, for paging in id order; a player joins it before its first write |
 * | `pending:{<n>}` | sorted set | 16 shards: `<token>\|<player>` for each write begun and not yet known settled (its snapshot caught up with its head), by the time (ms) it began |
 * | `a:<name>` | hash | `pid`, `hash`: the name's owner and password hash |
 * | `sess:<sha256>` | string | the player of a session token's digest, with the session's time to live |
 * | `ps:<id>` | sorted set | the player's session digests, by expiry time (ms): the cap ends the oldest |
 * | `o:<consumer>` | hash | `topic:partition` → next offset (read only: where offsets were kept before the keys below) |
 * | `k:{<consumer>:<topic>:<partition>}:o` | string | a consumer's next offset in a partition |
 * | `k:{…}:l` | string | `owner\|epoch` of the lease on the partition, with the lease's time to live |
 * | `k:{…}:e` | string | the partition's last lease epoch (grows with each new holder) |
 * | `k:{…}:v` | hash | player → highest version landed from the partition |
 * | `meta` | hash | `index` = 1 once the keys above describe the whole log (set on first start and by replay) |
 * | `w:{<tag>}` | string | the log watermarks as one master of a Redis Cluster holds them (`<tag>` hashes to a slot of that master) |
 *
 * On a Redis Cluster a script may only touch keys of one slot: the scripts touch a player's keys only. The global sets
 * (`snapshots`, the `pending` shards) are written by commands of their own, in an order that keeps them conservative:
 * a write joins `pending` before it begins and leaves it after its snapshot caught up.
 */
export interface RedisKeys {
  readonly player: (id: string) => string;
  readonly tail: (id: string) => string;
  readonly snapshot: (id: string) => string;
  readonly command: (id: string, commandId: string) => string;
  readonly snapshots: string;
  /** The pending shard of a player (see the table). */
  readonly pending: (id: string) => string;
  /** Every pending shard. */
  readonly pendingShards: ReadonlyArray<string>;
  /** A master's copy of the watermarks, under a tag of one of its slots. */
  readonly watermarks: (tag: string) => string;
  readonly snapshotPattern: string;
  readonly account: (nameKey: string) => string;
  readonly session: (digest: string) => string;
  readonly playerSessions: (id: string) => string;
  readonly offsets: (consumer: string) => string;
  /** A consumer's keys for one partition, sharing one hash tag. */
  readonly consumerPartition: (
    consumer: string,
    topic: string,
    partition: number,
  ) => { readonly offset: string; readonly lease: string; readonly epoch: string; readonly landed: string };
  readonly meta: string;
}

const PENDING_SHARDS = 16;

/** Which pending shard a player's writes are listed in (a string hash; any stable spread will do). */
const pendingShard = (id: string): number => {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) | 0;
  return Math.abs(h) % PENDING_SHARDS;
};

/** A pending entry names one write: its token and the player. */
export const pendingEntry = (token: string, playerId: string): string => `${token}|${playerId}`;
export const pendingPlayer = (entry: string): string => entry.slice(entry.indexOf('|') + 1);

export const redisKeys = (prefix: string): RedisKeys => ({
  player: (id) => `${prefix}p:{${id}}`,
  tail: (id) => `${prefix}t:{${id}}`,
  snapshot: (id) => `${prefix}s:{${id}}`,
  command: (id, commandId) => `${prefix}c:{${id}}:${commandId}`,
  snapshots: `${prefix}snapshots`,
  pending: (id) => `${prefix}pending:{${pendingShard(id)}}`,
  pendingShards: Array.from({ length: PENDING_SHARDS }, (_, n) => `${prefix}pending:{${n}}`),
  watermarks: (tag) => `${prefix}w:{${tag}}`,
  snapshotPattern: `${prefix}s:{*}`,
  account: (nameKey) => `${prefix}a:${nameKey}`,
  session: (digest) => `${prefix}sess:${digest}`,
  playerSessions: (id) => `${prefix}ps:${id}`,
  offsets: (consumer) => `${prefix}o:${consumer}`,
  consumerPartition: (consumer, topic, partition) => {
    const tag = `${prefix}k:{${consumer}:${topic}:${partition}}`;
    return { offset: `${tag}:o`, lease: `${tag}:l`, epoch: `${tag}:e`, landed: `${tag}:v` };
  },
  meta: `${prefix}meta`,
});
