import type * as t from 'io-ts';
import {
  Coins,
  Name,
  Quantity,
  UnitInterval,
  type ItemKind,
  type OrgKind,
  type PlayerOrigin,
  type BuyItem,
  type Fight,
  type JoinOrg,
  type LeaveOrg,
  type LogIn,
  type PlayerCommand,
  type RegisterPlayer,
  type FightFought,
  type ItemPurchased,
  type OrgJoined,
  type OrgJoinRefused,
  type OrgLeft,
  type PlayerEvent,
  type PlayerRegistered,
  type PurchaseRefused,
} from '@placebo/domain';

/** Brands a literal through its codec, so a typo in a fixture fails loudly instead of slipping past a cast. */
const must = <A>(codec: t.Type<A, unknown, unknown>, value: unknown): A => {
  if (!codec.is(value)) throw new Error(`fixture ${JSON.stringify(value)} is not a valid ${codec.name}`);
  return value;
};
export const name = (s: string): Name => must(Name, s);
export const coins = (n: number): Coins => must(Coins, n);
export const quantity = (n: number): Quantity => must(Quantity, n);
export const unit = (n: number): UnitInterval => must(UnitInterval, n);
const nameOrNull = (s: string | null | undefined): Name | null => (s === null || s === undefined ? null : name(s));
const coinsOrNull = (n: number | null | undefined): Coins | null => (n === null || n === undefined ? null : coins(n));

/** A seed route's registration unless told otherwise: the client may name the wealth. */
export const registerPlayer = (n: string, wealth: number | null = null, origin: PlayerOrigin = 'seed'): RegisterPlayer => ({
  type: 'RegisterPlayer',
  name: name(n),
  wealth: coinsOrNull(wealth),
  origin,
});
export const logIn = (password_ok: boolean): LogIn => ({ type: 'LogIn', password_ok });
export const logOut: PlayerCommand = { type: 'LogOut' };
export const viewProfile: PlayerCommand = { type: 'ViewProfile' };
export const visitHome: PlayerCommand = { type: 'VisitHome' };

export interface BuyOptions {
  readonly item_type?: string | null;
  readonly quantity?: number;
  readonly offer_id?: string | null;
  readonly client_cost?: number | null;
}
export const buyItem = (kind: ItemKind, o: BuyOptions = {}): BuyItem => ({
  type: 'BuyItem',
  kind,
  item_type: nameOrNull(o.item_type),
  quantity: quantity(o.quantity ?? 1),
  offer_id: nameOrNull(o.offer_id),
  client_cost: coinsOrNull(o.client_cost),
});

export interface JoinOptions {
  readonly org?: string | null;
  readonly level?: string | null;
  readonly client_cost?: number | null;
}
export const joinOrg = (org_kind: OrgKind, o: JoinOptions = {}): JoinOrg => ({
  type: 'JoinOrg',
  org_kind,
  org: nameOrNull(o.org),
  level: nameOrNull(o.level),
  client_cost: coinsOrNull(o.client_cost),
});
export const leaveOrg = (org_kind: OrgKind, org: string): LeaveOrg => ({ type: 'LeaveOrg', org_kind, org: name(org) });
export const fight = (enemy: string, roll: number): Fight => ({ type: 'Fight', enemy: name(enemy), roll: unit(roll) });

export const playerRegistered = (n: string, wealth: number, health = 100, origin: PlayerOrigin = 'seed'): PlayerRegistered => ({
  type: 'PlayerRegistered',
  name: name(n),
  wealth: coins(wealth),
  health,
  origin,
});

export interface PurchaseFields {
  readonly kind: ItemKind;
  readonly item_type: string;
  readonly unit_price: number;
  readonly cost: number;
  readonly quantity?: number;
  readonly discount?: number;
  readonly offer_id?: string | null;
  readonly pricing?: 'catalogue' | 'client';
}
const purchase = (p: PurchaseFields) => ({
  kind: p.kind,
  item_type: name(p.item_type),
  quantity: quantity(p.quantity ?? 1),
  unit_price: coins(p.unit_price),
  discount: coins(p.discount ?? 0),
  cost: coins(p.cost),
  offer_id: nameOrNull(p.offer_id),
  pricing: p.pricing ?? 'catalogue',
});
export const itemPurchased = (p: PurchaseFields & { readonly heal?: number }): ItemPurchased => ({ type: 'ItemPurchased', ...purchase(p), heal: p.heal ?? 0 });
export const purchaseRefused = (p: PurchaseFields): PurchaseRefused => ({ type: 'PurchaseRefused', ...purchase(p), reason: 'insufficient_funds' });

export interface JoinFields {
  readonly org_kind: OrgKind;
  readonly org: string;
  readonly level: string;
  readonly cost: number;
  readonly pricing?: 'catalogue' | 'client';
}
const joining = (j: JoinFields) => ({ org_kind: j.org_kind, org: name(j.org), level: name(j.level), cost: coins(j.cost), pricing: j.pricing ?? 'catalogue' });
export const orgJoined = (j: JoinFields): OrgJoined => ({ type: 'OrgJoined', ...joining(j) });
export const orgJoinRefused = (j: JoinFields): OrgJoinRefused => ({ type: 'OrgJoinRefused', ...joining(j), reason: 'insufficient_funds' });
export const orgLeft = (org_kind: OrgKind, org: string, level: string): OrgLeft => ({ type: 'OrgLeft', org_kind, org: name(org), level: name(level) });

export interface FightFields {
  readonly enemy: string;
  readonly outcome: 'won' | 'lost';
  readonly power: number;
  readonly win_chance: number;
  readonly roll: number;
  readonly reward: number;
  readonly damage: number;
}
export const fightFought = (f: FightFields): FightFought => ({ type: 'FightFought', ...f, enemy: name(f.enemy), roll: unit(f.roll), reward: coins(f.reward) });

export const loggedIn: PlayerEvent = { type: 'LoggedIn' };
export const loginFailed: PlayerEvent = { type: 'LoginFailed', reason: 'wrong_password' };
export const loggedOut: PlayerEvent = { type: 'LoggedOut' };
export const profileViewed: PlayerEvent = { type: 'ProfileViewed' };
export const homeVisited: PlayerEvent = { type: 'HomeVisited' };
