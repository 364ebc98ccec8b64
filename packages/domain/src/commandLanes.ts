import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import type { PlayerCommand } from './commands.js';
import type { Decider } from './decider.js';
import type { RequestInfo, StoredEvent } from './envelope.js';
import type { PlayerError } from './errors.js';
import { envelop, foldEvents } from './envelop.js';
import type { EventLog } from './ports/eventLog.js';
import { portError, type PortError } from './ports/portError.js';
import type { Clock, Ids } from './ports/runtime.js';
import type { SnapshotStore } from './ports/stores.js';
import { upgradeState, type PlayerState } from './state.js';

export interface CommandMeta {
  /** Idempotency key; a retried command returns its first result and writes nothing new. */
  readonly command_id: string | null;
  /** The key was made for this command alone (by the API, for a request without one): no earlier command holds it. */
  readonly fresh?: boolean;
  readonly request: RequestInfo;
}

export interface CommandResult {
  readonly player_id: string;
  readonly events: ReadonlyArray<StoredEvent>;
  /** The player after the command; for a replayed command, the player now (its events carry the figures of the first run). */
  readonly state: PlayerState;
  /** True when the command ran before and this is its first result again. */
  readonly replayed: boolean;
}

type Outcome = E.Either<PlayerError | PortError, CommandResult>;

export interface CommandLanes {
  /** Decides and appends one command; commands of one player are taken in arrival order. */
  readonly submit: (playerId: string, command: PlayerCommand, meta: CommandMeta) => Promise<Outcome>;
  /** The player as this process last wrote it, else from the snapshot and the log (writes nothing). */
  readonly read: (playerId: string) => Promise<E.Either<PortError, PlayerState>>;
  /** The player's state from the snapshot and the log (bypassing this process's cache), stored as the snapshot. */
  readonly refresh: (playerId: string) => Promise<E.Either<PortError, PlayerState>>;
}

export interface CommandLaneDeps {
  readonly decider: Decider;
  readonly log: EventLog;
  readonly snapshots: SnapshotStore;
  readonly clock: Clock;
  readonly ids: Ids;
  /** Version conflicts are retried this many times before the command fails as retriable. */
  readonly maxAttempts?: number;
  /** Players whose state this process keeps between commands (least recently used leave first). */
  readonly cachedPlayers?: number;
  /** Most commands of one player decided together and appended in one write. */
  readonly maxBatch?: number;
}

interface Job {
  readonly command: PlayerCommand;
  readonly meta: CommandMeta;
  readonly commandId: string;
  readonly done: (o: Outcome) => void;
}

interface Lane {
  readonly queue: Job[];
  running: boolean;
}

/** The snapshot plus any events stored after it (a crash may have left the snapshot behind the log). */
const loadPlayer = async (deps: Pick<CommandLaneDeps, 'decider' | 'log' | 'snapshots'>, playerId: string): Promise<E.Either<PortError, PlayerState>> => {
  const { decider, log, snapshots } = deps;
  for (let attempt = 1; ; attempt++) {
    const snap = await snapshots.get(playerId)();
    if (E.isLeft(snap)) return snap;
    // A snapshot stored before inventories were counted would add quantities to nothing: count its items first.
    const base = O.match(() => decider.initialState(playerId), upgradeState)(snap.right);
    const tail = await log.readPlayer(playerId, base.version)();
    if (E.isRight(tail)) return E.right(foldEvents(base, tail.right));
    if (tail.left._tag !== 'VersionConflict') return tail as E.Left<PortError>;
    // A newer snapshot took in the events after ours between the two reads: read it again.
    if (attempt >= 3)
      return E.left(
        portError(`player ${playerId}: the log index is past the stored snapshot (version ${base.version}); rebuild snapshots with \`placebo replay\``, false),
      );
  }
};

/** A job whose key came from the client: the command may have run before (a retry), so the log is asked. */
const mayHaveRun = (j: Job): boolean => j.meta.command_id !== null && j.meta.fresh !== true;

