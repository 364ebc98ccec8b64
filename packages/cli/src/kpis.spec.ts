import assert from 'node:assert/strict';
import type { SimEvent } from './simulate/playerModel.js';
import { expectedAnswers } from './simulate/simulateExpected.js';

const day0 = Date.parse('2025-01-06T00:00:00Z');
const minute = 60_000;
const day = 86_400_000;

/** A player's events from (type, ms after day 0) pairs, numbered in order. */
const history = (player: string, moves: ReadonlyArray<readonly [string, number, Partial<SimEvent>?]>): SimEvent[] =>
  moves.map(([type, at, over], i) => ({
    player,
    version: i + 1,
    type,
    action: type,
    status: type === 'ItemPurchased' ? 'approved_purchase' : type === 'OrgJoined' ? 'approved_join' : 'ok',
    at: day0 + at,
    host: 'play.placebo.game',
    accept: 'application/json',
    wealth: 1000,
    items: 0,
    orgs: 0,
    ...over,
  }));

const ada = history('ada', [
  ['PlayerRegistered', 10 * minute],
  ['LoggedIn', 11 * minute],
  ['ItemPurchased', 12 * minute, { cost: 300 }],
  ['FightFought', 50 * minute, { reward: 20 }],
  ['LoggedOut', 51 * minute],
  ['LoggedIn', day + 60 * minute],
  ['OrgJoined', day + 61 * minute, { cost: 100 }],
  ['LoggedIn', 7 * day],
]);
const bob = history('bob', [
  ['PlayerRegistered', day],
  ['LoggedIn', day + minute],
]);

describe('the KPIs the simulator expects', () => {
  const answers = expectedAnswers([...ada, ...bob]);

  it('cuts sessions at a login, after a logout and after 30 minutes without an event', () => {
    // ada's day 0: registration alone (0 s), the login to the fight 38 minutes later is split by the 38-minute pause.
    assert.deepEqual(answers.get('sessions_per_day')?.[0], ['2025-01-06', 1, 3, 3, (0 + 60 + 60) / 3, 120]);
  });

  it('counts retention on the exact day, only for cohorts old enough', () => {
    assert.deepEqual(answers.get('retention'), [
      [1, 2, 1, 0.5],
      [7, 1, 1, 1],
      [30, 0, 0, null],
    ]);
  });

  it('balances the economy: what came in minus what went out is what players hold', () => {
    const rows = answers.get('economy_per_day') ?? [];
    assert.deepEqual(rows[0], ['2025-01-06', 1020, 300, 720, 720, null]);
    assert.deepEqual(rows[1], ['2025-01-07', 1000, 100, 900, 1620, 1.25]);
  });

  it('follows the funnel in order, and the top 1 % is one player of two', () => {
    assert.deepEqual(
      answers.get('funnel')?.map((r) => r[2]),
      [2, 2, 1, 1],
    );
    assert.deepEqual(answers.get('top_spenders_share'), [[2, 1, 300, 300, 1]]);
  });

  it('leaves the KPIs out when some event has no known time', () => {
    const unknown = expectedAnswers([...bob, { ...ada[0]!, at: null }]);
    assert.equal(unknown.has('active_players'), false);
    assert.equal(unknown.has('time_to_first_purchase'), true);
  });
});
