import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import {
  portError,
  topicsOf,
  type CommandApplied,
  type EventLog,
  type PlayerState,
  type PortError,
  type StoredEvent,
  type VersionConflict,
} from '@placebo/domain';
import { Cluster } from 'ioredis';
import type { RedisClient } from '../redis/redisClient.js';
import { pendingEntry, type RedisKeys } from '../redis/redisKeys.js';
import { ABANDON_WRITE, BEGIN_WRITE, COMMIT_WRITE, redisScript } from '../redis/scripts.js';
import { tryPort } from '../runtime/tryPort.js';
import type { BatchProducer, TopicMessages } from './batchProducer.js';
import { createPendingList } from './pendingList.js';
import { readTail } from '../redis/playerTail.js';
import { topicName, type KafkaSettings } from './kafkaClient.js';

export interface KafkaRedisEventLogOptions {
  readonly redis: RedisClient;
  readonly keys: RedisKeys;
  readonly producer: BatchProducer;
  readonly kafka: Pick<KafkaSettings, 'topicPrefix'>;
  /** How long a writer holds a player's intent before another process may complete it. */
  readonly leaseMs: number;
  /** How long a command's events answer `findByCommand` (idempotency window). */
  readonly commandTtlSeconds: number;
  /** How long an append waits for another writer of the same player before it fails as retriable. */
  readonly waitMs: number;
  /** Waits until Redis replicas hold the player's writes (WAIT), when the deployment asks for it. */
  readonly replicated?: (key: string) => Promise<void>;
  /** Why appends must not run now (Redis' index is being verified), or null. */
  readonly gate?: () => PortError | null;
}

/** What a process does for players whose writes were cut off (see `createKafkaRedisEventLog`). */
export interface LogMaintenance {
  readonly completeIntent: (playerId: string) => Promise<E.Either<PortError, void>>;
  readonly pending: (olderThanMs: number, max: number) => TaskEither<PortError, string[]>;
  /** The player's writes listed by the last `pending` are settled (intent closed, snapshot caught up): unlists them. */
  readonly settled: (playerId: string) => Promise<void>;
}

/** What a commit left: the player's snapshot at its head, or behind it (the sweeper brings it up). */
type Committed = 'settled' | 'behind';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const failed = (what: string, e: unknown): PortError => portError(`${what}: ${e instanceof Error ? e.message : String(e)}`, true, e);

/** Each event's JSON, made once: the intent, the Kafka messages and the tail use the same strings. */
const jsonOf = (events: ReadonlyArray<StoredEvent>): string[] => events.map((e) => JSON.stringify(e));

const messagesOf = (kafka: Pick<KafkaSettings, 'topicPrefix'>, events: ReadonlyArray<StoredEvent>, json: ReadonlyArray<string>): TopicMessages[] => {
  const byTopic = new Map<string, { key: string; value: string }[]>();
  events.forEach((e, i) => {
    const value = json[i] ?? JSON.stringify(e);
    for (const t of topicsOf(e.data)) {
      const name = topicName(kafka, t);
      const list = byTopic.get(name) ?? [];
      list.push({ key: e.player_id, value });
      byTopic.set(name, list);
    }
  });
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
};

/** The keys and arguments of `COMMIT_WRITE` for an intent's events (`json[i]` is `events[i]`). */
const commitCall = (
  o: Pick<KafkaRedisEventLogOptions, 'keys' | 'commandTtlSeconds'>,
  playerId: string,
  token: string,
  events: ReadonlyArray<StoredEvent>,
  json: ReadonlyArray<string>,
  snapshot: PlayerState | undefined,
): { readonly keys: string[]; readonly args: (string | number)[] } => {
  const { keys } = o;
  // One write may hold several commands' events (per-player group commit): each command is indexed on its own.
  const byCommand = new Map<string, string[]>();
  events.forEach((e, i) => byCommand.set(e.command_id, [...(byCommand.get(e.command_id) ?? []), json[i] ?? JSON.stringify(e)]));
  const commandKeys = [...byCommand.keys()].map((c) => keys.command(playerId, c));
  // A write of one command indexes the intent itself ('' tells the script so): its events cross the wire once.
  const commandJson = byCommand.size === 1 ? [''] : [...byCommand.values()].map((list) => `[${list.join(',')}]`);
  // Events the snapshot covers need no tail entry: only a recovered intent (no snapshot) fills the tail.
  const pairs = snapshot === undefined ? events.flatMap((e, i) => [e.player_version, json[i] ?? JSON.stringify(e)]) : [];
  const snap = snapshot === undefined ? ['', ''] : [snapshot.version, JSON.stringify(snapshot)];
  return {
    keys: [keys.player(playerId), keys.tail(playerId), keys.snapshot(playerId), ...commandKeys],
    args: [token, o.commandTtlSeconds, ...snap, ...commandJson, ...pairs],
  };
};