/** Jobs whose command ran before (in an earlier write, or earlier in this batch) answer its first result. */
const findReplays = async (
  log: EventLog,
  playerId: string,
  jobs: ReadonlyArray<Job>,
): Promise<E.Either<PortError, ReadonlyArray<ReadonlyArray<StoredEvent>>>> => {
  const found = await Promise.all(jobs.map((j) => (mayHaveRun(j) ? log.findByCommand(playerId, j.commandId)() : Promise.resolve(E.right([])))));
  const out: ReadonlyArray<StoredEvent>[] = [];
  for (const f of found) {
    if (E.isLeft(f)) return f;
    out.push(f.right);
  }
  return E.right(out);
};

type Planned = { readonly job: Job; readonly outcome: Outcome };

/** Decides the batch against `state`; the events of every accepted command, in order, for one append. */
const planBatch = (
  deps: Pick<CommandLaneDeps, 'decider' | 'clock' | 'ids'>,
  state: PlayerState,
  jobs: ReadonlyArray<Job>,
  prior: ReadonlyArray<ReadonlyArray<StoredEvent>>,
) => {
  const { decider, clock, ids } = deps;
  const planned: Planned[] = [];
  const events: StoredEvent[] = [];
  const inBatch = new Map<string, ReadonlyArray<StoredEvent>>();
  let s = state;
  jobs.forEach((job, i) => {
    const earlier = prior[i]?.length ? prior[i] : job.meta.command_id === null ? undefined : inBatch.get(job.commandId);
    if (earlier !== undefined) {
      planned.push({ job, outcome: E.right({ player_id: state.id, events: earlier, state: s, replayed: true }) });
      return;
    }
    const decision = decider.decide(job.command, s);
    if (E.isLeft(decision)) {
      planned.push({ job, outcome: decision });
      return;
    }
    const occurred_at = new Date(clock.now()).toISOString();
    const next = envelop(s, decision.right, { command_id: job.commandId, request: job.meta.request, occurred_at }, ids.uuid);
    s = next.state;
    events.push(...next.stored);
    inBatch.set(job.commandId, next.stored);
    planned.push({ job, outcome: E.right({ player_id: state.id, events: next.stored, state: s, replayed: false }) });
  });
  // A replayed answer shows the player now: after everything this batch decided.
  const settled = planned.map((p) => (E.isRight(p.outcome) && p.outcome.right.replayed ? { ...p, outcome: E.right({ ...p.outcome.right, state: s }) } : p));
  return { planned: settled, events, after: s };
};

const none: ReadonlyArray<ReadonlyArray<StoredEvent>> = [];

type Appended = 'written' | 'conflict' | 'applied' | E.Left<PortError>;

/** Appends a plan's events, naming its client-keyed commands as unseen: 'applied' when one of them ran before. */
const appendPlan = async (
  log: EventLog,
  version: number,
  plan: { readonly planned: ReadonlyArray<Planned>; readonly events: ReadonlyArray<StoredEvent>; readonly after: PlayerState },
): Promise<Appended> => {
  const unseen = plan.planned.filter((p) => E.isRight(p.outcome) && !p.outcome.right.replayed && mayHaveRun(p.job)).map((p) => p.job.commandId);
  const appended = await log.append(plan.after.id, version, plan.events, plan.after, unseen)();
  if (E.isRight(appended)) return 'written';
  const { left } = appended;
  return left._tag === 'CommandApplied' ? 'applied' : left._tag === 'VersionConflict' ? 'conflict' : (E.left(left) as E.Left<PortError>);
};

/**
 * Per-player lanes: a player's commands run in arrival order, and those that queue up while the player's previous
 * write is in flight are decided one after another in memory and appended in one write (per-player group commit), each
 * answered once that write is durable. The state after the last write stays cached: the next command decides against
 * it without reading the snapshot or the log. The cache is only a guess about the log: the append's expected-version
 * check decides, and a conflict (another process wrote the player) drops it and decides again from the stores.
 * Retries are found optimistically: the append itself refuses commands that ran before (one trip to the log instead of
 * a lookup per command, then the append); only when it does, or a client's command was refused, are they looked up.
 */
