import * as t from 'io-ts';
import { Coins, ItemKind, Name, Nullable, OrgKind, PlayerOrigin, Quantity, UnitInterval } from './codecs.js';

/**
 * Creates the player. The password never reaches the decider: the handler stores its hash beside the log. Only the
 * seed routes name a starting wealth; a `/v1` player starts with the catalogue's.
 */
export const RegisterPlayer = t.type({ type: t.literal('RegisterPlayer'), name: Name, wealth: Nullable(Coins), origin: PlayerOrigin });
export type RegisterPlayer = t.TypeOf<typeof RegisterPlayer>;

/** The handler has already compared the password with the stored hash; the decider records the outcome. */
export const LogIn = t.type({ type: t.literal('LogIn'), password_ok: t.boolean });
export type LogIn = t.TypeOf<typeof LogIn>;

/** A login refused by the per-name rate limit before any password check: recorded once per window, not per attempt. */
export const ThrottleLogin = t.type({ type: t.literal('ThrottleLogin') });
export type ThrottleLogin = t.TypeOf<typeof ThrottleLogin>;

export const LogOut = t.type({ type: t.literal('LogOut') });
export type LogOut = t.TypeOf<typeof LogOut>;

/**
 * Buys `quantity` items. The price comes from the catalogue (with an optional offer) unless `client_cost` is set,
 * which only the seed-compatible routes do, as the seeds accepted a `cost` parameter.
 */
export const BuyItem = t.type({
  type: t.literal('BuyItem'),
  kind: ItemKind,
  item_type: Nullable(Name),
  quantity: Quantity,
  offer_id: Nullable(Name),
  client_cost: Nullable(Coins),
});
export type BuyItem = t.TypeOf<typeof BuyItem>;

export const JoinOrg = t.type({
  type: t.literal('JoinOrg'),
  org_kind: OrgKind,
  org: Nullable(Name),
  level: Nullable(Name),
  client_cost: Nullable(Coins),
});
export type JoinOrg = t.TypeOf<typeof JoinOrg>;

export const LeaveOrg = t.type({ type: t.literal('LeaveOrg'), org_kind: OrgKind, org: Name });
export type LeaveOrg = t.TypeOf<typeof LeaveOrg>;

/** Fights an AI enemy; `roll` is the random draw, made outside the decider so replay stays deterministic. */
export const Fight = t.type({ type: t.literal('Fight'), enemy: Name, roll: UnitInterval });
export type Fight = t.TypeOf<typeof Fight>;

/** A read, still recorded as an event, as the seeds recorded every call. */
export const ViewProfile = t.type({ type: t.literal('ViewProfile') });
export type ViewProfile = t.TypeOf<typeof ViewProfile>;

/** Seed 001's `GET /` from a host: the "default" event. */
export const VisitHome = t.type({ type: t.literal('VisitHome') });
export type VisitHome = t.TypeOf<typeof VisitHome>;

export const PlayerCommand = t.union([RegisterPlayer, LogIn, ThrottleLogin, LogOut, BuyItem, JoinOrg, LeaveOrg, Fight, ViewProfile, VisitHome]);
export type PlayerCommand = t.TypeOf<typeof PlayerCommand>;
