import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import { Coins, type Name, type PlayerOrigin } from './codecs.js';
import { createCommandLanes, type CommandMeta, type CommandResult } from './commandLanes.js';
import type { PlayerCommand } from './commands.js';
import type { Decider } from './decider.js';
import type { PlayerError } from './errors.js';
import type { EventLog } from './ports/eventLog.js';
import type { PortError } from './ports/portError.js';
import type { Clock, Ids, PasswordHasher } from './ports/runtime.js';
import type { AccountStore, NameTaken, SessionStore, SnapshotStore } from './ports/stores.js';
import type { PlayerState } from './state.js';

export type { CommandMeta, CommandResult } from './commandLanes.js';

export interface InvalidCredentials {
  readonly _tag: 'InvalidCredentials';
}

export type HandlerError = PlayerError | PortError | NameTaken | InvalidCredentials;

export interface Registration {
  readonly player_id: string | null;
  readonly name: Name;
  readonly password: string | null;
  /** Seed routes only: the starting wealth the client named (a `/v1` player starts with the catalogue's). */
  readonly wealth: Coins | number | null;
  readonly origin: PlayerOrigin;
  /** The name claimed among accounts, when it differs from the display name (Host players claim theirs apart). */
  readonly account_name?: string;
}

export interface CommandHandler {
  readonly execute: (playerId: string, command: PlayerCommand, meta: CommandMeta) => TaskEither<HandlerError, CommandResult>;
  readonly register: (r: Registration, meta: CommandMeta) => TaskEither<HandlerError, CommandResult>;
  /** A wrong password is recorded (LoginFailed) and answered as InvalidCredentials, like an unknown name. */
  readonly login: (name: string, password: string, meta: CommandMeta) => TaskEither<HandlerError, CommandResult & { readonly token: string }>;
  /** Records that the rate limit refused logins to this name (nothing when no player holds the name). */
  readonly loginThrottled: (name: string, meta: CommandMeta) => TaskEither<HandlerError, void>;
  readonly logout: (playerId: string, token: string, meta: CommandMeta) => TaskEither<HandlerError, CommandResult>;
  /** Ends every session of the player (a lost device, a leaked token). */
  readonly logoutAll: (playerId: string, meta: CommandMeta) => TaskEither<HandlerError, CommandResult>;
  readonly authenticate: (token: string) => TaskEither<PortError, O.Option<string>>;
  /** The player as it stands (writes nothing); an unknown player is an unregistered state. */
  readonly read: (playerId: string) => TaskEither<PortError, PlayerState>;
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
  /** Live sessions a player may hold; a new login past it ends the oldest (default 10). */
  readonly maxSessionsPerPlayer?: number;
  /** Version conflicts are retried this many times before the command fails as retriable. */
  readonly maxAttempts?: number;
  /** Players whose state this process keeps between commands. */
  readonly cachedPlayers?: number;
}

type Result<A> = Promise<E.Either<HandlerError, A>>;

export { envelop, foldEvents } from './envelop.js';

