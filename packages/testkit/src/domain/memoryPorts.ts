import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import {
  createDecider,
  createCommandHandler,
  type Catalogue,
  type StoredEvent,
  type CommandHandler,
  type EventLog,
  type VersionConflict,
  type CommandApplied,
  type Clock,
  type Ids,
  type PasswordHasher,
  type Account,
  type AccountStore,
  type OffsetStore,
  type PartitionLease,
  type SessionStore,
  type SnapshotStore,
  type PlayerState,
} from '@placebo/domain';
import { loadCatalogue } from './catalogue.js';

/** Gives other pending promises a turn, so concurrent commands interleave between their read and their append. */
export const yieldTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export interface MemoryEventLog extends EventLog {
  readonly all: () => ReadonlyArray<StoredEvent>;
  readonly appendCalls: () => number;
}

export interface MemoryEventLogOptions {
  /** Awaited before each read and append: pass yieldTurn to interleave concurrent commands. */
  readonly pause?: () => Promise<void>;
  /** Runs before an append checks its expected version: lets a test slip in another writer's events. */
  readonly beforeAppend?: (log: { readonly force: (events: ReadonlyArray<StoredEvent>) => void }, call: number) => void;
  /** Where an append's snapshot is stored. */
  readonly snapshots?: SnapshotStore;
}

export const createMemoryEventLog = (options: MemoryEventLogOptions = {}): MemoryEventLog => {
  const streams = new Map<string, StoredEvent[]>();
  const order: StoredEvent[] = [];
  let calls = 0;
  const pause = options.pause ?? (() => Promise.resolve());
  const force = (events: ReadonlyArray<StoredEvent>): void => {
    for (const e of events) {
      streams.set(e.player_id, [...(streams.get(e.player_id) ?? []), e]);
      order.push(e);
    }
  };
  const lastVersion = (playerId: string): number => streams.get(playerId)?.at(-1)?.player_version ?? 0;
  return {
    append:
      (playerId, expectedVersion, events, snapshot, unseen = []) =>
      async () => {
        calls++;
        await pause();
        options.beforeAppend?.({ force }, calls);
        // Check and write with no await between them: the compare-and-set is atomic.
        if (lastVersion(playerId) !== expectedVersion)
          return E.left<VersionConflict>({ _tag: 'VersionConflict', player_id: playerId, expected: expectedVersion });
        const ran = unseen.find((c) => (streams.get(playerId) ?? []).some((e) => e.command_id === c));
        if (ran !== undefined) return E.left<CommandApplied>({ _tag: 'CommandApplied', player_id: playerId, command_id: ran });
        events.forEach((e, i) => {
          if (e.player_id !== playerId || e.player_version !== expectedVersion + i + 1) throw new Error(`malformed append ${JSON.stringify(e)}`);
        });
        force(events);
        if (snapshot !== undefined && options.snapshots !== undefined) return options.snapshots.put([snapshot])();
        return E.right(undefined);
      },
    readPlayer: (playerId, afterVersion) => async () => {
      await pause();
      return E.right((streams.get(playerId) ?? []).filter((e) => e.player_version > afterVersion));
    },
    findByCommand: (playerId, commandId) => async () => E.right((streams.get(playerId) ?? []).filter((e) => e.command_id === commandId)),
    all: () => [...order],
    appendCalls: () => calls,
  };
};

export const createMemorySnapshotStore = (): SnapshotStore => {
  const states = new Map<string, PlayerState>();
  return {
    get: (playerId) => async () => E.right(O.fromNullable(states.get(playerId))),
    put: (list) => async () => {
      for (const s of list) if ((states.get(s.id)?.version ?? -1) < s.version) states.set(s.id, s);
      return E.right(undefined);
    },
    scan: (cursor, count) => async () => {
      const ids = [...states.keys()].sort();
      const start = cursor === null ? 0 : Number(cursor);
      const end = start + count;
      return E.right({ states: ids.slice(start, end).map((id) => states.get(id)!), next: end < ids.length ? String(end) : null });
    },
    clear: () => async () => {
      states.clear();
      return E.right(undefined);
    },
  };
};

export const createMemoryAccountStore = (): AccountStore => {
  const accounts = new Map<string, Account>();
  return {
    claim: (name, playerId, passwordHash) => async () => {
      const key = name.toLowerCase();
      const held = accounts.get(key);
      if (held !== undefined && held.player_id !== playerId) return E.left({ _tag: 'NameTaken' as const, name });
      accounts.set(key, { player_id: playerId, password_hash: passwordHash });
      return E.right(undefined);
    },
    release: (name, playerId) => async () => {
      if (accounts.get(name.toLowerCase())?.player_id === playerId) accounts.delete(name.toLowerCase());
      return E.right(undefined);
    },
    find: (name) => async () => E.right(O.fromNullable(accounts.get(name.toLowerCase()))),
  };
};

