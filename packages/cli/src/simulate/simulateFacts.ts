/** The facts the expected answers are computed from: the events, by kind, and each player's figures. */
import type { SimEvent } from './playerModel.js';
import { groupBy, type Rows } from './rowMath.js';

const actions = new Set(['ItemPurchased', 'PurchaseRefused', 'OrgJoined', 'OrgJoinRefused', 'OrgLeft', 'FightFought']);

export interface PlayerFigures {
  readonly wealth: number;
  readonly items: number;
  readonly orgs: number;
  readonly firstLoginAt: number | null;
  readonly lastActionAt: number | null;
  readonly logins: number;
}

const figuresOf = (events: ReadonlyArray<SimEvent>): PlayerFigures[] =>
  [...groupBy(events, (e) => e.player).values()].map((es) => {
    const latest = es.reduce((a, b) => (b.version > a.version ? b : a));
    const times = (f: (e: SimEvent) => boolean): number[] => es.filter((e) => f(e) && e.at !== null).map((e) => e.at as number);
    const logins = times((e) => e.type === 'LoggedIn');
    const act = times((e) => actions.has(e.type));
    return {
      wealth: latest.wealth,
      items: latest.items,
      orgs: latest.orgs,
      firstLoginAt: logins.length === 0 ? null : Math.min(...logins),
      lastActionAt: act.length === 0 ? null : Math.max(...act),
      logins: es.filter((e) => e.type === 'LoggedIn').length,
    };
  });

/** Milliseconds played (first login → latest action) of the players who signed in, as queries 06–08 define it. */
const playedMs = (p: PlayerFigures): number | null =>
  p.logins > 0 && p.lastActionAt !== null && p.firstLoginAt !== null ? p.lastActionAt - p.firstLoginAt : null;

/** What the expected answers are computed from: the events, and the players' figures they add up to. */
export interface Facts {
  readonly events: ReadonlyArray<SimEvent>;
  readonly buys: ReadonlyArray<SimEvent>;
  readonly approved: ReadonlyArray<SimEvent>;
  readonly social: ReadonlyArray<SimEvent>;
  readonly joins: ReadonlyArray<SimEvent>;
  readonly fights: ReadonlyArray<SimEvent>;
  readonly players: ReadonlyArray<PlayerFigures>;
  readonly played: ReadonlyArray<{ readonly p: PlayerFigures; readonly ms: number }>;
}

export const factsOf = (events: ReadonlyArray<SimEvent>): Facts => {
  const buys = events.filter((e) => e.type === 'ItemPurchased' || e.type === 'PurchaseRefused');
  const social = events.filter((e) => e.type === 'OrgJoined' || e.type === 'OrgJoinRefused' || e.type === 'OrgLeft');
  const players = figuresOf(events);
  return {
    events,
    buys,
    approved: buys.filter((e) => e.status === 'approved_purchase'),
    social,
    joins: social.filter((e) => e.status === 'approved_join'),
    fights: events.filter((e) => e.type === 'FightFought'),
    players,
    played: players.map((p) => ({ p, ms: playedMs(p) })).filter((x) => x.ms !== null) as Array<{ p: PlayerFigures; ms: number }>,
  };
};

export type Answers = Map<string, Rows>;
