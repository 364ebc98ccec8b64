import type * as t from 'io-ts';
import type { PlayerEvent, PlayerState, StoredEvent } from '@placebo/domain';
import { fail } from './httpError.js';
import { Fought, JoinRefusal, Joined, Left, Profile, PurchaseRefusal, Purchased, Registered, Session } from './viewCodecs.js';

export interface Reply {
  readonly status: number;
  readonly body: unknown;
}

/** An answer typed by the codec the document describes it with. */
const reply = <C extends t.Mixed>(codec: C, status: number, body: t.OutputOf<C>): Reply => ({ status, body: codec.encode(body) as unknown });

type Of<T extends PlayerEvent['type']> = StoredEvent & { readonly data: Extract<PlayerEvent, { type: T }> };

/**
 * The event a command produced. Answers are built from events, never from current state, so a retried command
 * (same idempotency key) gets the very same answer. A key first used for another kind of command matches nothing.
 */
export const eventOf = <T extends PlayerEvent['type']>(events: ReadonlyArray<StoredEvent>, ...types: T[]): Of<T> => {
  const found = events.find((e) => (types as ReadonlyArray<string>).includes(e.data.type));
  return found === undefined
    ? fail({
        status: 422,
        error: 'idempotency_key_reused',
        message: 'this idempotency key was used for a different command',
        details: [{ path: 'Idempotency-Key', message: 'already used for a different command' }],
      })
    : (found as Of<T>);
};

/** Where a command's event sits in the log: clients (the simulator, analysts checking the lake) rely on the server's time. */
const placed = (e: StoredEvent) => ({ event_id: e.event_id, player_version: e.player_version, occurred_at: e.occurred_at });

export const registeredView = (events: ReadonlyArray<StoredEvent>): Reply => {
  const e = eventOf(events, 'PlayerRegistered');
  return reply(Registered, 201, { player_id: e.player_id, name: e.data.name, wealth: e.data.wealth, health: e.data.health, created_at: e.occurred_at });
};

export const sessionView = (r: { readonly token: string; readonly player_id: string; readonly events: ReadonlyArray<StoredEvent> }): Reply =>
  reply(Session, 201, { token: r.token, player_id: r.player_id, occurred_at: r.events[0]?.occurred_at ?? null });

export const purchaseView = (events: ReadonlyArray<StoredEvent>): Reply => {
  const e = eventOf(events, 'ItemPurchased', 'PurchaseRefused');
  const d = e.data;
  const fields = {
    ...placed(e),
    kind: d.kind,
    type: d.item_type,
    quantity: d.quantity,
    unit_price: d.unit_price,
    discount: d.discount,
    cost: d.cost,
    offer_id: d.offer_id,
    wealth: e.player.wealth,
  };
  return d.type === 'ItemPurchased'
    ? reply(Purchased, 201, { status: 'approved_purchase', ...fields, health: e.player.health })
    : reply(PurchaseRefusal, 402, {
        error: 'insufficient_funds',
        status: 'insufficient_funds',
        message: `costs ${d.cost}, wealth is ${e.player.wealth}`,
        ...fields,
      });
};

export const joinView = (events: ReadonlyArray<StoredEvent>): Reply => {
  const e = eventOf(events, 'OrgJoined', 'OrgJoinRefused');
  const d = e.data;
  const fields = { ...placed(e), kind: d.org_kind, org: d.org, level: d.level, cost: d.cost, wealth: e.player.wealth };
  return d.type === 'OrgJoined'
    ? reply(Joined, 201, { status: 'joined', ...fields })
    : reply(JoinRefusal, 402, {
        error: 'insufficient_funds',
        status: 'insufficient_funds',
        message: `costs ${d.cost}, wealth is ${e.player.wealth}`,
        ...fields,
      });
};

export const leftView = (events: ReadonlyArray<StoredEvent>): Reply => {
  const e = eventOf(events, 'OrgLeft');
  return reply(Left, 200, { status: 'left', ...placed(e), kind: e.data.org_kind, org: e.data.org, level: e.data.level });
};

export const fightView = (events: ReadonlyArray<StoredEvent>): Reply => {
  const e = eventOf(events, 'FightFought');
  const d = e.data;
  return reply(Fought, 201, {
    ...placed(e),
    enemy: d.enemy,
    outcome: d.outcome,
    win_chance: d.win_chance,
    reward: d.reward,
    damage: d.damage,
    wealth: e.player.wealth,
    health: e.player.health,
  });
};

/** The player as the JSON API shows it: no password, no hash (the state never holds them). */
export const profileView = (s: PlayerState): Reply =>
  reply(Profile, 200, {
    player_id: s.id,
    name: s.name,
    wealth: s.wealth,
    health: s.health,
    created_at: s.created_at,
    inventory: s.inventory.map((i) => ({ kind: i.kind, type: i.type, quantity: i.quantity })),
    affiliations: s.affiliations.map((a) => ({ org: a.org, kind: a.kind, level: a.level, joined_at: a.joined_at })),
    version: s.version,
  });