export const createMemorySessionStore = (clock: Clock): SessionStore => {
  const sessions = new Map<string, { readonly playerId: string; readonly expires: number }>();
  const digest = (token: string): string => `d:${token}`;
  return {
    create: (token, playerId, ttlSeconds, maxPerPlayer) => async () => {
      sessions.set(digest(token), { playerId, expires: clock.now() + ttlSeconds * 1000 });
      const mine = [...sessions].filter(([, s]) => s.playerId === playerId);
      // Insertion order is creation order: the oldest go first.
      for (const [d] of mine.slice(0, Math.max(0, mine.length - maxPerPlayer))) sessions.delete(d);
      return E.right(undefined);
    },
    lookup: (token) => async () => {
      const s = sessions.get(digest(token));
      return E.right(s !== undefined && s.expires > clock.now() ? O.some(s.playerId) : O.none);
    },
    revoke: (token) => async () => {
      sessions.delete(digest(token));
      return E.right(undefined);
    },
    revokeAll: (playerId) => async () => {
      for (const [d, s] of sessions) if (s.playerId === playerId) sessions.delete(d);
      return E.right(undefined);
    },
  };
};

/** Offsets, landed versions and leases in memory, on the given clock. */
export const createMemoryOffsetStore = (now: () => number = Date.now): OffsetStore => {
  const offsets = new Map<string, number>();
  const landed = new Map<string, Map<string, number>>();
  const leases = new Map<string, { owner: string; epoch: number; expires: number }>();
  const key = (consumer: string, topic: string, partition: number): string => JSON.stringify([consumer, topic, partition]);
  const holds = (k: string, lease: PartitionLease): boolean => {
    const l = leases.get(k);
    return l !== undefined && l.owner === lease.owner && l.epoch === lease.epoch && l.expires > now();
  };
  return {
    get: (consumer, topic, partition) => async () => E.right(O.fromNullable(offsets.get(key(consumer, topic, partition)))),
    claim: (consumer, topic, partition, owner, ttlMs, replacing) => async () => {
      const k = key(consumer, topic, partition);
      const at = now();
      const l = leases.get(k);
      const live = l !== undefined && l.expires > at && l.owner !== replacing;
      if (live && l.owner !== owner) return E.right(O.none);
      const epoch = live ? l.epoch : (l?.epoch ?? 0) + 1;
      leases.set(k, { owner, epoch, expires: at + ttlMs });
      return E.right(O.some({ owner, epoch, until: at + ttlMs }));
    },
    holder: (consumer, topic, partition) => async () => {
      const l = leases.get(key(consumer, topic, partition));
      return E.right(l !== undefined && l.expires > now() ? O.some(l.owner) : O.none);
    },
    renew: (consumer, topic, partition, lease, ttlMs) => async () => {
      const k = key(consumer, topic, partition);
      if (!holds(k, lease)) return E.right(O.none);
      const at = now();
      leases.set(k, { owner: lease.owner, epoch: lease.epoch, expires: at + ttlMs });
      return E.right(O.some({ ...lease, until: at + ttlMs }));
    },
    release: (consumer, topic, partition, lease) => async () => {
      const k = key(consumer, topic, partition);
      if (holds(k, lease)) leases.set(k, { owner: lease.owner, epoch: lease.epoch, expires: 0 });
      return E.right(undefined);
    },
    landed: (consumer, topic, partition, players) => async () => {
      const m = landed.get(key(consumer, topic, partition));
      const out = new Map<string, number>();
      for (const id of players) {
        const v = m?.get(id);
        if (v !== undefined) out.set(id, v);
      }
      return E.right(out);
    },
    commit: (consumer, topic, partition, c) => async () => {
      const k = key(consumer, topic, partition);
      if (!holds(k, c.lease)) return E.left({ _tag: 'Fenced' as const, topic, partition });
      offsets.set(k, c.next);
      const m = landed.get(k) ?? new Map<string, number>();
      for (const [id, v] of c.landed) m.set(id, Math.max(v, m.get(id) ?? 0));
      landed.set(k, m);
      return E.right(undefined);
    },
  };
};

export const FIXED_NOW = Date.UTC(2024, 4, 1, 12, 0, 0);
export const fixedClock: Clock = { now: () => FIXED_NOW };

export const createCountingIds = (): Ids => {
  let n = 0;
  return { uuid: () => `id-${++n}`, token: () => `token-${++n}`, roll: () => 0.25 };
};

/** Deliberately not the identity, so a test can tell a password from its hash. */
export const fakeHash = (password: string): string => `h:${[...password].reverse().join('')}`;
export const fakeHasher: PasswordHasher = {
  hash: (password) => async () => E.right(fakeHash(password)),
  verify: (password, hash) => async () => E.right(fakeHash(password) === hash),
};

export interface MemoryWorld {
  readonly handler: CommandHandler;
  readonly log: MemoryEventLog;
  readonly snapshots: SnapshotStore;
  readonly accounts: AccountStore;
  readonly sessions: SessionStore;
}

export const createMemoryWorld = (
  o: MemoryEventLogOptions & { readonly catalogue?: Catalogue; readonly maxAttempts?: number; readonly hasher?: PasswordHasher } = {},
): MemoryWorld => {
  const snapshots = createMemorySnapshotStore();
  const log = createMemoryEventLog({ ...o, snapshots });
  const accounts = createMemoryAccountStore();
  const sessions = createMemorySessionStore(fixedClock);
  const handler = createCommandHandler({
    decider: createDecider(o.catalogue ?? loadCatalogue()),
    log,
    snapshots,
    accounts,
    sessions,
    clock: fixedClock,
    ids: createCountingIds(),
    hasher: o.hasher ?? fakeHasher,
    sessionTtlSeconds: 3600,
    ...(o.maxAttempts === undefined ? {} : { maxAttempts: o.maxAttempts }),
  });
  return { handler, log, snapshots, accounts, sessions };
};