export const createCommandLanes = (deps: CommandLaneDeps): CommandLanes => {
  const { log, snapshots, ids } = deps;
  const maxAttempts = deps.maxAttempts ?? 8;
  const cachedPlayers = deps.cachedPlayers ?? 10_000;
  const maxBatch = deps.maxBatch ?? 256;
  const lanes = new Map<string, Lane>();
  const cache = new Map<string, PlayerState>();

  const remember = (s: PlayerState): void => {
    cache.delete(s.id);
    cache.set(s.id, s);
    if (cache.size > cachedPlayers) cache.delete(cache.keys().next().value as string);
  };

  const load = (playerId: string): Promise<E.Either<PortError, PlayerState>> => loadPlayer(deps, playerId);

  const current = async (playerId: string): Promise<E.Either<PortError, PlayerState>> => {
    const hit = cache.get(playerId);
    return hit !== undefined ? E.right(hit) : load(playerId);
  };

  const runBatch = async (playerId: string, jobs: ReadonlyArray<Job>): Promise<void> => {
    const answer = (o: Outcome): void => jobs.forEach((j) => j.done(o));
    let lookedUp = false;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const state = await current(playerId);
      if (E.isLeft(state)) return answer(state);
      const prior = lookedUp ? await findReplays(log, playerId, jobs) : E.right(none);
      if (E.isLeft(prior)) return answer(prior);
      const plan = planBatch(deps, state.right, jobs, prior.right);
      // A refusal is no write the log could check: a retry of a command that ran before must answer its first result.
      const refusedRetry: boolean = !lookedUp && plan.planned.some((p) => E.isLeft(p.outcome) && mayHaveRun(p.job));
      const appended: Appended = refusedRetry ? 'applied' : plan.events.length === 0 ? 'written' : await appendPlan(log, state.right.version, plan);
      lookedUp ||= appended === 'applied';
      if (appended === 'applied') continue;
      if (appended !== 'written') {
        cache.delete(playerId);
        // The writer that beat us may have been a retry of one of these very commands: the next append checks again.
        if (appended === 'conflict') continue;
        return answer(appended);
      }
      remember(plan.after);
      for (const p of plan.planned) p.job.done(p.outcome);
      return;
    }
    cache.delete(playerId);
    answer(E.left(portError(`player ${playerId} stayed contended for ${maxAttempts} attempts`, true)));
  };

  const drain = async (playerId: string, lane: Lane): Promise<void> => {
    while (lane.queue.length > 0) {
      const jobs = lane.queue.splice(0, maxBatch);
      try {
        await runBatch(playerId, jobs);
      } catch (e) {
        // A port breaking its promise not to throw must not leave the player's callers waiting forever.
        cache.delete(playerId);
        const err = portError(`player ${playerId}: ${e instanceof Error ? e.message : String(e)}`, true, e);
        for (const j of jobs) j.done(E.left(err));
      }
    }
    lane.running = false;
    lanes.delete(playerId);
  };

  return {
    submit: (playerId, command, meta) =>
      new Promise<Outcome>((done) => {
        const lane = lanes.get(playerId) ?? { queue: [], running: false };
        lanes.set(playerId, lane);
        lane.queue.push({ command, meta, commandId: meta.command_id ?? ids.uuid(), done });
        if (!lane.running) {
          lane.running = true;
          void drain(playerId, lane);
        }
      }),
    read: current,
    refresh: async (playerId) => {
      cache.delete(playerId);
      const state = await load(playerId);
      if (E.isLeft(state)) return state;
      const stored = await snapshots.put([state.right])();
      return E.isLeft(stored) ? stored : state;
    },
  };
};
