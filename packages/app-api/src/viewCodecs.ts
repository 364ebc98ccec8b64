import * as t from 'io-ts';
import { Affiliation, Catalogue, Coins, InventoryItem, ItemKind, Name, Nullable, OrgKind, PlayerId, Quantity } from '@placebo/domain';
import { ErrorBody } from './httpError.js';

/**
 * The JSON answers of the API. The views build values of these types and the document's response schemas are made
 * from the same codecs, so what a client is told is what the server sends. Exact codecs: a field the view adds
 * without declaring it here fails the contract check of the tests.
 */

export interface InstantBrand {
  readonly Instant: unique symbol;
}
/** A server time, ISO 8601 in UTC: `2026-11-23T14:58:44.356Z`. */
export const Instant = t.brand(t.string, (s): s is t.Branded<string, InstantBrand> => !Number.isNaN(Date.parse(s)), 'Instant');
const instant = Instant;
/** Where a command's event sits in the log. */
const placed = { event_id: t.string, player_version: t.number, occurred_at: instant };

export const Registered = t.strict({ player_id: PlayerId, name: Name, wealth: Coins, health: t.number, created_at: instant }, 'Registered');

export const Session = t.strict({ token: t.string, player_id: PlayerId, occurred_at: Nullable(instant) }, 'Session');

export const Profile = t.strict(
  {
    player_id: PlayerId,
    name: Name,
    wealth: Coins,
    health: t.number,
    created_at: instant,
    inventory: t.array(t.strict(InventoryItem.props)),
    affiliations: t.array(t.strict(Affiliation.props)),
    version: t.number,
  },
  'Profile',
);

const purchase = {
  ...placed,
  kind: ItemKind,
  type: Name,
  quantity: Quantity,
  unit_price: Coins,
  discount: Coins,
  cost: Coins,
  offer_id: Nullable(Name),
  wealth: Coins,
};
const refused = { error: t.literal('insufficient_funds'), status: t.literal('insufficient_funds'), message: t.string };

export const Purchased = t.strict({ status: t.literal('approved_purchase'), ...purchase, health: t.number }, 'Purchased');
export const PurchaseRefusal = t.strict({ ...refused, ...purchase }, 'PurchaseRefusal');

const join = { ...placed, kind: OrgKind, org: Name, level: Name, cost: Coins, wealth: Coins };
export const Joined = t.strict({ status: t.literal('joined'), ...join }, 'Joined');
export const JoinRefusal = t.strict({ ...refused, ...join }, 'JoinRefusal');

export const Left = t.strict({ status: t.literal('left'), ...placed, kind: OrgKind, org: Name, level: Name }, 'Left');

export const Fought = t.strict(
  {
    ...placed,
    enemy: Name,
    outcome: t.keyof({ won: null, lost: null }),
    win_chance: t.number,
    reward: Coins,
    damage: t.number,
    wealth: Coins,
    health: t.number,
  },
  'Fought',
);

export const CatalogueView = t.exact(Catalogue, 'Catalogue');
export const Health = t.strict({ status: t.literal('ok') }, 'Health');
export const Ready = t.strict({ status: t.literal('ready') }, 'Ready');
export const Document = t.type({ openapi: t.literal('3.1.0') }, 'OpenApiDocument');

/** Every named answer, as the document's components list them. */
export const viewCodecs: ReadonlyArray<t.Mixed> = [
  ErrorBody,
  Registered,
  Session,
  Profile,
  Purchased,
  PurchaseRefusal,
  Joined,
  JoinRefusal,
  Left,
  Fought,
  CatalogueView,
  Health,
  Ready,
  Document,
];
