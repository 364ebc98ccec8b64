import * as E from 'fp-ts/lib/Either.js';
import type { Redis } from 'ioredis';
import { portError, type AccountStore, type LogRecord, type LogSource, type PortError, type StoredEvent } from '@placebo/domain';
import type { RedisKeys } from '../redis/redisKeys.js';
import { REPAIR_PLAYER, redisScript } from '../redis/scripts.js';
import type { Logger } from '../runtime/logger.js';

/** What a verification of Redis' index against the Kafka log found and put back. */
export interface IndexRepair {
  /** Records read between the stored watermarks and Kafka's end offsets. */
  readonly scanned: number;
  /** Players whose head in Redis was behind their events in Kafka (Redis lost writes it had acknowledged). */
  readonly players: number;
  /** Events put back into those players' tails. */
  readonly events: number;
  /** Registrations whose account Redis lost: the name is held for its player again, without a password. */
  readonly accountsWithoutPassword: ReadonlyArray<string>;
}

export interface IndexGuard {
  /** Why appends must wait (the index is being verified after Redis came back), or null when they may run. */
  readonly gate: () => PortError | null;
  /** Scans the log from the watermarks, puts back what Redis lost, and moves the watermarks to the end. */
  readonly verify: (progress?: (done: number, total: number) => void) => Promise<IndexRepair>;
  /** Stores Kafka's current end offsets as the watermarks: every record below them is known to Redis. */
  readonly checkpoint: () => Promise<void>;
  readonly close: () => Promise<void>;
}

export interface IndexGuardOptions {
  readonly redis: Redis;
  readonly keys: RedisKeys;
  /** Kafka's end offset of each partition of topic all_events. */
  readonly endOffsets: () => Promise<Map<number, number>>;
  /** A reader of topic all_events that sees every partition (made for one verification, then closed). */
  readonly openSource: () => LogSource & { readonly close: () => Promise<void> };
  readonly accounts: AccountStore;
  /** False when Redis lost every key (then only `placebo replay` rebuilds the index). */
  readonly indexed: () => Promise<boolean>;
  readonly commandTtlSeconds: number;
  /** How often the watermarks move up while the process runs. */
  readonly checkpointMs: number;
  readonly logger: Logger;
}

const WATERMARKS = 'watermarks';

const must = async <A>(te: () => Promise<E.Either<PortError, A>>): Promise<A> => {
  const r = await te();
  if (E.isLeft(r)) throw new Error(r.left.message);
  return r.right;
};

const runIdOf = (info: string): string | null => /run_id:(\w+)/.exec(info)?.[1] ?? null;

type RepairScript = ReturnType<typeof redisScript>;

const storedWatermarks = async (o: IndexGuardOptions): Promise<Map<number, number>> => {
  const raw = await o.redis.hget(o.keys.meta, WATERMARKS);
  const parsed = raw === null ? {} : (JSON.parse(raw) as Record<string, number>);
  return new Map(Object.entries(parsed).map(([p, v]) => [Number(p), v]));
};

/** The player's events that Redis had lost, now back in its tail (none when its head already covers them). */
const repairPlayer = async (
  o: IndexGuardOptions,
  repair: RepairScript,
  playerId: string,
  events: ReadonlyArray<StoredEvent>,
): Promise<ReadonlyArray<StoredEvent>> => {
  const byVersion = new Map(events.map((e) => [e.player_version, e]));
  const sorted = [...byVersion.values()].sort((a, b) => a.player_version - b.player_version);
  const put = Number(
    await repair(
      [o.keys.player(playerId), o.keys.tail(playerId)],
      sorted.flatMap((e) => [e.player_version, JSON.stringify(e)]),
    ),
  );
  if (put === 0) return [];
  const missing = sorted.slice(-put);
  const byCommand = new Map<string, StoredEvent[]>();
  for (const e of missing) byCommand.set(e.command_id, [...(byCommand.get(e.command_id) ?? []), e]);
  await Promise.all([...byCommand].map(([c, list]) => o.redis.set(o.keys.command(playerId, c), JSON.stringify(list), 'EX', o.commandTtlSeconds, 'NX')));
  return missing;
};

interface Tally {
  scanned: number;
  players: Set<string>;
  events: number;
  accountsWithoutPassword: string[];
}

/** Puts back what one batch of records holds beyond their players' heads (a player's records arrive in order). */
const repairBatch = async (o: IndexGuardOptions, repair: RepairScript, records: ReadonlyArray<LogRecord>, tally: Tally): Promise<void> => {
  const byPlayer = new Map<string, StoredEvent[]>();
  for (const r of records) byPlayer.set(r.event.player_id, [...(byPlayer.get(r.event.player_id) ?? []), r.event]);
  await Promise.all(
    [...byPlayer].map(async ([playerId, list]) => {
      const missing = await repairPlayer(o, repair, playerId, list);
      if (missing.length === 0) return;
      tally.players.add(playerId);
      tally.events += missing.length;
      for (const e of missing) {
        if (e.data.type !== 'PlayerRegistered') continue;
        const found = await must(o.accounts.find(e.data.name));
        if (found._tag === 'Some') continue;
        // Held again for its player (never handed to another); the password hash was only in Redis.
        const claimed = await o.accounts.claim(e.data.name, playerId, null)();
        if (E.isRight(claimed)) tally.accountsWithoutPassword.push(playerId);
        else if (claimed.left._tag !== 'NameTaken') throw new Error(claimed.left.message);
      }
    }),
  );
  tally.scanned += records.length;
};

