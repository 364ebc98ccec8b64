import { absurd, type StoredEvent, type Topic } from '../envelope.js';
import type { PlayerEvent } from '../events.js';
import { col, type Column, type Row } from './columns.js';

export interface TableSpec {
  readonly name: string;
  readonly doc: string;
  /** The topic whose records feed the table. */
  readonly source: Topic;
  readonly columns: ReadonlyArray<Column>;
  /** The table's row for an event, or null when the event does not belong in it. */
  readonly project: (e: StoredEvent) => Row | null;
}

/** The seeds' names for what happened: buy_sword, join_guild, default … */
export const actionOf = (d: PlayerEvent): string => {
  switch (d.type) {
    case 'PlayerRegistered':
      return 'create_user';
    case 'LoggedIn':
      return 'login';
    case 'LoginFailed':
      return 'login_failed';
    case 'LoggedOut':
      return 'logout';
    case 'ItemPurchased':
    case 'PurchaseRefused':
      return `buy_${d.kind}`;
    case 'OrgJoined':
    case 'OrgJoinRefused':
      return `join_${d.org_kind}`;
    case 'OrgLeft':
      return `leave_${d.org_kind}`;
    case 'FightFought':
      return 'fight';
    case 'ProfileViewed':
      return 'view_profile';
    case 'HomeVisited':
      return 'default';
    default:
      return absurd(d);
  }
};

/** The seeds' status column: approved_purchase / insufficient_funds, and the like for other events. */
export const statusOf = (d: PlayerEvent): string => {
  switch (d.type) {
    case 'ItemPurchased':
      return 'approved_purchase';
    case 'OrgJoined':
      return 'approved_join';
    case 'PurchaseRefused':
    case 'OrgJoinRefused':
      return d.reason;
    case 'OrgLeft':
      return 'left';
    case 'FightFought':
      return d.outcome;
    case 'LoginFailed':
      return d.reason;
    case 'PlayerRegistered':
    case 'LoggedIn':
    case 'LoggedOut':
    case 'ProfileViewed':
    case 'HomeVisited':
      return 'ok';
    default:
      return absurd(d);
  }
};

const common: ReadonlyArray<Column> = [
  col('event_id', 'string', 'Unique id of the event (uuid).'),
  col('event_type', 'string', "What happened, in the seeds' words (buy_sword, join_guild, default …); all_events uses the domain event name."),
  col('player_id', 'string', 'The player (the Kafka key).'),
  col('user_id', 'string', "Same as player_id, under the seeds' name."),
  col('player_version', 'int64', '1, 2, 3 … per player; (player_id, player_version) is unique.'),
  col('occurred_at', 'timestamp', 'When the API accepted the command (UTC).'),
  col('timestamp', 'string', 'occurred_at as text, "YYYY-MM-DD HH:MM:SS.mmm" (the seeds\' column).'),
  col('event_date', 'string', "occurred_at's UTC date, YYYY-MM-DD."),
  col('command_id', 'string', 'Idempotency key of the command that produced the event.'),
  col('host', 'string', 'Host header of the request.'),
  col('user_agent', 'string', 'User-Agent header of the request.'),
  col('accept', 'string', 'Accept header of the request.'),
  col('raw_event', 'string', 'The whole log record as JSON (it holds no secrets).'),
];

/** The columns every table shares. Tables add theirs with Object.assign: spreading this object into a literal cost
 * ~50–100 µs per row in V8 (the sink projects every record), assigning onto it costs a few. */
const commonRow = (e: StoredEvent, event_type: string): Row => ({
  event_id: e.event_id,
  event_type,
  player_id: e.player_id,
  user_id: e.player_id,
  player_version: e.player_version,
  occurred_at: Date.parse(e.occurred_at),
  timestamp: e.occurred_at.replace('T', ' ').replace('Z', ''),
  event_date: e.occurred_at.slice(0, 10),
  command_id: e.command_id,
  host: e.request.host,
  user_agent: e.request.user_agent,
  accept: e.request.accept,
  raw_event: JSON.stringify(e),
});

