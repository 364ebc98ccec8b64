import * as t from 'io-ts';
import { Coins, Count, ItemKind, Name, OrgKind } from './codecs.js';

export const CatalogueItem = t.type({
  kind: ItemKind,
  type: Name,
  price: Coins,
  /** Added to the player's fighting power while the item is in the inventory. */
  power: t.number,
  /** Health restored on purchase (potions). */
  heal: t.number,
});
export type CatalogueItem = t.TypeOf<typeof CatalogueItem>;

export const OrgLevel = t.type({ level: Name, cost: Coins });
export const CatalogueOrg = t.type({ kind: OrgKind, name: Name, levels: t.array(OrgLevel) });
export type CatalogueOrg = t.TypeOf<typeof CatalogueOrg>;

export const Offer = t.type({
  id: Name,
  /** Item kinds the offer applies to; empty means every kind. */
  kinds: t.array(ItemKind),
  percent_off: t.number,
});
export type Offer = t.TypeOf<typeof Offer>;

export const Enemy = t.type({ type: Name, strength: t.number, reward: Coins, damage: t.number });
export type Enemy = t.TypeOf<typeof Enemy>;

export const Limits = t.intersection([
  t.type({
    /** Largest single cost a client may name on the seed-compatible routes. */
    max_cost: Coins,
    max_wealth: Coins,
    starting_wealth: Coins,
    /** Wealth of a player created implicitly from a `Host` header on seed 001's routes. */
    host_starting_wealth: Coins,
    max_health: t.number,
    base_power: t.number,
  }),
  t.partial({
    /** Most orgs a player belongs to at once (default 20): keeps a player's state, and each command on it, small. */
    max_affiliations: Count,
    /** Most different (kind, type) items a player holds (default 50); the seed routes accept any type name. */
    max_item_types: Count,
  }),
]);
export type Limits = t.TypeOf<typeof Limits>;

/** The caps on a player's state, with their defaults for catalogues written before they existed. */
export const stateCaps = (l: Limits): { readonly affiliations: number; readonly itemTypes: number } => ({
  affiliations: l.max_affiliations ?? 20,
  itemTypes: l.max_item_types ?? 50,
});

/** The server-side price list and rule set. It is data handed to the decider, never hard-coded in it. */
export const Catalogue = t.type({
  items: t.array(CatalogueItem),
  orgs: t.array(CatalogueOrg),
  offers: t.array(Offer),
  enemies: t.array(Enemy),
  limits: Limits,
});
export type Catalogue = t.TypeOf<typeof Catalogue>;

const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** The named item of a kind, or the kind's first item when no type is named. */
export const findItem = (c: Catalogue, kind: ItemKind, type: string | null): CatalogueItem | undefined =>
  c.items.find((i) => i.kind === kind && (type === null || sameName(i.type, type)));

export const findOrg = (c: Catalogue, kind: OrgKind, name: string | null): CatalogueOrg | undefined =>
  c.orgs.find((o) => o.kind === kind && (name === null || sameName(o.name, name)));

export const findOffer = (c: Catalogue, id: string): Offer | undefined => c.offers.find((o) => sameName(o.id, id));

export const findEnemy = (c: Catalogue, type: string): Enemy | undefined => c.enemies.find((e) => sameName(e.type, type));

/** Checks the rules a decoder cannot: positive prices, percentages in range, no duplicates. */
export const catalogueProblems = (c: Catalogue): ReadonlyArray<string> => {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const i of c.items) {
    const key = `${i.kind}/${i.type.toLowerCase()}`;
    if (seen.has(key)) problems.push(`duplicate item ${key}`);
    seen.add(key);
    if (i.price < 1 || i.price > c.limits.max_cost) problems.push(`item ${key}: price must be 1 … max_cost`);
  }
  for (const o of c.offers) {
    if (!(o.percent_off > 0 && o.percent_off < 100)) problems.push(`offer ${o.id}: percent_off must be in (0, 100)`);
  }
  for (const o of c.orgs) {
    if (o.levels.length === 0) problems.push(`org ${o.name}: needs at least one level`);
  }
  if (c.limits.starting_wealth > c.limits.max_wealth) problems.push('starting_wealth exceeds max_wealth');
  return problems;
};
