import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import { Coins, type Name, type PlayerOrigin } from './codecs.js';
import type { CommandLanes, CommandMeta, CommandResult } from './commandLanes.js';
import type { PlayerError } from './errors.js';
import type { EventLog } from './ports/eventLog.js';
import type { PortError } from './ports/portError.js';
import type { Ids, PasswordHasher } from './ports/runtime.js';
import type { Account, AccountStore, NameTaken, SessionStore } from './ports/stores.js';

export interface InvalidCredentials {
  readonly _tag: 'InvalidCredentials';
}

export type AccountError = PlayerError | PortError | NameTaken | InvalidCredentials;

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

export interface AccountDeps {
  readonly log: EventLog;
  readonly accounts: AccountStore;
  readonly sessions: SessionStore;
  readonly ids: Ids;
  readonly hasher: PasswordHasher;
  readonly sessionTtlSeconds: number;
  /** Live sessions a player may hold; a new login past it ends the oldest (default 10). */
  readonly maxSessionsPerPlayer?: number;
}

type Result<A> = Promise<E.Either<AccountError, A>>;

/** The account use cases: names claimed with a password, sessions opened and ended. Their commands go through the lanes. */
export interface Accounts {
  readonly register: (r: Registration, meta: CommandMeta) => Result<CommandResult>;
  readonly login: (name: string, password: string, meta: CommandMeta) => Result<CommandResult & { readonly token: string }>;
  readonly loginThrottled: (name: string, meta: CommandMeta) => Result<void>;
  readonly logout: (playerId: string, token: string, meta: CommandMeta) => Result<CommandResult>;
  readonly logoutAll: (playerId: string, meta: CommandMeta) => Result<CommandResult>;
}

/** Registration: a name claimed (with the password's hash), then the RegisterPlayer command. */
const createRegister = (deps: AccountDeps, lanes: CommandLanes): Accounts['register'] => {
  const { log, accounts, ids, hasher } = deps;
  const run = lanes.submit;
  const peek = lanes.read;

  /** A retried registration answers its first result, even though the name is taken now (by this very command). */
  const firstResult = async (existing: O.Option<Account>, meta: CommandMeta): Result<CommandResult | null> => {
    if (O.isNone(existing) || meta.command_id === null || meta.fresh === true) return E.right(null);
    const prior = await log.findByCommand(existing.value.player_id, meta.command_id)();
    if (E.isLeft(prior)) return prior;
    if (prior.right.length === 0) return E.right(null);
    const now = await peek(existing.value.player_id);
    if (E.isLeft(now)) return now;
    return E.right({ player_id: existing.value.player_id, events: prior.right, state: now.right, replayed: true });
  };

  /** A claim left by a registration that crashed before its append is taken over by the retry: its player, if so. */
  const orphanOf = async (existing: O.Option<Account>, r: Registration): Result<string | null> => {
    if (O.isNone(existing) || r.player_id !== null) return E.right(null);
    const owner = await peek(existing.value.player_id);
    if (E.isLeft(owner)) return owner;
    return E.right(owner.right.registered ? null : owner.right.id);
  };

  const hashOf = async (password: string | null): Result<string | null> => (password === null ? E.right(null) : hasher.hash(password)());

  /** Claims the name and appends the registration; a claim nobody registered under is released again. */
  const claimAndRegister = async (
    r: Registration & { readonly wealth: Coins | null },
    accountName: string,
    playerId: string,
    meta: CommandMeta,
  ): Result<CommandResult> => {
    const current = await peek(playerId);
    if (E.isLeft(current)) return current;
    if (current.right.registered) return E.left({ _tag: 'PlayerAlreadyExists', player_id: playerId });
    const hash = await hashOf(r.password);
    if (E.isLeft(hash)) return hash;
    const claimed = await accounts.claim(accountName, playerId, hash.right)();
    if (E.isLeft(claimed)) return claimed;
    const result = await run(playerId, { type: 'RegisterPlayer', name: r.name, wealth: r.wealth, origin: r.origin }, meta);
    if (E.isLeft(result)) {
      // Release only a claim nobody registered under: a concurrent registration of the same id may own it now.
      const after = await peek(playerId);
      if (E.isRight(after) && !after.right.registered) await accounts.release(accountName, playerId)();
    }
    return result;
  };

  const register = async (r: Registration, meta: CommandMeta): Result<CommandResult> => {
    const accountName = r.account_name ?? r.name;
    const existing = await accounts.find(accountName)();
    if (E.isLeft(existing)) return existing;
    const first = await firstResult(existing.right, meta);
    if (E.isLeft(first)) return first;
    if (first.right !== null) return E.right(first.right);
    const { wealth } = r;
    if (wealth !== null && !Coins.is(wealth)) return E.left({ _tag: 'WealthOutOfRange', wealth, max: 1e12 });
    const orphan = await orphanOf(existing.right, r);
    if (E.isLeft(orphan)) return orphan;
    return claimAndRegister({ ...r, wealth }, accountName, r.player_id ?? orphan.right ?? ids.uuid(), meta);
  };
  return register;
};

/** Sessions: a login checks the password and opens one, a logout ends one or all. */
const createSessionCases = (deps: AccountDeps, lanes: CommandLanes): Omit<Accounts, 'register'> => {
  const { accounts, sessions, ids, hasher } = deps;
  const run = lanes.submit;

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

  const logoutAll = async (playerId: string, meta: CommandMeta): Result<CommandResult> => {
    const revoked = await sessions.revokeAll(playerId)();
    return E.isLeft(revoked) ? revoked : run(playerId, { type: 'LogOut' }, meta);
  };

  return { login, loginThrottled, logout, logoutAll };
};

export const createAccounts = (deps: AccountDeps, lanes: CommandLanes): Accounts => ({
  register: createRegister(deps, lanes),
  ...createSessionCases(deps, lanes),
});
