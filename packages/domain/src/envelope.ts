import * as t from 'io-ts';
import { Coins, Nullable, PlayerId } from './codecs.js';
import { PlayerEvent } from './events.js';

/** The player's figures right after the event: what analysts read as player_wealth, player_num_items … */
export const PlayerFigures = t.type({
  wealth: Coins,
  health: t.number,
  items: t.number,
  orgs: t.number,
  created_at: t.string,
});
export type PlayerFigures = t.TypeOf<typeof PlayerFigures>;

/** Request metadata the seeds' analysts used (Flask copied request headers into every event). */
export const RequestInfo = t.type({
  host: Nullable(t.string),
  user_agent: Nullable(t.string),
  accept: Nullable(t.string),
});
export type RequestInfo = t.TypeOf<typeof RequestInfo>;

/** Every record of the log. Kafka key = player_id; (player_id, player_version) is unique. */
export const StoredEvent = t.type({
  event_id: t.string,
  event_type: t.string,
  schema_version: t.number,
  player_id: PlayerId,
  player_version: t.number,
  occurred_at: t.string,
  command_id: t.string,
  request: RequestInfo,
  player: PlayerFigures,
  data: PlayerEvent,
});
export type StoredEvent = t.TypeOf<typeof StoredEvent>;

export type Topic = 'all_events' | 'buy_events' | 'social_events';
export const topics: ReadonlyArray<Topic> = ['all_events', 'buy_events', 'social_events'];

/** Every event goes to all_events; purchases also to buy_events; org joins and leaves to social_events. */
export const topicsOf = (event: PlayerEvent): ReadonlyArray<Topic> => {
  switch (event.type) {
    case 'ItemPurchased':
    case 'PurchaseRefused':
      return ['all_events', 'buy_events'];
    case 'OrgJoined':
    case 'OrgJoinRefused':
    case 'OrgLeft':
      return ['all_events', 'social_events'];
    case 'PlayerRegistered':
    case 'LoggedIn':
    case 'LoginFailed':
    case 'LoggedOut':
    case 'FightFought':
    case 'ProfileViewed':
    case 'HomeVisited':
      return ['all_events'];
    default:
      return absurd(event);
  }
};

export const absurd = (x: never): never => {
  throw new Error(`unexpected value ${JSON.stringify(x)}`);
};
