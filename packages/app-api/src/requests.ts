import * as t from 'io-ts';
import { Coins, ItemKind, Name, OrgKind, PlayerId, Quantity } from '@placebo/domain';

const lengthBetween =
  (min: number, max: number) =>
  (s: string): boolean =>
    s.length >= min && s.length <= max;

export interface PasswordBrand {
  readonly Password: unique symbol;
}
/** A new password on the JSON API: 8–256 characters, anything goes. */
export const Password = t.brand(t.string, (s): s is t.Branded<string, PasswordBrand> => lengthBetween(8, 256)(s), 'Password');

export interface LoginPasswordBrand {
  readonly LoginPassword: unique symbol;
}
/** Any password that could have been set, including the seeds' short ones ("blahdh"). */
export const LoginPassword = t.brand(t.string, (s): s is t.Branded<string, LoginPasswordBrand> => lengthBetween(1, 256)(s), 'LoginPassword');

export interface SeedPasswordBrand {
  readonly SeedPassword: unique symbol;
}
export const SeedPassword = t.brand(t.string, (s): s is t.Branded<string, SeedPasswordBrand> => lengthBetween(1, 256)(s), 'SeedPassword');

export interface CommandIdBrand {
  readonly CommandId: unique symbol;
}
/** An idempotency key: a retried command with the same key returns its first result. */
export const CommandId = t.brand(t.string, (s): s is t.Branded<string, CommandIdBrand> => /^[A-Za-z0-9_.:-]{1,128}$/.test(s), 'CommandId');
export type CommandId = t.TypeOf<typeof CommandId>;

/** A display name as typed by a person: surrounding spaces are dropped before the Name rules apply. */
export const TrimmedName = new t.Type<Name, string, unknown>(
  'TrimmedName',
  Name.is,
  (u, c) => (typeof u === 'string' ? Name.validate(u.trim(), c) : t.failure(u, c)),
  (n) => n,
);

/** The seeds sent coins as form text ("5000", "999.0"); only whole, non-negative values pass. */
export const CoinsText = new t.Type<Coins, string, unknown>(
  'CoinsText',
  Coins.is,
  (u, c) => {
    const s = typeof u === 'string' ? u.trim() : '';
    return /^\d{1,13}(\.0+)?$/.test(s) ? Coins.validate(Number(s), c) : t.failure(u, c);
  },
  String,
);

const idempotent = { command_id: CommandId };

export const CreatePlayerBody = t.intersection([
  t.type({ name: TrimmedName, password: Password }),
  t.partial({ wealth: Coins, player_id: PlayerId, ...idempotent }),
]);
export const LoginBody = t.type({ name: TrimmedName, password: LoginPassword });
export const PurchaseBody = t.intersection([
  t.type({ kind: ItemKind }),
  t.partial({ type: Name, quantity: Quantity, offer_id: Name, ...idempotent }),
]);
export const JoinBody = t.intersection([t.type({ kind: OrgKind, org: Name }), t.partial({ level: Name, ...idempotent })]);
export const FightBody = t.intersection([t.type({ enemy: Name }), t.partial(idempotent)]);
export const CommandBody = t.partial(idempotent);

export const SeedCreateUser = t.intersection([
  t.type({ userid: PlayerId, userpwd: SeedPassword, username: TrimmedName }),
  t.partial({ wealth: CoinsText }),
]);
export const SeedBuy = t.type({ userid: PlayerId, type: Name, cost: CoinsText });
export const SeedJoinGuild = t.type({ userid: PlayerId, org: Name, level: Name, cost: CoinsText });
export const SeedJoinTeam = t.intersection([t.type({ userid: PlayerId, org: Name, level: Name }), t.partial({ cost: CoinsText })]);
export const SeedUserQuery = t.type({ userid: PlayerId });

/** Player ids of the form host-… belong to the players seed 001's routes create from a Host header. */
export const reservedPlayerId = (id: string): boolean => id.toLowerCase().startsWith('host-');
