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
 * | `snapshots` | sorted set | every player with a snapshot (for paging in id order) |
 * | `pending` | sorted set | players whose snapshot may be behind their head (a write in progress or cut off), by the time they joined |
 * | `a:<name>` | hash | `pid`, `hash`: the name's owner and password hash |
 * | `sess:<sha256>` | string | the player of a session token's digest, with the session's time to live |
 * | `ps:<id>` | sorted set | the player's session digests, by expiry time (ms): the cap ends the oldest |
 * | `o:<consumer>` | hash | `topic:partition` → next offset (read only: where offsets were kept before the keys below) |
 * | `k:{<consumer>:<topic>:<partition>}:o` | string | a consumer's next offset in a partition |
 * | `k:{…}:l` | string | `owner\|epoch` of the lease on the partition, with the lease's time to live |
 * | `k:{…}:e` | string | the partition's last lease epoch (grows with each new holder) |
 * | `k:{…}:v` | hash | player → highest version landed from the partition |
 * | `meta` | hash | `index` = 1 once the keys above describe the whole log (set on first start and by replay) |
 */
export interface RedisKeys {
  readonly player: (id: string) => string;
  readonly tail: (id: string) => string;
  readonly snapshot: (id: string) => string;
  readonly command: (id: string, commandId: string) => string;
  readonly snapshots: string;
  readonly pending: string;
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

export const redisKeys = (prefix: string): RedisKeys => ({
  player: (id) => `${prefix}p:{${id}}`,
  tail: (id) => `${prefix}t:{${id}}`,
  snapshot: (id) => `${prefix}s:{${id}}`,
  command: (id, commandId) => `${prefix}c:{${id}}:${commandId}`,
  snapshots: `${prefix}snapshots`,
  pending: `${prefix}pending`,
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
