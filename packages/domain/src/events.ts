import * as t from 'io-ts';
import { Coins, ItemKind, Name, Nullable, OrgKind, PlayerOrigin, Quantity, UnitInterval } from './codecs.js';

const Pricing = t.keyof({ catalogue: null, client: null });

/** `origin` is absent from events recorded before origins were (see legacyOrigin). */
export const PlayerRegistered = t.intersection([
  t.type({ type: t.literal('PlayerRegistered'), name: Name, wealth: Coins, health: t.number }),
  t.partial({ origin: PlayerOrigin }),
]);
export type PlayerRegistered = t.TypeOf<typeof PlayerRegistered>;

export const LoggedIn = t.type({ type: t.literal('LoggedIn') });
export type LoggedIn = t.TypeOf<typeof LoggedIn>;

/** `throttled`: the per-name rate limit refused the attempts of a window, recorded once for all of them. */
export const LoginFailed = t.type({ type: t.literal('LoginFailed'), reason: t.keyof({ wrong_password: null, throttled: null }) });
export type LoginFailed = t.TypeOf<typeof LoginFailed>;

export const LoggedOut = t.type({ type: t.literal('LoggedOut') });
export type LoggedOut = t.TypeOf<typeof LoggedOut>;

const purchaseFields = {
  kind: ItemKind,
  item_type: Name,
  quantity: Quantity,
  unit_price: Coins,
  discount: Coins,
  cost: Coins,
  offer_id: Nullable(Name),
  pricing: Pricing,
};

export const ItemPurchased = t.type({ type: t.literal('ItemPurchased'), ...purchaseFields, heal: t.number });
export type ItemPurchased = t.TypeOf<typeof ItemPurchased>;

/** A purchase refused for want of funds: a fact for analysts that changes no state. */
export const PurchaseRefused = t.type({
  type: t.literal('PurchaseRefused'),
  ...purchaseFields,
  reason: t.literal('insufficient_funds'),
});
export type PurchaseRefused = t.TypeOf<typeof PurchaseRefused>;

const joinFields = { org_kind: OrgKind, org: Name, level: Name, cost: Coins, pricing: Pricing };

export const OrgJoined = t.type({ type: t.literal('OrgJoined'), ...joinFields });
export type OrgJoined = t.TypeOf<typeof OrgJoined>;

export const OrgJoinRefused = t.type({ type: t.literal('OrgJoinRefused'), ...joinFields, reason: t.literal('insufficient_funds') });
export type OrgJoinRefused = t.TypeOf<typeof OrgJoinRefused>;

export const OrgLeft = t.type({ type: t.literal('OrgLeft'), org_kind: OrgKind, org: Name, level: Name });
export type OrgLeft = t.TypeOf<typeof OrgLeft>;

export const FightFought = t.type({
  type: t.literal('FightFought'),
  enemy: Name,
  outcome: t.keyof({ won: null, lost: null }),
  power: t.number,
  win_chance: t.number,
  roll: UnitInterval,
  reward: Coins,
  damage: t.number,
});
export type FightFought = t.TypeOf<typeof FightFought>;

export const ProfileViewed = t.type({ type: t.literal('ProfileViewed') });
export type ProfileViewed = t.TypeOf<typeof ProfileViewed>;

export const HomeVisited = t.type({ type: t.literal('HomeVisited') });
export type HomeVisited = t.TypeOf<typeof HomeVisited>;

export const PlayerEvent = t.union([
  PlayerRegistered,
  LoggedIn,
  LoginFailed,
  LoggedOut,
  ItemPurchased,
  PurchaseRefused,
  OrgJoined,
  OrgJoinRefused,
  OrgLeft,
  FightFought,
  ProfileViewed,
  HomeVisited,
]);
export type PlayerEvent = t.TypeOf<typeof PlayerEvent>;
export type PlayerEventType = PlayerEvent['type'];

export const SCHEMA_VERSION = 1;
