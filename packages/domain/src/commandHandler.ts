import type * as O from 'fp-ts/lib/Option.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import { createAccounts, type AccountError, type Registration } from './accounts.js';
import { createCommandLanes, type CommandMeta, type CommandResult } from './commandLanes.js';
import type { PlayerCommand } from './commands.js';
import type { Decider } from './decider.js';
import type { EventLog } from './ports/eventLog.js';
import type { PortError } from './ports/portError.js';
import type { Clock, Ids, PasswordHasher } from './ports/runtime.js';
import type { AccountStore, SessionStore, SnapshotStore } from './ports/stores.js';
import type { PlayerState } from './state.js';

export type { CommandMeta, CommandResult } from './commandLanes.js';
export type { InvalidCredentials, Registration } from './accounts.js';

export type HandlerError = AccountError;

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

export { envelop, foldEvents } from './envelop.js';

/**
 * The command loop of the domain: every command of a player goes through the per-player lanes (decide, append,
 * snapshot); the account use cases (register, login, logout) claim names and open sessions around their commands.
 */
export const createCommandHandler = (deps: HandlerDeps): CommandHandler => {
  const lanes = createCommandLanes(deps);
  const accounts = createAccounts(deps, lanes);
  return {
    execute: (playerId, command, meta) => () => lanes.submit(playerId, command, meta),
    register: (r, meta) => () => accounts.register(r, meta),
    login: (name, password, meta) => () => accounts.login(name, password, meta),
    loginThrottled: (name, meta) => () => accounts.loginThrottled(name, meta),
    logout: (playerId, token, meta) => () => accounts.logout(playerId, token, meta),
    logoutAll: (playerId, meta) => () => accounts.logoutAll(playerId, meta),
    authenticate: (token) => deps.sessions.lookup(token),
    read: (playerId) => () => lanes.read(playerId),
    refresh: (playerId) => () => lanes.refresh(playerId),
  };
};
