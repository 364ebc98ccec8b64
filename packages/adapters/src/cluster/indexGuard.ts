import * as E from 'fp-ts/lib/Either.js';
import type { RedisClient } from '../redis/redisClient.js';
import { portError, type AccountStore, type LogRecord, type LogSource, type PortError, type StoredEvent } from '@placebo/domain';
import type { RedisKeys } from '../redis/redisKeys.js';
import { identityOf, keyspaceMasters, onServerChange } from '../redis/redisServers.js';
import { storedWatermarks, storeWatermarks } from './watermarks.js';
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
  readonly redis: RedisClient;
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
  /**
   * How long a produce begun before a server was lost may still land in Kafka (the Kafka request timeout): a
   * verification after a server changed starts no sooner, so it reads every record a lost `BEGIN_WRITE` let through.
   */
  readonly inflightMs?: number;
  readonly logger: Logger;
}

const must = async <A>(te: () => Promise<E.Either<PortError, A>>): Promise<A> => {
  const r = await te();
  if (E.isLeft(r)) throw new Error(r.left.message);
  return r.right;
};

type RepairScript = ReturnType<typeof redisScript>;

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
/** What the guard knows of the servers and whether writes may run (shared by the watch and the checkpoints). */
interface GuardState {
  /** The servers (and on a cluster, which slots each serves) this process last verified against. */
  identity: string | null;
  /** Bumped whenever a connection drops: a checkpoint read before a drop is not written after it. */
  generation: number;
  blocked: string | null;
  closed: boolean;
}

/**
 * Watches the servers: a dropped connection or a changed set of nodes blocks writes; once the servers answer again,
 * the same ones unblock at once, different ones (a restart, a replica that took over) only after a verification.
 */
const watchServers = (o: IndexGuardOptions, state: GuardState, verify: () => Promise<IndexRepair>) => {
  let retry: NodeJS.Timeout | null = null;
  let checking: Promise<void> | null = null;
  let again = false;
  let lastLogged = 0;
  const lost = (): void => {
    state.generation++;
    state.blocked ??= 'a connection to Redis dropped; writes wait until its index is verified';
  };
  const check = async (): Promise<void> => {
    const now = identityOf(await keyspaceMasters(o.redis));
    if (state.identity !== null && now === state.identity) {
      state.blocked = null;
      return;
    }
    o.logger.warn('redis is not the set of servers verified before; verifying its index against kafka before writing', { previous: state.identity, now });
    state.blocked = 'Redis restarted or failed over; writes wait until its index is verified against Kafka';
    await new Promise((r) => setTimeout(r, o.inflightMs ?? 0));
    await verify();
    state.identity = now;
    if (!again) state.blocked = null;
  };
  const back = (): void => {
    if (retry !== null) clearTimeout(retry);
    retry = null;
    if (checking !== null) {
      again = true;
      return;
    }
    again = false;
    checking = check()
      .catch((e: unknown) => {
        // Tried again at every node event and every half second while a failover runs: one line per 5 s says so.
        const now = Date.now();
        if (now - lastLogged >= 5000) {
          lastLogged = now;
          o.logger.error('cannot verify the redis index; writes stay refused and it is tried again', { error: e instanceof Error ? e.message : String(e) });
        }
        if (!state.closed) retry = setTimeout(back, 500);
      })
      .finally(() => {
        checking = null;
        if (again && !state.closed) back();
      });
  };
  const unwatch = onServerChange(o.redis, lost, back);
  // The servers this process connected to; a later set (a restart, a failover) may have lost writes.
  const learned = keyspaceMasters(o.redis).then(
    (masters) => {
      state.identity ??= identityOf(masters);
    },
    () => undefined,
  );
  return {
    close: async () => {
      if (retry !== null) clearTimeout(retry);
      unwatch();
      await learned;
      await checking;
    },
  };
};

export const createIndexGuard = (o: IndexGuardOptions): IndexGuard => {
  const repair = redisScript(o.redis, REPAIR_PLAYER);
  const state: GuardState = { identity: null, generation: 0, blocked: null, closed: false };
  let verifying: Promise<IndexRepair> | null = null;

  const store = async (ends: Map<number, number>, readAt: number): Promise<void> => {
    if (readAt !== state.generation || state.blocked !== null) return;
    await storeWatermarks(o, ends);
  };

  const runVerify = async (progress?: (done: number, total: number) => void): Promise<IndexRepair> => {
    const readAt = state.generation;
    const { ends, report } = await scanAndRepair(o, repair, progress);
    if (readAt === state.generation) await storeWatermarks(o, ends);
    if (report.players > 0) o.logger.warn('redis lost writes that kafka holds; the index has them again', { ...report });
    return report;
  };

  const verify = (progress?: (done: number, total: number) => void): Promise<IndexRepair> => {
    verifying ??= runVerify(progress).finally(() => {
      verifying = null;
    });
    return verifying;
  };
  const watch = watchServers(o, state, () => verify());

  const checkpoint = async (): Promise<void> => {
    const readAt = state.generation;
    await store(await o.endOffsets(), readAt);
  };
  const timer = setInterval(() => {
    checkpoint().catch((e: unknown) => o.logger.warn('cannot store the log watermarks', { error: e instanceof Error ? e.message : String(e) }));
  }, o.checkpointMs);
  timer.unref();

  return {
    gate: () => (state.blocked === null ? null : portError(state.blocked, true)),
    verify,
    checkpoint,
    close: async () => {
      state.closed = true;
      clearInterval(timer);
      await watch.close().catch(() => undefined);
      await verifying?.catch(() => undefined);
    },
  };
};
