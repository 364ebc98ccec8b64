import * as t from 'io-ts';
import { Coins, ItemKind, Name, namePattern, OrgKind, PlayerId, Quantity } from '@placebo/domain';

/** `min`–`max` code points of well-formed Unicode (no lone surrogates), as a pattern for code and document alike. */
const wellFormed = (min: number, max: number): string => `^[^\\ud800-\\udfff]{${min},${max}}$`;
export const passwordPattern = wellFormed(8, 256);
export const anyPasswordPattern = wellFormed(1, 256);
const matches =
  (pattern: string) =>
  (s: string): boolean =>
    new RegExp(pattern, 'u').test(s);
const isPassword = matches(passwordPattern);
const isAnyPassword = matches(anyPasswordPattern);

export interface PasswordBrand {
  readonly Password: unique symbol;
}
/** A new password on the JSON API: 8–256 code points, anything but lone surrogates (which UTF-8 cannot carry). */
export const Password = t.brand(t.string, (s): s is t.Branded<string, PasswordBrand> => isPassword(s), 'Password');

export interface LoginPasswordBrand {
  readonly LoginPassword: unique symbol;
}
/** Any password that could have been set, including the seeds' short ones ("blahdh"). */
export const LoginPassword = t.brand(t.string, (s): s is t.Branded<string, LoginPasswordBrand> => isAnyPassword(s), 'LoginPassword');

export interface SeedPasswordBrand {
  readonly SeedPassword: unique symbol;
}
export const SeedPassword = t.brand(t.string, (s): s is t.Branded<string, SeedPasswordBrand> => isAnyPassword(s), 'SeedPassword');

export interface CommandIdBrand {
  readonly CommandId: unique symbol;
}
/** An idempotency key: a retried command with the same key returns its first result. */
export const CommandId = t.brand(t.string, (s): s is t.Branded<string, CommandIdBrand> => /^[A-Za-z0-9_.:-]{1,128}$/.test(s), 'CommandId');
export type CommandId = t.TypeOf<typeof CommandId>;

/**
 * A Name with white space around it, which TrimmedName drops, without invisible or text-direction characters or the
 * reserved host- prefix: the document's pattern for what TrimmedName takes.
 */
export const trimmedNamePattern = `^(?!\\s*[Hh][Oo][Ss][Tt]-)(?![\\s\\S]*[\\p{Default_Ignorable_Code_Point}\\p{Bidi_Control}])\\s*(?=\\S)${namePattern.slice(namePattern.indexOf('[^'), -1)}\\s*$`;

/** Characters that render as nothing or reorder the text around them: they make one name look like another. */
const invisible = /[\p{Default_Ignorable_Code_Point}\p{Bidi_Control}]/u;

/** Player ids and account names of the form host-… belong to the players seed 001's routes create from a Host header. */
export const reservedPlayerId = (id: string): boolean => id.toLowerCase().startsWith('host-');

/**
 * A player's name as typed by a person: NFKC-normalised (so compatibility forms such as full-width letters are one
 * name), surrounding spaces dropped, then the Name rules; invisible and direction-control characters, and the
 * reserved host- prefix, are refused.
 */
export const TrimmedName = new t.Type<Name, string, unknown>(
  'TrimmedName',
  Name.is,
  (u, c) => {
    if (typeof u !== 'string') return t.failure(u, c);
    const folded = u.normalize('NFKC');
    // Looked for before trimming: trim() would drop some of them (a byte-order mark) and let the name through.
    if (invisible.test(folded)) return t.failure(u, c, 'must not contain invisible or text-direction characters');
    const s = folded.trim();
    if (reservedPlayerId(s)) return t.failure(u, c, 'the prefix host- is reserved');
    return Name.validate(s, c);
  },
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

export const CreatePlayerBody = t.intersection([t.type({ name: TrimmedName, password: Password }), t.partial({ player_id: PlayerId, ...idempotent })]);
export const LoginBody = t.type({ name: TrimmedName, password: LoginPassword });
export const PurchaseBody = t.intersection([t.type({ kind: ItemKind }), t.partial({ type: Name, quantity: Quantity, offer_id: Name, ...idempotent })]);
export const JoinBody = t.intersection([t.type({ kind: OrgKind, org: Name }), t.partial({ level: Name, ...idempotent })]);
export const FightBody = t.intersection([t.type({ enemy: Name }), t.partial(idempotent)]);
export const CommandBody = t.partial(idempotent);
/** `DELETE /v1/sessions?all=true` ends every session of the player, not only the caller's. */
export const AllFlag = t.keyof({ true: null, false: null });
export const LogoutQuery = t.partial({ all: AllFlag });

export const SeedCreateUser = t.intersection([t.type({ userid: PlayerId, userpwd: SeedPassword, username: TrimmedName }), t.partial({ wealth: CoinsText })]);
export const SeedBuy = t.type({ userid: PlayerId, type: Name, cost: CoinsText });
export const SeedJoinGuild = t.type({ userid: PlayerId, org: Name, level: Name, cost: CoinsText });
export const SeedJoinTeam = t.intersection([t.type({ userid: PlayerId, org: Name, level: Name }), t.partial({ cost: CoinsText })]);
export const SeedUserQuery = t.type({ userid: PlayerId });
