import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import { Coins, type Name } from './codecs.js';
import type { PlayerCommand } from './commands.js';
import { evolve, type Decider } from './decider.js';
import type { RequestInfo, StoredEvent } from './envelope.js';
import type { PlayerError } from './errors.js';
import { SCHEMA_VERSION, type PlayerEvent } from './events.js';
import type { EventLog } from './ports/eventLog.js';
import { portError, type PortError } from './ports/portError.js';
import type { Clock, Ids, PasswordHasher } from './ports/runtime.js';
import type { AccountStore, NameTaken, SessionStore, SnapshotStore } from './ports/stores.js';
import { itemCount, upgradeState, type PlayerState } from './state.js';

export interface CommandMeta {
  /** Idempotency key; a retried command returns its first result and writes nothing new. */
  readonly command_id: string | null;
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

export interface InvalidCredentials {
  readonly _tag: 'InvalidCredentials';
}

export type HandlerError = PlayerError | PortError | NameTaken | InvalidCredentials;

export interface Registration {
  readonly player_id: string | null;
  readonly name: Name;
  readonly password: string | null;
  readonly wealth: Coins | number | null;
}

export interface CommandHandler {
  readonly execute: (playerId: string, command: PlayerCommand, meta: CommandMeta) => TaskEither<HandlerError, CommandResult>;
  readonly register: (r: Registration, meta: CommandMeta) => TaskEither<HandlerError, CommandResult>;
  /** A wrong password is recorded (LoginFailed) and answered as InvalidCredentials, like an unknown name. */
  readonly login: (name: string, password: string, meta: CommandMeta) => TaskEither<HandlerError, CommandResult & { readonly token: string }>;
  readonly logout: (playerId: string, token: string, meta: CommandMeta) => TaskEither<HandlerError, CommandResult>;
  readonly authenticate: (token: string) => TaskEither<PortError, O.Option<string>>;
  /** Folds the log's tail into the player's snapshot (after a crash left the snapshot behind the log). */
  readonly refresh: (playerId: string) => TaskEither<HandlerError, PlayerState>;
}

export interface HandlerDeps {
  readonly decider: Decider;
  readonly log: EventLog;
  readonly snapshots: SnapshotStore;
  readonly accounts: AccountStore;
  readonly sessions: SessionStore;
  readonly clock: Clock;
  readonly ids: Ids;
  readonly hasher: PasswordHasher;
  readonly sessionTtlSeconds: number;
  /** Version conflicts are retried this many times before the command fails as retriable. */
  readonly maxAttempts?: number;
}

type Result<A> = Promise<E.Either<HandlerError, A>>;

const figures = (s: PlayerState): StoredEvent['player'] => ({
  wealth: s.wealth,
  health: s.health,
  items: itemCount(s.inventory),
  orgs: s.affiliations.length,
  created_at: s.created_at,
});

/** Wraps decided events in envelopes and folds them, so each envelope carries the player's figures after it. */
export const envelop = (
  state: PlayerState,
  events: ReadonlyArray<PlayerEvent>,
  meta: { readonly command_id: string; readonly request: RequestInfo; readonly occurred_at: string },
  nextId: () => string,
): { readonly stored: ReadonlyArray<StoredEvent>; readonly state: PlayerState } => {
  const stored: StoredEvent[] = [];
  let s = state;
  for (const data of events) {
    const base = { player_version: s.version + 1, occurred_at: meta.occurred_at, data };
    s = evolve(s, base);
    stored.push({
      event_id: nextId(),
      event_type: data.type,
      schema_version: SCHEMA_VERSION,
      player_id: state.id as StoredEvent['player_id'],
      command_id: meta.command_id,
      request: meta.request,
      player: figures(s),
      ...base,
    });
  }
  return { stored, state: s };
};

export const foldEvents = (state: PlayerState, events: ReadonlyArray<StoredEvent>): PlayerState => events.reduce(evolve, state);

export const createCommandHandler = (deps: HandlerDeps): CommandHandler => {
  const { decider, log, snapshots, accounts, sessions, clock, ids, hasher } = deps;
  const maxAttempts = deps.maxAttempts ?? 8;

  /** The snapshot plus any events stored after it (a crash may have left the snapshot behind the log). */
  const load = async (playerId: string): Result<PlayerState> => {
    for (let attempt = 1; ; attempt++) {
      const snap = await snapshots.get(playerId)();
      if (E.isLeft(snap)) return snap;
      // A snapshot stored before inventories were counted would add quantities to nothing: count its items first.
      const base = O.match(() => decider.initialState(playerId), upgradeState)(snap.right);
      const tail = await log.readPlayer(playerId, base.version)();
      if (E.isRight(tail)) return E.right(foldEvents(base, tail.right));
      if (tail.left._tag !== 'VersionConflict') return tail as E.Left<PortError>;
      // A newer snapshot took in the events after ours between the two reads: read it again.
      if (attempt >= 3) return E.left(portError(`player ${playerId}: the log index is past the stored snapshot (version ${base.version}); rebuild snapshots with \`placebo replay\``, false));
    }
  };

  const replay = async (playerId: string, commandId: string): Result<O.Option<CommandResult>> => {
    const prior = await log.findByCommand(playerId, commandId)();
    if (E.isLeft(prior)) return prior;
    if (prior.right.length === 0) return E.right(O.none);
    const state = await load(playerId);
    if (E.isLeft(state)) return state;
    return E.right(O.some({ player_id: playerId, events: prior.right, state: state.right, replayed: true }));
  };

  const run = async (playerId: string, command: PlayerCommand, meta: CommandMeta): Result<CommandResult> => {
    const commandId = meta.command_id ?? ids.uuid();
    if (meta.command_id !== null) {
      const prior = await replay(playerId, commandId);
      if (E.isLeft(prior)) return prior;
      if (O.isSome(prior.right)) return E.right(prior.right.value);
    }
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const state = await load(playerId);
      if (E.isLeft(state)) return state;
      const decision = decider.decide(command, state.right);
      if (E.isLeft(decision)) return decision;
      const occurred_at = new Date(clock.now()).toISOString();
      const next = envelop(state.right, decision.right, { command_id: commandId, request: meta.request, occurred_at }, ids.uuid);
      const appended = await log.append(playerId, state.right.version, next.stored)();
      if (E.isLeft(appended)) {
        if (appended.left._tag !== 'VersionConflict') return E.left(appended.left);
        // The writer that beat us may have been a retry of this very command.
        if (meta.command_id !== null) {
          const prior = await replay(playerId, commandId);
          if (E.isLeft(prior)) return prior;
          if (O.isSome(prior.right)) return E.right(prior.right.value);
        }
        continue;
      }
      // The log is the truth; a snapshot that fails to save is rebuilt from the log's tail on the next load.
      await snapshots.put([next.state])();
      return E.right({ player_id: playerId, events: next.stored, state: next.state, replayed: false });
    }
    return E.left(portError(`player ${playerId} stayed contended for ${maxAttempts} attempts`, true));
  };