/** The three Lua steps of a write intent (begin, produce and commit, abandon) over one Redis index. */
const createIntents = (o: KafkaRedisEventLogOptions) => {
  const { redis, keys } = o;
  const begin = redisScript(redis, BEGIN_WRITE);
  const commit = redisScript(redis, COMMIT_WRITE);
  const abandon = redisScript(redis, ABANDON_WRITE);

  /**
   * `BEGIN_WRITE`: 'ok', 'conflict', 'recover' with an open intent's events, 'busy' with the lease's time left, or
   * 'applied' with the place in `unseen` of a command that ran before.
   */
  const beginWrite = async (
    playerId: string,
    args: ReadonlyArray<string | number>,
    unseen: ReadonlyArray<string> = [],
  ): Promise<E.Either<PortError, string[]>> => {
    try {
      return E.right((await begin([keys.player(playerId), ...unseen.map((c) => keys.command(playerId, c))], [...args])) as string[]);
    } catch (e) {
      return E.left(failed('begin write', e));
    }
  };

  /** Produces an intent's events and closes it, storing `snapshot` (the state after them) when the writer has it. */
  const complete = async (
    playerId: string,
    token: string,
    events: ReadonlyArray<StoredEvent>,
    snapshot?: PlayerState,
  ): Promise<E.Either<PortError, Committed>> => {
    const json = jsonOf(events);
    return completeJson(playerId, token, events, json, snapshot);
  };

  /**
   * `complete` with each event's JSON already made (`json[i]` is `events[i]`, and the intent is their array). Right
   * 'settled' when the player's snapshot now covers its head, 'behind' when it does not (or the token lost the intent).
   */
  const completeJson = async (
    playerId: string,
    token: string,
    events: ReadonlyArray<StoredEvent>,
    json: ReadonlyArray<string>,
    snapshot?: PlayerState,
  ): Promise<E.Either<PortError, Committed>> => {
    try {
      await o.producer.send(messagesOf(o.kafka, events, json));
    } catch (e) {
      await abandon([keys.player(playerId)], [token]).catch(() => undefined);
      return E.left(failed('produce', e));
    }
    const call = commitCall(o, playerId, token, events, json, snapshot);
    return tryPort('commit write', async (): Promise<Committed> => {
      const answer = await commit(call.keys, call.args);
      // Acknowledged only once replicas have the head, intent and index too (when asked): a failover keeps them.
      await o.replicated?.(keys.player(playerId));
      return answer === 2 ? 'settled' : 'behind';
    })();
  };

  return { beginWrite, complete, completeJson };
};

/** Begins, produces and commits one write (finishing an abandoned one first); `token` fences it. */
const createWrite =
  (o: KafkaRedisEventLogOptions, { beginWrite, complete, completeJson }: ReturnType<typeof createIntents>, writer: string) =>
  async (
    playerId: string,
    expected: number,
    events: ReadonlyArray<StoredEvent>,
    snapshot: PlayerState | undefined,
    unseen: ReadonlyArray<string>,
    token: string,
  ): Promise<E.Either<PortError | VersionConflict | CommandApplied, Committed>> => {
    const json = jsonOf(events);
    const intent = `[${json.join(',')}]`;
    const deadline = Date.now() + o.waitMs;
    let backoff = 1;
    for (;;) {
      const begun = await beginWrite(playerId, [expected, events.length, token, o.leaseMs, intent, playerId, writer], unseen);
      if (E.isLeft(begun)) return begun;
      const answer = begun.right;
      switch (answer[0]) {
        case 'ok':
          return completeJson(playerId, token, events, json, snapshot);
        case 'conflict':
          return E.left({ _tag: 'VersionConflict', player_id: playerId, expected });
        case 'applied':
          return E.left({ _tag: 'CommandApplied', player_id: playerId, command_id: unseen[Number(answer[1]) - 1] ?? '' });
        case 'recover': {
          // An earlier writer decided these events and did not finish: finish it, then try ours again.
          const done = await complete(playerId, token, JSON.parse(answer[1] ?? '[]') as StoredEvent[]);
          if (E.isLeft(done)) return done;
          continue;
        }
        default: {
          const left = Number(answer[1] ?? 0);
          // Nothing of this write began: it leaves nothing to settle.
          if (Date.now() + Math.min(backoff, left) > deadline) return E.left(portError(`player ${playerId}: another writer held it for ${o.waitMs} ms`, true));
          await sleep(Math.max(1, Math.min(backoff, left)));
          backoff = Math.min(backoff * 2, 4);
        }
      }
    }
  };