export const createCommandHandler = (deps: HandlerDeps): CommandHandler => {
  const { log, accounts, sessions, ids, hasher } = deps;
  const lanes = createCommandLanes(deps);
  const run = lanes.submit;
  const peek = (playerId: string): Result<PlayerState> => lanes.read(playerId);

  const register = async (r: Registration, meta: CommandMeta): Result<CommandResult> => {
    const accountName = r.account_name ?? r.name;
    const existing = await accounts.find(accountName)();
    if (E.isLeft(existing)) return existing;
    if (O.isSome(existing.right) && meta.command_id !== null && meta.fresh !== true) {
      // A retried registration answers its first result, even though the name is taken now (by this very command).
      const prior = await log.findByCommand(existing.right.value.player_id, meta.command_id)();
      if (E.isLeft(prior)) return prior;
      if (prior.right.length > 0) {
        const now = await peek(existing.right.value.player_id);
        if (E.isLeft(now)) return now;
        return E.right({ player_id: existing.right.value.player_id, events: prior.right, state: now.right, replayed: true });
      }
    }
    if (r.wealth !== null && !Coins.is(r.wealth)) return E.left({ _tag: 'WealthOutOfRange', wealth: r.wealth, max: 1e12 });
    // A claim left by a registration that crashed before its append is taken over by the retry.
    let orphan: string | null = null;
    if (O.isSome(existing.right) && r.player_id === null) {
      const owner = await peek(existing.right.value.player_id);
      if (E.isLeft(owner)) return owner;
      if (!owner.right.registered) orphan = owner.right.id;
    }
    const playerId = r.player_id ?? orphan ?? ids.uuid();
    const current = await peek(playerId);
    if (E.isLeft(current)) return current;
    if (current.right.registered) return E.left({ _tag: 'PlayerAlreadyExists', player_id: playerId });
    let hash: string | null = null;
    if (r.password !== null) {
      const h = await hasher.hash(r.password)();
      if (E.isLeft(h)) return h;
      hash = h.right;
    }
    const claimed = await accounts.claim(accountName, playerId, hash)();
    if (E.isLeft(claimed)) return claimed;
    const result = await run(playerId, { type: 'RegisterPlayer', name: r.name, wealth: r.wealth, origin: r.origin }, meta);
    if (E.isLeft(result)) {
      // Release only a claim nobody registered under: a concurrent registration of the same id may own it now.
      const after = await peek(playerId);
      if (E.isRight(after) && !after.right.registered) await accounts.release(accountName, playerId)();
    }
    return result;
  };

  // Hashed once, on the first login of an unknown name: comparing against it costs what a real check costs.
  let dummy: Promise<E.Either<PortError, string>> | null = null;
  const login = async (name: string, password: string, meta: CommandMeta): Result<CommandResult & { token: string }> => {
    const account = await accounts.find(name)();
    if (E.isLeft(account)) return account;
    if (O.isNone(account.right) || account.right.value.password_hash === null) {
      // An unknown name answers as slowly as a wrong password, so timing does not tell which names exist.
      dummy ??= hasher.hash(ids.token())();
      const hash = await dummy;
      if (E.isRight(hash)) await hasher.verify(password, hash.right)();
      return E.left({ _tag: 'InvalidCredentials' });
    }
    const { player_id, password_hash } = account.right.value;
    const ok = await hasher.verify(password, password_hash)();
    if (E.isLeft(ok)) return ok;
    const result = await run(player_id, { type: 'LogIn', password_ok: ok.right }, meta);
    if (E.isLeft(result)) return result;
    if (result.right.events.some((e) => e.data.type === 'LoginFailed')) return E.left({ _tag: 'InvalidCredentials' });
    const token = ids.token();
    const created = await sessions.create(token, player_id, deps.sessionTtlSeconds, deps.maxSessionsPerPlayer ?? 10)();
    if (E.isLeft(created)) return created;
    return E.right({ ...result.right, token });
  };

  const loginThrottled = async (name: string, meta: CommandMeta): Result<void> => {
    const account = await accounts.find(name)();
    if (E.isLeft(account)) return account;
    if (O.isNone(account.right)) return E.right(undefined);
    const result = await run(account.right.value.player_id, { type: 'ThrottleLogin' }, meta);
    return E.isLeft(result) && result.left._tag !== 'PlayerNotFound' ? result : E.right(undefined);
  };

  const logout = async (playerId: string, token: string, meta: CommandMeta): Result<CommandResult> => {
    // The event first: a key already used by another command replays that command, which must not end the session;
    // a revocation that fails after the event is retried with the same key, which replays the event and revokes.
    const result = await run(playerId, { type: 'LogOut' }, meta);
    if (E.isLeft(result) || !result.right.events.some((e) => e.data.type === 'LoggedOut')) return result;
    const revoked = await sessions.revoke(token)();
    return E.isLeft(revoked) ? revoked : result;
  };

  return {
    execute: (playerId, command, meta) => () => run(playerId, command, meta),
    register: (r, meta) => () => register(r, meta),
    login: (name, password, meta) => () => login(name, password, meta),
    loginThrottled: (name, meta) => () => loginThrottled(name, meta),
    logout: (playerId, token, meta) => () => logout(playerId, token, meta),
    logoutAll: (playerId, meta) => async () => {
      const revoked = await sessions.revokeAll(playerId)();
      return E.isLeft(revoked) ? revoked : run(playerId, { type: 'LogOut' }, meta);
    },
    authenticate: (token) => sessions.lookup(token),
    read: (playerId) => () => lanes.read(playerId),
    refresh: (playerId) => () => lanes.refresh(playerId),
  };
};