  const register = async (r: Registration, meta: CommandMeta): Result<CommandResult> => {
    const existing = await accounts.find(r.name)();
    if (E.isLeft(existing)) return existing;
    if (O.isSome(existing.right) && meta.command_id !== null) {
      const prior = await replay(existing.right.value.player_id, meta.command_id);
      if (E.isLeft(prior)) return prior;
      if (O.isSome(prior.right)) return E.right(prior.right.value);
    }
    if (r.wealth !== null && !Coins.is(r.wealth)) return E.left({ _tag: 'WealthOutOfRange', wealth: r.wealth, max: 1e12 });
    // A claim left by a registration that crashed before its append is taken over by the retry.
    let orphan: string | null = null;
    if (O.isSome(existing.right) && r.player_id === null) {
      const owner = await load(existing.right.value.player_id);
      if (E.isLeft(owner)) return owner;
      if (!owner.right.registered) orphan = owner.right.id;
    }
    const playerId = r.player_id ?? orphan ?? ids.uuid();
    const current = await load(playerId);
    if (E.isLeft(current)) return current;
    if (current.right.registered) return E.left({ _tag: 'PlayerAlreadyExists', player_id: playerId });
    let hash: string | null = null;
    if (r.password !== null) {
      const h = await hasher.hash(r.password)();
      if (E.isLeft(h)) return h;
      hash = h.right;
    }
    const claimed = await accounts.claim(r.name, playerId, hash)();
    if (E.isLeft(claimed)) return claimed;
    const result = await run(playerId, { type: 'RegisterPlayer', name: r.name, wealth: r.wealth }, meta);
    if (E.isLeft(result)) {
      // Release only a claim nobody registered under: a concurrent registration of the same id may own it now.
      const after = await load(playerId);
      if (E.isRight(after) && !after.right.registered) await accounts.release(r.name, playerId)();
    }
    return result;
  };

  const login = async (name: string, password: string, meta: CommandMeta): Result<CommandResult & { token: string }> => {
    const account = await accounts.find(name)();
    if (E.isLeft(account)) return account;
    if (O.isNone(account.right) || account.right.value.password_hash === null) return E.left({ _tag: 'InvalidCredentials' });
    const { player_id, password_hash } = account.right.value;
    const ok = await hasher.verify(password, password_hash)();
    if (E.isLeft(ok)) return ok;
    const result = await run(player_id, { type: 'LogIn', password_ok: ok.right }, meta);
    if (E.isLeft(result)) return result;
    if (result.right.events.some((e) => e.data.type === 'LoginFailed')) return E.left({ _tag: 'InvalidCredentials' });
    const token = ids.token();
    const created = await sessions.create(token, player_id, deps.sessionTtlSeconds)();
    if (E.isLeft(created)) return created;
    return E.right({ ...result.right, token });
  };

  const logout = async (playerId: string, token: string, meta: CommandMeta): Result<CommandResult> => {
    const revoked = await sessions.revoke(token)();
    if (E.isLeft(revoked)) return revoked;
    return run(playerId, { type: 'LogOut' }, meta);
  };

  return {
    execute: (playerId, command, meta) => () => run(playerId, command, meta),
    register: (r, meta) => () => register(r, meta),
    login: (name, password, meta) => () => login(name, password, meta),
    logout: (playerId, token, meta) => () => logout(playerId, token, meta),
    authenticate: (token) => sessions.lookup(token),
    refresh: (playerId) => async () => {
      const state = await load(playerId);
      if (E.isLeft(state)) return state;
      const stored = await snapshots.put([state.right])();
      return E.isLeft(stored) ? stored : state;
    },
  };
};
