import type { StoredEvent, Topic } from '../envelope.js';
import type { PlayerEvent, PlayerEventType } from '../events.js';
import type { Row } from './columns.js';
import {
  byType,
  cell,
  compileRow,
  dateOf,
  field,
  millis,
  onlyFor,
  prefixed,
  spaceTime,
  text,
  wholeRecord,
  type CellSource,
  type ProjectedColumn,
} from './cells.js';

/** An analyst table, declared: the events it takes, and per column where the value comes from (`cells.ts`). */
export interface TableSpec {
  readonly name: string;
  readonly doc: string;
  /** The topic whose records feed the table. */
  readonly source: Topic;
  /** The event types that get a row; every other event of the topic gets none. */
  readonly types: ReadonlyArray<PlayerEventType>;
  readonly columns: ReadonlyArray<ProjectedColumn>;
  /** The table's row for an event, or null when the event does not belong in it (computed from the declarations). */
  readonly project: (e: StoredEvent) => Row | null;
}

/** Every event type, for tables and columns that take them all. */
export const allEventTypes: ReadonlyArray<PlayerEventType> = [
  'PlayerRegistered',
  'LoggedIn',
  'LoginFailed',
  'LoggedOut',
  'ItemPurchased',
  'PurchaseRefused',
  'OrgJoined',
  'OrgJoinRefused',
  'OrgLeft',
  'FightFought',
  'ProfileViewed',
  'HomeVisited',
];
const purchases: ReadonlyArray<PlayerEventType> = ['ItemPurchased', 'PurchaseRefused'];
const joins: ReadonlyArray<PlayerEventType> = ['OrgJoined', 'OrgJoinRefused'];
const orgEvents: ReadonlyArray<PlayerEventType> = [...joins, 'OrgLeft'];
const fightsOnly: ReadonlyArray<PlayerEventType> = ['FightFought'];

/** The seeds' names for what happened: buy_sword, join_guild, default … */
const action = byType({
  PlayerRegistered: text('create_user'),
  LoggedIn: text('login'),
  LoginFailed: text('login_failed'),
  LoggedOut: text('logout'),
  ItemPurchased: prefixed('buy_', 'data.kind'),
  PurchaseRefused: prefixed('buy_', 'data.kind'),
  OrgJoined: prefixed('join_', 'data.org_kind'),
  OrgJoinRefused: prefixed('join_', 'data.org_kind'),
  OrgLeft: prefixed('leave_', 'data.org_kind'),
  FightFought: text('fight'),
  ProfileViewed: text('view_profile'),
  HomeVisited: text('default'),
});

/** The seeds' status column: approved_purchase / insufficient_funds, and the like for other events. */
const status = byType({
  ItemPurchased: text('approved_purchase'),
  OrgJoined: text('approved_join'),
  PurchaseRefused: field('data.reason'),
  OrgJoinRefused: field('data.reason'),
  OrgLeft: text('left'),
  FightFought: field('data.outcome'),
  LoginFailed: field('data.reason'),
  PlayerRegistered: text('ok'),
  LoggedIn: text('ok'),
  LoggedOut: text('ok'),
  ProfileViewed: text('ok'),
  HomeVisited: text('ok'),
});

const actionOfEvent = compileRow([cell('action', 'string', '', action)], allEventTypes);
const statusOfEvent = compileRow([cell('status', 'string', '', status)], allEventTypes);
const onData = (d: PlayerEvent) => ({ data: d }) as StoredEvent;
export const actionOf = (d: PlayerEvent): string => String(actionOfEvent(onData(d))?.action);
export const statusOf = (d: PlayerEvent): string => String(statusOfEvent(onData(d))?.status);

const common = (eventType: CellSource): ReadonlyArray<ProjectedColumn> => [
  cell('event_id', 'string', 'Unique id of the event (uuid).', field('event_id')),
  cell('event_type', 'string', "What happened, in the seeds' words (buy_sword, join_guild, default …); all_events uses the domain event name.", eventType),
  cell('player_id', 'string', 'The player (the Kafka key).', field('player_id')),
  cell('user_id', 'string', "Same as player_id, under the seeds' name.", field('player_id')),
  cell('player_version', 'int64', '1, 2, 3 … per player; (player_id, player_version) is unique.', field('player_version')),
  cell('occurred_at', 'timestamp', 'When the API accepted the command (UTC).', millis('occurred_at')),
  cell('timestamp', 'string', 'occurred_at as text, "YYYY-MM-DD HH:MM:SS.mmm" (the seeds\' column).', spaceTime('occurred_at')),
  cell('event_date', 'string', "occurred_at's UTC date, YYYY-MM-DD.", dateOf('occurred_at')),
  cell('command_id', 'string', 'Idempotency key of the command that produced the event.', field('command_id')),
  cell('host', 'string', 'Host header of the request.', field('request.host')),
  cell('user_agent', 'string', 'User-Agent header of the request.', field('request.user_agent')),
  cell('accept', 'string', 'Accept header of the request.', field('request.accept')),
  cell('raw_event', 'string', 'The whole log record as JSON (it holds no secrets).', wholeRecord),
];