const figures: ReadonlyArray<Column> = [
  col('player_created', 'string', 'When the player registered (ISO-8601).'),
  col('player_wealth', 'double', 'Wealth right after the event.'),
];

/** all_events' purchase cells; `cost` is also a join's price, so it sits here, in the column order. */
const purchaseCells = (d: PlayerEvent): Row => {
  if (d.type === 'ItemPurchased' || d.type === 'PurchaseRefused') {
    return { item_kind: d.kind, item_type: d.item_type, quantity: d.quantity, cost: d.cost, offer_id: d.offer_id };
  }
  const cost = d.type === 'OrgJoined' || d.type === 'OrgJoinRefused' ? d.cost : null;
  return { item_kind: null, item_type: null, quantity: null, cost, offer_id: null };
};

const noOrg: Row = { org_kind: null, org: null, level: null };
const orgCells = (d: PlayerEvent): Row =>
  d.type === 'OrgJoined' || d.type === 'OrgJoinRefused' || d.type === 'OrgLeft' ? { org_kind: d.org_kind, org: d.org, level: d.level } : noOrg;

const noFight: Row = { enemy: null, outcome: null, reward: null };
const fightCells = (d: PlayerEvent): Row => (d.type === 'FightFought' ? { enemy: d.enemy, outcome: d.outcome, reward: d.reward } : noFight);

const allEvents: TableSpec = {
  name: 'all_events',
  doc: 'Every event of the log, one row each (topic all_events).',
  source: 'all_events',
  columns: [
    ...common,
    col('action', 'string', "The seeds' name of the event (buy_sword, join_guild, create_user, default …)."),
    col('status', 'string', 'approved_purchase, insufficient_funds, approved_join, left, won, lost, wrong_password or ok.'),
    col('item_kind', 'string', 'Purchases: sword, spell, knife, armor, bow, arrow or potion.'),
    col('item_type', 'string', 'Purchases: the item (cutlass, charm …).'),
    col('quantity', 'int64', 'Purchases: number of items.'),
    col('cost', 'double', 'Purchases and joins: the price asked.'),
    col('offer_id', 'string', 'Purchases: the offer applied, if any.'),
    col('org_kind', 'string', 'Joins and leaves: guild or team.'),
    col('org', 'string', 'Joins and leaves: the organisation.'),
    col('level', 'string', 'Joins and leaves: the level.'),
    col('enemy', 'string', 'Fights: the AI enemy type.'),
    col('outcome', 'string', 'Fights: won or lost.'),
    col('reward', 'double', 'Fights: coins won.'),
    ...figures,
    col('player_health', 'int32', 'Health right after the event.'),
    col('player_num_items', 'int32', 'Items in the inventory right after the event.'),
    col('player_num_affiliations', 'int32', 'Organisations joined right after the event.'),
  ],
  project: (e) => {
    const d = e.data;
    return Object.assign(commonRow(e, d.type), { action: actionOf(d), status: statusOf(d) }, purchaseCells(d), orgCells(d), fightCells(d), {
      player_created: e.player.created_at,
      player_wealth: e.player.wealth,
      player_health: e.player.health,
      player_num_items: e.player.items,
      player_num_affiliations: e.player.orgs,
    });
  },
};

const buys: TableSpec = {
  name: 'buys',
  doc: "Purchases, approved and refused (topic buy_events): seed 000's buys table.",
  source: 'buy_events',
  columns: [
    ...common,
    col('status', 'string', 'approved_purchase or insufficient_funds.'),
    col('kind', 'string', 'sword, spell, knife, armor, bow, arrow or potion.'),
    col('type', 'string', 'The item (cutlass, charm …).'),
    col('quantity', 'int64', 'Number of items.'),
    col('amount', 'int64', "Number of items, under seed 001's name."),
    col('unit_price', 'double', 'Price of one item before any offer.'),
    col('discount', 'double', 'Coins taken off by the offer.'),
    col('cost', 'double', 'Total price asked.'),
    col('offer_id', 'string', 'The offer applied, if any.'),
    col('pricing', 'string', "catalogue (server price) or client (the seed routes' cost parameter)."),
    ...figures,
    col('player_num_items', 'int32', 'Items in the inventory right after the event.'),
  ],
  project: (e) => {
    const d = e.data;
    if (d.type !== 'ItemPurchased' && d.type !== 'PurchaseRefused') return null;
    return Object.assign(commonRow(e, actionOf(d)), {
      status: statusOf(d),
      kind: d.kind,
      type: d.item_type,
      quantity: d.quantity,
      amount: d.quantity,
      unit_price: d.unit_price,
      discount: d.discount,
      cost: d.cost,
      offer_id: d.offer_id,
      pricing: d.pricing,
      player_created: e.player.created_at,
      player_wealth: e.player.wealth,
      player_num_items: e.player.items,
    });
  },
};

