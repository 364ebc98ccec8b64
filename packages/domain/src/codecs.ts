import * as t from 'io-ts';

const isInt = (n: number, min: number, max: number): boolean => Number.isInteger(n) && n >= min && n <= max;

export interface PlayerIdBrand {
  readonly PlayerId: unique symbol;
}
/** 1–64 characters of letters, digits and `._:@-`: safe in Kafka keys, Redis keys and file names. */
export const PlayerId = t.brand(t.string, (s): s is t.Branded<string, PlayerIdBrand> => /^[A-Za-z0-9._:@-]{1,64}$/.test(s), 'PlayerId');
export type PlayerId = t.TypeOf<typeof PlayerId>;

export interface NameBrand {
  readonly Name: unique symbol;
}
/**
 * A name's rule as a regular expression (Unicode mode, as JSON Schema reads `pattern`): 1–64 code points, none a control
 * character or a lone surrogate, no white space at either end. The API document states this very pattern.
 */
export const namePattern = '^(?!\\s)(?![\\s\\S]*\\s$)[^\\u0000-\\u001f\\u007f\\ud800-\\udfff]{1,64}$';
const nameRule = new RegExp(namePattern, 'u');

/** A display or catalogue name: already trimmed, 1–64 code points, no control characters, well-formed Unicode. */
export const Name = t.brand(t.string, (s): s is t.Branded<string, NameBrand> => nameRule.test(s), 'Name');
export type Name = t.TypeOf<typeof Name>;

export interface CoinsBrand {
  readonly Coins: unique symbol;
}
/** Whole coins, 0 … 10^12 (well inside 2^53, so exact in JSON, JavaScript and Parquet INT64). */
export const Coins = t.brand(t.number, (n): n is t.Branded<number, CoinsBrand> => isInt(n, 0, 1e12), 'Coins');
export type Coins = t.TypeOf<typeof Coins>;

export interface QuantityBrand {
  readonly Quantity: unique symbol;
}
export const Quantity = t.brand(t.number, (n): n is t.Branded<number, QuantityBrand> => isInt(n, 1, 100), 'Quantity');
export type Quantity = t.TypeOf<typeof Quantity>;

export interface CountBrand {
  readonly Count: unique symbol;
}
/** How many of one thing a player holds: a whole number from 1, exact in JSON (a safe integer). */
export const Count = t.brand(t.number, (n): n is t.Branded<number, CountBrand> => isInt(n, 1, Number.MAX_SAFE_INTEGER), 'Count');
export type Count = t.TypeOf<typeof Count>;

export interface UnitIntervalBrand {
  readonly UnitInterval: unique symbol;
}
/** A random draw in [0, 1). */
export const UnitInterval = t.brand(t.number, (n): n is t.Branded<number, UnitIntervalBrand> => Number.isFinite(n) && n >= 0 && n < 1, 'UnitInterval');
export type UnitInterval = t.TypeOf<typeof UnitInterval>;

export const ItemKind = t.keyof({ sword: null, spell: null, knife: null, armor: null, bow: null, arrow: null, potion: null });
export type ItemKind = t.TypeOf<typeof ItemKind>;
export const itemKinds: ReadonlyArray<ItemKind> = Object.keys(ItemKind.keys) as ItemKind[];

export const OrgKind = t.keyof({ guild: null, team: null });
export type OrgKind = t.TypeOf<typeof OrgKind>;
export const orgKinds: ReadonlyArray<OrgKind> = Object.keys(OrgKind.keys) as OrgKind[];

/**
 * Which door a player came in by: the JSON API (`v1`), seed 000's `/create/user` (`seed`) or seed 001's Host header
 * (`host`). The seed routes trust the client, so they act only on their own players.
 */
export const PlayerOrigin = t.keyof({ v1: null, seed: null, host: null });
export type PlayerOrigin = t.TypeOf<typeof PlayerOrigin>;

/** Players registered before origins were recorded: host-… ids came from a Host header; any other counts as /v1 (the safe side). */
export const legacyOrigin = (playerId: string): PlayerOrigin => (playerId.startsWith('host-') ? 'host' : 'v1');

export const Nullable = <C extends t.Mixed>(codec: C) => t.union([codec, t.null]);
