import assert from 'node:assert/strict';
import {
  buyItem,
  given,
  itemPurchased,
  joinOrg,
  loadCatalogue,
  orgJoined,
  orgLeft,
  playerRegistered,
  registerPlayer,
  stateAfter,
  withLimits,
} from '@placebo/testkit/domain';

const catalogue = withLimits(loadCatalogue(), { max_affiliations: 2 as never, max_item_types: 2 as never });
const dirk = playerRegistered('dirk', 100_000);
const soldiers = orgJoined({ org_kind: 'guild', org: 'soldiers', level: 'recruit', cost: 100 });
const magicians = orgJoined({ org_kind: 'guild', org: 'magicians', level: 'accolyte', cost: 99 });
const seedSword = (type: string) => itemPurchased({ kind: 'sword', item_type: type, unit_price: 1, cost: 1, pricing: 'client' });

describe("decider: the catalogue's caps on a player's state", () => {
  it('refuses a join past max_affiliations with TooManyAffiliations, whatever the price', () => {
    given([dirk, soldiers, magicians], { catalogue })
      .when(joinOrg('team', { org: 'team BLAH' }))
      .thenFails({ _tag: 'TooManyAffiliations', max: 2 });
    given([dirk, soldiers, magicians], { catalogue })
      .when(joinOrg('team', { org: 'anything', level: 'x', client_cost: 0 }))
      .thenFails({ _tag: 'TooManyAffiliations', max: 2 });
  });

  it('joins again once the player left an org', () =>
    given([dirk, soldiers, magicians, orgLeft('guild', 'soldiers', 'recruit')], { catalogue })
      .when(joinOrg('team', { org: 'team BLAH' }))
      .then([orgJoined({ org_kind: 'team', org: 'team BLAH', level: 'member', cost: 0 })]));

  it('refuses a new item type past max_item_types with TooManyItemTypes, seed route prices included', () =>
    given([dirk, seedSword('a'), seedSword('b')], { catalogue })
      .when(buyItem('sword', { item_type: 'c', client_cost: 1 }))
      .thenFails({ _tag: 'TooManyItemTypes', max: 2 }));

  it('still sells more of a type the player holds', () =>
    given([dirk, seedSword('a'), seedSword('b')], { catalogue })
      .when(buyItem('sword', { item_type: 'a', client_cost: 1 }))
      .then([seedSword('a')]));

  it('caps with the defaults when a catalogue names no caps (20 orgs, 50 item types)', () => {
    const uncapped = withLimits(loadCatalogue(), { max_affiliations: undefined as never, max_item_types: undefined as never });
    const held = Array.from({ length: 50 }, (_, i) => seedSword(`s${i}`));
    given([dirk, ...held], { catalogue: uncapped })
      .when(buyItem('sword', { item_type: 'one-more', client_cost: 1 }))
      .thenFails({ _tag: 'TooManyItemTypes', max: 50 });
    const joined = Array.from({ length: 20 }, (_, i) => orgJoined({ org_kind: 'team', org: `t${i}`, level: 'member', cost: 0, pricing: 'client' }));
    given([dirk, ...joined], { catalogue: uncapped })
      .when(joinOrg('team', { org: 'one-more', level: 'member', client_cost: 0 }))
      .thenFails({ _tag: 'TooManyAffiliations', max: 20 });
  });
});

describe('decider: where a player came from decides its starting wealth', () => {
  it("gives a /v1 player the catalogue's starting wealth, whatever the command names", () =>
    given([])
      .when(registerPlayer('ada', 1e12, 'v1'))
      .then([playerRegistered('ada', 1000, 100, 'v1')]));

  it("keeps the seed's client-named wealth for seed players", () =>
    given([])
      .when(registerPlayer('dirk', 12345, 'seed'))
      .then([playerRegistered('dirk', 12345, 100, 'seed')]));

  it('records the origin in the state', () => {
    const state = given([])
      .when(registerPlayer('h', 100, 'host'))
      .then([playerRegistered('h', 100, 100, 'host')]);
    assert.equal(state.origin, 'host');
  });

  it('folds a registration recorded before origins as the legacy origin of its id', () => {
    const { origin: _dropped, ...old } = playerRegistered('old', 5);
    assert.equal(_dropped, 'seed');
    assert.equal(stateAfter([old]).origin, 'v1');
    assert.equal(stateAfter([old], 'host-old.example.org').origin, 'host');
  });
});
