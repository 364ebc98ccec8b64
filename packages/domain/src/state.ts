import * as t from 'io-ts';
import { Coins, Count, ItemKind, legacyOrigin, Name, OrgKind, PlayerOrigin } from './codecs.js';

/**
 * All the items of one (kind, type) a player holds. The inventory keeps one entry per pair, in the order each pair was
 * first bought, so its size follows the number of different items, not the number of purchases.
 */
export const InventoryItem = t.type({ kind: ItemKind, type: Name, quantity: Count });
export type InventoryItem = t.TypeOf<typeof InventoryItem>;

export const Affiliation = t.type({ org: Name, kind: OrgKind, level: Name, joined_at: t.string });
export type Affiliation = t.TypeOf<typeof Affiliation>;

/** The seed's player session, minus the password. `version` is the player_version of the last event folded in. */
export const PlayerState = t.type({
  registered: t.boolean,
  id: t.string,
  origin: PlayerOrigin,
  name: t.string,
  wealth: Coins,
  health: t.number,
  created_at: t.string,
  inventory: t.array(InventoryItem),
  affiliations: t.array(Affiliation),
  version: t.number,
});
export type PlayerState = t.TypeOf<typeof PlayerState>;

export const initialState = (id: string): PlayerState => ({
  registered: false,
  id,
  origin: legacyOrigin(id),
  name: '',
  wealth: 0 as Coins,
  health: 0,
  created_at: '',
  inventory: [],
  affiliations: [],
  version: 0,
});

/**
 * The inventory with `quantity` more items of (kind, type). Types match exactly, as bought: the seed routes keep the
 * client's spelling. Copies only the per-type array, never a per-item one.
 */
export const addItems = (inventory: ReadonlyArray<InventoryItem>, kind: ItemKind, type: Name, quantity: number): InventoryItem[] => {
  const at = inventory.findIndex((i) => i.kind === kind && i.type === type);
  const held = inventory[at];
  if (held === undefined) return [...inventory, { kind, type, quantity: quantity as Count }];
  const next = inventory.slice();
  next[at] = { kind, type, quantity: (held.quantity + quantity) as Count };
  return next;
};

/** How many items the player holds, all types together. */
export const itemCount = (inventory: ReadonlyArray<InventoryItem>): number => inventory.reduce((n, i) => n + i.quantity, 0);

/**
 * Snapshots stored before inventories were counted hold one `{ kind, type }` per item, in purchase order. Counting them
 * in that order gives exactly the state the log folds to now; a current state comes back as it is.
 */
export const upgradeState = (stored: PlayerState): PlayerState => {
  // Snapshots stored before origins were recorded have none: the fold of their log gives the legacy one.
  const s = PlayerOrigin.is(stored.origin) ? stored : { ...stored, origin: legacyOrigin(stored.id) };
  return s.inventory.every((i) => Count.is(i.quantity))
    ? s
    : { ...s, inventory: s.inventory.reduce<InventoryItem[]>((inv, i) => addItems(inv, i.kind, i.type, Count.is(i.quantity) ? i.quantity : 1), []) };
};

/**
 * Key order fixed by construction, so equal states serialize to equal strings (the replay check compares these). The
 * inventory's order is first-bought order, which the fold of a given log fixes.
 */
export const canonicalState = (s: PlayerState): string =>
  JSON.stringify({
    registered: s.registered,
    id: s.id,
    origin: PlayerOrigin.is(s.origin) ? s.origin : legacyOrigin(s.id),
    name: s.name,
    wealth: s.wealth,
    health: s.health,
    created_at: s.created_at,
    inventory: s.inventory.map((i) => ({ kind: i.kind, type: i.type, quantity: i.quantity })),
    affiliations: s.affiliations.map((a) => ({ org: a.org, kind: a.kind, level: a.level, joined_at: a.joined_at })),
    version: s.version,
  });
