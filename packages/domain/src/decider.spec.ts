import assert from 'node:assert/strict';
import type { PlayerCommand } from './commands.js';
import {
  buyItem,
  fight,
  homeVisited,
  itemPurchased,
  joinOrg,
  leaveOrg,
  loggedIn,
  loggedOut,
  logIn,
  loginFailed,
  logOut,
  orgJoinRefused,
  playerRegistered,
  profileViewed,
  purchaseRefused,
  registerPlayer,
  viewProfile,
  visitHome,
  given,
  loadCatalogue,
  PLAYER_ID,
  stateAfter,
  withLimits,
} from '@placebo/testkit/domain';

const dirk = playerRegistered('dirk', 1000);

describe('decider: RegisterPlayer', () => {
  it('registers a new player with the catalogue starting wealth and full health when no wealth is given', () =>
    given([])
      .when(registerPlayer('dirk'))
      .then([playerRegistered('dirk', 1000, 100)]));

  it('registers a new player with the wealth given', () =>
    given([])
      .when(registerPlayer('dirk', 12345))
      .then([playerRegistered('dirk', 12345)]));

  it('accepts zero wealth', () =>
    given([])
      .when(registerPlayer('pauper', 0))
      .then([playerRegistered('pauper', 0)]));

  it('accepts wealth exactly at max_wealth', () => {
    const catalogue = withLimits(loadCatalogue(), { max_wealth: 5000 as never });
    given([], { catalogue })
      .when(registerPlayer('dirk', 5000))
      .then([playerRegistered('dirk', 5000)]);
  });

  it('refuses wealth above max_wealth with WealthOutOfRange', () => {
    const catalogue = withLimits(loadCatalogue(), { max_wealth: 5000 as never });
    given([], { catalogue }).when(registerPlayer('dirk', 5001)).thenFails({ _tag: 'WealthOutOfRange', wealth: 5001, max: 5000 });
  });

  it('refuses a default starting wealth above max_wealth too', () => {
    const catalogue = withLimits(loadCatalogue(), { max_wealth: 999 as never });
    given([], { catalogue }).when(registerPlayer('dirk')).thenFails({ _tag: 'WealthOutOfRange', wealth: 1000, max: 999 });
  });

  it('refuses to register a player twice with PlayerAlreadyExists', () =>
    given([dirk]).when(registerPlayer('dirk', 5)).thenFails({ _tag: 'PlayerAlreadyExists', player_id: PLAYER_ID }));

  it('records the registration time as created_at and version 1', () => {
    const state = given([])
      .when(registerPlayer('dirk'))
      .then([playerRegistered('dirk', 1000)]);
    assert.equal(state.registered, true);
    assert.equal(state.name, 'dirk');
    assert.equal(state.version, 1);
    assert.notEqual(state.created_at, '');
  });
});

describe('decider: commands on an unregistered player', () => {
  const commands: ReadonlyArray<PlayerCommand> = [
    logIn(true),
    logIn(false),
    logOut,
    buyItem('sword'),
    buyItem('sword', { item_type: 'cutlass', client_cost: 5000 }),
    joinOrg('guild'),
    joinOrg('guild', { org: 'soldiers', level: 'masterofarms', client_cost: 9999 }),
    leaveOrg('guild', 'soldiers'),
    fight('goblin', 0.1),
    viewProfile,
    visitHome,
  ];
  for (const command of commands) {
    it(`refuses ${command.type} ${JSON.stringify(command)} with PlayerNotFound`, () =>
      given([]).when(command).thenFails({ _tag: 'PlayerNotFound', player_id: PLAYER_ID }));
  }
});

describe('decider: LogIn, LogOut and reads', () => {
  it('records LoggedIn when the handler found the password right', () => given([dirk]).when(logIn(true)).then([loggedIn]));
  it('records LoginFailed (wrong_password) when it was wrong', () => given([dirk]).when(logIn(false)).then([loginFailed]));
  it('records LoggedOut', () => given([dirk]).when(logOut).then([loggedOut]));
  it('records ProfileViewed', () => given([dirk]).when(viewProfile).then([profileViewed]));
  it('records HomeVisited (seed 001 default event)', () => given([dirk]).when(visitHome).then([homeVisited]));

  it('leaves every figure as it was after those events, bar the version', () => {
    const before = stateAfter([dirk]);
    const after = given([dirk]).when(logIn(false)).then([loginFailed]);
    assert.deepEqual(after, { ...before, version: 2 });
  });
});

describe('decider: seed 000 walkthrough', () => {
  it('register dirk 12345, buy a cutlass for 5000, fail a longsword for 10000, fail soldiers masterofarms for 9999', () => {
    const registered = playerRegistered('dirk', 12345);
    const cutlass = itemPurchased({ kind: 'sword', item_type: 'cutlass', unit_price: 5000, cost: 5000, pricing: 'client' });
    const longsword = purchaseRefused({ kind: 'sword', item_type: 'longsword', unit_price: 10000, cost: 10000, pricing: 'client' });
    const masterofarms = orgJoinRefused({ org_kind: 'guild', org: 'soldiers', level: 'masterofarms', cost: 9999, pricing: 'client' });

    given([]).when(registerPlayer('dirk', 12345)).then([registered]);
    given([registered])
      .when(buyItem('sword', { item_type: 'cutlass', client_cost: 5000 }))
      .then([cutlass]);
    given([registered, cutlass])
      .when(buyItem('sword', { item_type: 'longsword', client_cost: 10000 }))
      .then([longsword]);
    const final = given([registered, cutlass, longsword])
      .when(joinOrg('guild', { org: 'soldiers', level: 'masterofarms', client_cost: 9999 }))
      .then([masterofarms]);

    assert.equal(final.wealth, 7345);
    assert.deepEqual(final.inventory, [{ kind: 'sword', type: 'cutlass', quantity: 1 }]);
    assert.deepEqual(final.affiliations, []);
    assert.equal(final.health, 100);
    assert.equal(final.version, 4);
  });
});