/** Reads the log from the stored watermarks to Kafka's end offsets and puts back what Redis lost. */
const scanAndRepair = async (
  o: IndexGuardOptions,
  repair: RepairScript,
  progress?: (done: number, total: number) => void,
): Promise<{ readonly ends: Map<number, number>; readonly report: IndexRepair }> => {
  if (!(await o.indexed())) throw new Error('Redis lost its keys (no index of the Kafka log): run `placebo replay`');
  const [from, ends] = await Promise.all([storedWatermarks(o), o.endOffsets()]);
  const total = [...ends].reduce((sum, [p, end]) => sum + Math.max(0, end - (from.get(p) ?? 0)), 0);
  const tally: Tally = { scanned: 0, players: new Set(), events: 0, accountsWithoutPassword: [] };
  if (total > 0) {
    const source = o.openSource();
    try {
      for (const [p, end] of ends) {
        for (let next = from.get(p) ?? 0; next < end;) {
          const records: ReadonlyArray<LogRecord> = await must(source.read('all_events', p, next, 10_000));
          if (records.length === 0) break;
          await repairBatch(o, repair, records, tally);
          next = (records[records.length - 1]?.offset ?? next) + 1;
          progress?.(tally.scanned, total);
        }
      }
    } finally {
      await source.close();
    }
  }
  const report = { scanned: tally.scanned, players: tally.players.size, events: tally.events, accountsWithoutPassword: tally.accountsWithoutPassword };
  return { ends, report };
};

/**
 * Keeps Redis' index of the log (player heads and tails) honest when Redis loses its newest writes — an AOF synced
 * every second loses up to a second on a crash. Writes acknowledged to clients are in Kafka; an index that forgot them
 * would hand their versions out again, and the commands would vanish from replay and the lake.
 *
 * Watermarks: every few seconds the process reads Kafka's end offsets and stores them in Redis. Each record below them
 * was produced after its `BEGIN_WRITE` ran, so a stored watermark vouches for every record below it (Redis persists its
 * writes in order: one that survived a crash has everything before it). A verification reads the records from the
 * watermarks to the end, and a player whose head is behind one of them gets the missing events back in its tail, its
 * head moved, and its commands indexed again.
 *
 * When Redis comes back after its connection dropped as a different server (its run_id changed), appends fail as
 * retriable until a verification has run; with the offline queue and command resends off, no write reaches the new
 * server before that.
 */
export const createIndexGuard = (o: IndexGuardOptions): IndexGuard => {
  const repair = redisScript(o.redis, REPAIR_PLAYER);
  let runId: string | null = null;
  /** Bumped whenever the connection drops: a checkpoint read before a drop is not written after it. */
  let generation = 0;
  let blocked: string | null = null;
  let verifying: Promise<IndexRepair> | null = null;
  let closed = false;

  const store = async (ends: Map<number, number>, readAt: number): Promise<void> => {
    if (readAt !== generation || blocked !== null) return;
    await o.redis.hset(o.keys.meta, WATERMARKS, JSON.stringify(Object.fromEntries(ends)));
  };

  const runVerify = async (progress?: (done: number, total: number) => void): Promise<IndexRepair> => {
    const readAt = generation;
    const { ends, report } = await scanAndRepair(o, repair, progress);
    if (readAt === generation) await o.redis.hset(o.keys.meta, WATERMARKS, JSON.stringify(Object.fromEntries(ends)));
    if (report.players > 0) o.logger.warn('redis lost writes that kafka holds; the index has them again', { ...report });
    return report;
  };

  const verify = (progress?: (done: number, total: number) => void): Promise<IndexRepair> => {
    verifying ??= runVerify(progress).finally(() => {
      verifying = null;
    });
    return verifying;
  };

  const onClose = (): void => {
    generation++;
    blocked ??= 'the connection to Redis dropped; writes wait until its index is verified';
  };
  let retry: NodeJS.Timeout | null = null;
  const onReady = (): void => {
    if (retry !== null) clearTimeout(retry);
    retry = null;
    void (async () => {
      const now = runIdOf(await o.redis.info('server'));
      if (runId !== null && now === runId) {
        blocked = null;
        return;
      }
      o.logger.warn('redis is a different server than before; verifying its index against kafka before writing', { previous: runId, now });
      blocked = 'Redis restarted; writes wait until its index is verified against Kafka';
      await verify();
      runId = now;
      blocked = null;
    })().catch((e: unknown) => {
      o.logger.error('cannot verify the redis index; writes stay refused and it is tried again', { error: e instanceof Error ? e.message : String(e) });
      if (!closed) retry = setTimeout(onReady, 2000);
    });
  };
  o.redis.on('close', onClose);
  o.redis.on('ready', onReady);
  // The server this process connected to; a later one with another run_id may have lost writes.
  const learned = o.redis.info('server').then(
    (info) => {
      runId ??= runIdOf(info);
    },
    () => undefined,
  );

  const checkpoint = async (): Promise<void> => {
    const readAt = generation;
    await store(await o.endOffsets(), readAt);
  };
  const timer = setInterval(() => {
    checkpoint().catch((e: unknown) => o.logger.warn('cannot store the log watermarks', { error: e instanceof Error ? e.message : String(e) }));
  }, o.checkpointMs);
  timer.unref();

  return {
    gate: () => (blocked === null ? null : portError(blocked, true)),
    verify,
    checkpoint,
    close: async () => {
      closed = true;
      clearInterval(timer);
      if (retry !== null) clearTimeout(retry);
      o.redis.off('close', onClose);
      o.redis.off('ready', onReady);
      await learned;
      await verifying?.catch(() => undefined);
    },
  };
};