/**
 * The event log on Kafka, with Redis as its per-player index. Kafka cannot append at an expected version, so a
 * write is three steps, after it is listed as pending (see createPendingList):
 * 1. `BEGIN_WRITE` (one Lua call) checks the player's head version and that no command of the write ran before
 *    (the command index: the idempotency lookup rides in the same round trip), opens a *write intent* holding the
 *    decided events under a lease and a fencing token, and moves the head; a second writer sees the intent and waits.
 * 2. The events are produced (idempotent producer, acks=all, key = player id, so they keep their order in one
 *    partition of each topic).
 * 3. `COMMIT_WRITE` closes the intent (if the token still holds it), indexes each command's events and stores the
 *    snapshot after them, all in one call; events without a snapshot (a recovered intent) join the player's tail.
 * A crash or a failed produce leaves the intent open; the next writer of that player (after the lease, or at once for
 * a failed produce) takes it over, produces the same events again and commits them before deciding anything new. So
 * no decided event is lost and versions stay gapless; a re-produced copy carries the same event_id and
 * player_version, and consumers skip a (player_id, player_version) they have already seen.
 */
export const createKafkaRedisEventLog = (o: KafkaRedisEventLogOptions): EventLog & LogMaintenance => {
  const { redis, keys } = o;
  const intents = createIntents(o);
  const { beginWrite, complete } = intents;
  /** This process as a writer: its turn reservations are its own. */
  const writer = randomUUID();
  const write = createWrite(o, intents, writer);
  const pendingList = createPendingList(o);
  const oneServer = !(redis instanceof Cluster);

  /** Why an append must not even begin (Right when there is nothing to write); undefined when it may. */
  const refusal = (playerId: string, events: ReadonlyArray<StoredEvent>): E.Either<PortError, void> | undefined => {
    if (events.some((e) => e.player_id !== playerId)) return E.left(portError('append: every event must belong to the player appended to', false));
    if (events.length === 0) return E.right(undefined);
    const closed = o.gate?.() ?? null;
    return closed === null ? undefined : E.left(closed);
  };

  const append = async (
    playerId: string,
    expected: number,
    events: ReadonlyArray<StoredEvent>,
    snapshot: PlayerState | undefined,
    unseen: ReadonlyArray<string>,
  ): Promise<E.Either<PortError | VersionConflict | CommandApplied, void>> => {
    const refused = refusal(playerId, events);
    if (refused !== undefined) return refused;
    const token = randomUUID();
    const entry = pendingEntry(token, playerId);
    const listing = pendingList.list(playerId, entry, expected === 0);
    // One server runs a connection's commands in order: the listing sent in the same pipeline as BEGIN_WRITE runs
    // first. A cluster may hold the pending shard on another node: the write begins only once the listing holds.
    if (!oneServer) {
      const listed = await listing;
      if (E.isLeft(listed)) return listed;
    }
    const written = await write(playerId, expected, events, snapshot, unseen, token);
    await listing;
    if (E.isLeft(written) ? written.left._tag !== 'PortError' : written.right === 'settled') pendingList.unlist(playerId, entry);
    return E.isLeft(written) ? written : E.right(undefined);
  };

  /** Completes the player's intent if its writer is gone (lease over); nothing when none is open or it is alive. */
  const completeIntent = async (playerId: string): Promise<E.Either<PortError, void>> => {
    const token = randomUUID();
    const begun = await beginWrite(playerId, [-1, 0, token, o.leaseMs, '[]', playerId, '']);
    if (E.isLeft(begun)) return begun;
    const answer = begun.right;
    if (answer[0] !== 'recover') return E.right(undefined);
    const done = await complete(playerId, token, JSON.parse(answer[1] ?? '[]') as StoredEvent[]);
    return E.isLeft(done) ? done : E.right(undefined);
  };
  return {
    completeIntent,
    pending: pendingList.pending,
    settled: pendingList.settled,
    append:
      (playerId, expected, events, snapshot, unseen = []) =>
      () =>
        append(playerId, expected, events, snapshot, unseen),
    readPlayer: (playerId, after) => () => readTail(redis, keys, playerId, after),
    findByCommand: (playerId, commandId) =>
      tryPort('find command', async () => {
        const json = await redis.get(keys.command(playerId, commandId));
        return json === null ? [] : (JSON.parse(json) as StoredEvent[]);
      }),
  };
};