const figures: ReadonlyArray<ProjectedColumn> = [
  cell('player_created', 'string', 'When the player registered (ISO-8601).', field('player.created_at')),
  cell('player_wealth', 'double', 'Wealth right after the event.', field('player.wealth')),
];
const health = (doc: string) => cell('player_health', 'int32', doc, field('player.health'));
const numItems = cell('player_num_items', 'int32', 'Items in the inventory right after the event.', field('player.items'));
const numOrgs = cell('player_num_affiliations', 'int32', 'Organisations joined right after the event.', field('player.orgs'));
const only = (types: ReadonlyArray<PlayerEventType>, dotted: string) => onlyFor(types, field(dotted), allEventTypes);

/** A table from its declaration: the row of an event is computed from the columns' sources. */
const table = (o: Omit<TableSpec, 'project'>): TableSpec => ({ ...o, project: compileRow(o.columns, o.types) });

const allEvents = table({
  name: 'all_events',
  doc: 'Every event of the log, one row each (topic all_events).',
  source: 'all_events',
  types: allEventTypes,
  columns: [
    ...common(field('data.type')),
    cell('action', 'string', "The seeds' name of the event (buy_sword, join_guild, create_user, default …).", action),
    cell('status', 'string', 'approved_purchase, insufficient_funds, approved_join, left, won, lost, wrong_password or ok.', status),
    cell('item_kind', 'string', 'Purchases: sword, spell, knife, armor, bow, arrow or potion.', only(purchases, 'data.kind')),
    cell('item_type', 'string', 'Purchases: the item (cutlass, charm …).', only(purchases, 'data.item_type')),
    cell('quantity', 'int64', 'Purchases: number of items.', only(purchases, 'data.quantity')),
    cell('cost', 'double', 'Purchases and joins: the price asked.', only([...purchases, ...joins], 'data.cost')),
    cell('offer_id', 'string', 'Purchases: the offer applied, if any.', only(purchases, 'data.offer_id')),
    cell('org_kind', 'string', 'Joins and leaves: guild or team.', only(orgEvents, 'data.org_kind')),
    cell('org', 'string', 'Joins and leaves: the organisation.', only(orgEvents, 'data.org')),
    cell('level', 'string', 'Joins and leaves: the level.', only(orgEvents, 'data.level')),
    cell('enemy', 'string', 'Fights: the AI enemy type.', only(fightsOnly, 'data.enemy')),
    cell('outcome', 'string', 'Fights: won or lost.', only(fightsOnly, 'data.outcome')),
    cell('reward', 'double', 'Fights: coins won.', only(fightsOnly, 'data.reward')),
    ...figures,
    health('Health right after the event.'),
    numItems,
    numOrgs,
  ],
});

const buys = table({
  name: 'buys',
  doc: "Purchases, approved and refused (topic buy_events): seed 000's buys table.",
  source: 'buy_events',
  types: purchases,
  columns: [
    ...common(action),
    cell('status', 'string', 'approved_purchase or insufficient_funds.', status),
    cell('kind', 'string', 'sword, spell, knife, armor, bow, arrow or potion.', field('data.kind')),
    cell('type', 'string', 'The item (cutlass, charm …).', field('data.item_type')),
    cell('quantity', 'int64', 'Number of items.', field('data.quantity')),
    cell('amount', 'int64', "Number of items, under seed 001's name.", field('data.quantity')),
    cell('unit_price', 'double', 'Price of one item before any offer.', field('data.unit_price')),
    cell('discount', 'double', 'Coins taken off by the offer.', field('data.discount')),
    cell('cost', 'double', 'Total price asked.', field('data.cost')),
    cell('offer_id', 'string', 'The offer applied, if any.', field('data.offer_id')),
    cell('pricing', 'string', "catalogue (server price) or client (the seed routes' cost parameter).", field('data.pricing')),
    ...figures,
    numItems,
  ],
});

const social = table({
  name: 'social',
  doc: "Guild and team joins (approved and refused) and leaves (topic social_events): seed 000's social table.",
  source: 'social_events',
  types: orgEvents,
  columns: [
    ...common(action),
    cell('status', 'string', 'approved_join, insufficient_funds or left.', status),
    cell('org_kind', 'string', 'guild or team.', field('data.org_kind')),
    cell('org', 'string', 'The organisation.', field('data.org')),
    cell('level', 'string', 'The level joined or left.', field('data.level')),
    cell('cost', 'double', 'Join cost asked (null for leaves).', only(joins, 'data.cost')),
    cell('pricing', 'string', 'catalogue or client (null for leaves).', only(joins, 'data.pricing')),
    ...figures,
    numOrgs,
  ],
});

const fights = table({
  name: 'fights',
  doc: 'Fights against AI enemies (from all_events).',
  source: 'all_events',
  types: fightsOnly,
  columns: [
    ...common(action),
    cell('enemy', 'string', 'The AI enemy type.', field('data.enemy')),
    cell('outcome', 'string', 'won or lost.', field('data.outcome')),
    cell('power', 'double', "The player's fighting power.", field('data.power')),
    cell('win_chance', 'double', 'power / (power + enemy strength).', field('data.win_chance')),
    cell('roll', 'double', 'The random draw in [0, 1); won when roll < win_chance.', field('data.roll')),
    cell('reward', 'double', 'Coins won.', field('data.reward')),
    cell('damage', 'int32', 'Health lost.', field('data.damage')),
    ...figures,
    health('Health right after the fight.'),
  ],
});

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
