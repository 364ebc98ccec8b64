import * as t from 'io-ts';
import { Coins, ItemKind, Name, OrgKind } from './codecs.js';

export const InventoryItem = t.type({ kind: ItemKind, type: Name });
export type InventoryItem = t.TypeOf<typeof InventoryItem>;

export const Affiliation = t.type({ org: Name, kind: OrgKind, level: Name, joined_at: t.string });
export type Affiliation = t.TypeOf<typeof Affiliation>;

/** The seed's player session, minus the password. `version` is the player_version of the last event folded in. */
export const PlayerState = t.type({
  registered: t.boolean,
  id: t.string,
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
  name: '',
  wealth: 0 as Coins,
  health: 0,
  created_at: '',
  inventory: [],
  affiliations: [],
  version: 0,
});

/** Key order fixed by construction, so equal states serialize to equal strings (the replay check compares these). */
export const canonicalState = (s: PlayerState): string =>
  JSON.stringify({
    registered: s.registered,
    id: s.id,
    name: s.name,
    wealth: s.wealth,
    health: s.health,
    created_at: s.created_at,
    inventory: s.inventory.map((i) => ({ kind: i.kind, type: i.type })),
    affiliations: s.affiliations.map((a) => ({ org: a.org, kind: a.kind, level: a.level, joined_at: a.joined_at })),
    version: s.version,
  });