const social: TableSpec = {
  name: 'social',
  doc: "Guild and team joins (approved and refused) and leaves (topic social_events): seed 000's social table.",
  source: 'social_events',
  columns: [
    ...common,
    col('status', 'string', 'approved_join, insufficient_funds or left.'),
    col('org_kind', 'string', 'guild or team.'),
    col('org', 'string', 'The organisation.'),
    col('level', 'string', 'The level joined or left.'),
    col('cost', 'double', 'Join cost asked (null for leaves).'),
    col('pricing', 'string', 'catalogue or client (null for leaves).'),
    ...figures,
    col('player_num_affiliations', 'int32', 'Organisations joined right after the event.'),
  ],
  project: (e) => {
    const d = e.data;
    if (d.type !== 'OrgJoined' && d.type !== 'OrgJoinRefused' && d.type !== 'OrgLeft') return null;
    return Object.assign(commonRow(e, actionOf(d)), {
      status: statusOf(d),
      org_kind: d.org_kind,
      org: d.org,
      level: d.level,
      cost: d.type === 'OrgLeft' ? null : d.cost,
      pricing: d.type === 'OrgLeft' ? null : d.pricing,
      player_created: e.player.created_at,
      player_wealth: e.player.wealth,
      player_num_affiliations: e.player.orgs,
    });
  },
};

const fights: TableSpec = {
  name: 'fights',
  doc: 'Fights against AI enemies (from all_events).',
  source: 'all_events',
  columns: [
    ...common,
    col('enemy', 'string', 'The AI enemy type.'),
    col('outcome', 'string', 'won or lost.'),
    col('power', 'double', "The player's fighting power."),
    col('win_chance', 'double', 'power / (power + enemy strength).'),
    col('roll', 'double', 'The random draw in [0, 1); won when roll < win_chance.'),
    col('reward', 'double', 'Coins won.'),
    col('damage', 'int32', 'Health lost.'),
    ...figures,
    col('player_health', 'int32', 'Health right after the fight.'),
  ],
  project: (e) => {
    const d = e.data;
    if (d.type !== 'FightFought') return null;
    return Object.assign(commonRow(e, actionOf(d)), {
      enemy: d.enemy,
      outcome: d.outcome,
      power: d.power,
      win_chance: d.win_chance,
      roll: d.roll,
      reward: d.reward,
      damage: d.damage,
      player_created: e.player.created_at,
      player_wealth: e.player.wealth,
      player_health: e.player.health,
    });
  },
};

export const analystTables: ReadonlyArray<TableSpec> = [allEvents, buys, social, fights];

export interface ViewSpec {
  readonly name: string;
  readonly doc: string;
  /** Portable SQL: runs unchanged on DuckDB and Presto. */
  readonly sql: string;
}

/** Seed 001's tables, kept so its queries run unchanged. */
export const analystViews: ReadonlyArray<ViewSpec> = [
  {
    name: 'purchases',
    doc: "Seed 001's purchases: approved purchases with event_type purchase_<kind>.",
    sql: "select accept, host, user_agent, 'purchase_' || kind as event_type, timestamp, raw_event, amount, player_id, occurred_at from buys where status = 'approved_purchase'",
  },
  {
    name: 'guild_membership',
    doc: "Seed 001's guild_membership: approved guild joins.",
    sql: "select accept, host, user_agent, event_type, timestamp, raw_event, player_id, org, occurred_at from social where event_type = 'join_guild' and status = 'approved_join'",
  },
];
