import assert from 'node:assert/strict';
import { FIXED_TIME, given, joinOrg, leaveOrg, orgJoined, orgJoinRefused, orgLeft, playerRegistered, stateAfter } from '@placebo/testkit/domain';

const dirk = playerRegistered('dirk', 1000);
const rich = playerRegistered('rich', 12345);
const recruit = orgJoined({ org_kind: 'guild', org: 'soldiers', level: 'recruit', cost: 100 });

describe('decider: JoinOrg at catalogue prices', () => {
  it('joins the named org at its first level when no level is named', () => {
    const state = given([dirk])
      .when(joinOrg('guild', { org: 'soldiers' }))
      .then([recruit]);
    assert.equal(state.wealth, 900);
    assert.deepEqual(state.affiliations, [{ org: 'soldiers', kind: 'guild', level: 'recruit', joined_at: FIXED_TIME }]);
  });

  it('joins the first org of the kind when no org is named', () =>
    given([dirk])
      .when(joinOrg('team'))
      .then([orgJoined({ org_kind: 'team', org: 'team ABCD', level: 'member', cost: 0 })]));

  it('joins the named level at its cost', () =>
    given([rich])
      .when(joinOrg('guild', { org: 'magicians', level: 'archmage' }))
      .then([orgJoined({ org_kind: 'guild', org: 'magicians', level: 'archmage', cost: 5000 })]));

  it('matches org and level case-insensitively and records the catalogue spelling', () =>
    given([dirk])
      .when(joinOrg('guild', { org: 'golds gym', level: 'MEMBER' }))
      .then([orgJoined({ org_kind: 'guild', org: 'Golds Gym', level: 'member', cost: 250 })]));

  it('refuses an org the catalogue does not list with UnknownOrg', () =>
    given([dirk])
      .when(joinOrg('guild', { org: 'pirates' }))
      .thenFails({ _tag: 'UnknownOrg', org_kind: 'guild', org: 'pirates' }));

  it('refuses an org listed under the other kind with UnknownOrg', () =>
    given([dirk])
      .when(joinOrg('team', { org: 'soldiers' }))
      .thenFails({ _tag: 'UnknownOrg', org_kind: 'team', org: 'soldiers' }));

  it('refuses a level the org does not have with UnknownLevel', () =>
    given([dirk])
      .when(joinOrg('guild', { org: 'soldiers', level: 'general' }))
      .thenFails({ _tag: 'UnknownLevel', org: 'soldiers', level: 'general' }));

  it('refuses a second join of the same org with AlreadyMember, whatever the level or spelling', () => {
    given([dirk, recruit])
      .when(joinOrg('guild', { org: 'soldiers' }))
      .thenFails({ _tag: 'AlreadyMember', org: 'soldiers' });
    given([dirk, recruit])
      .when(joinOrg('guild', { org: 'SOLDIERS', level: 'masterofarms' }))
      .thenFails({ _tag: 'AlreadyMember', org: 'soldiers' });
  });

  it('lets a member of one org join another', () =>
    given([dirk, recruit])
      .when(joinOrg('guild', { org: 'magicians' }))
      .then([orgJoined({ org_kind: 'guild', org: 'magicians', level: 'accolyte', cost: 99 })]));

  it('records OrgJoinRefused (insufficient_funds) and changes nothing else when the level costs too much', () => {
    const refused = orgJoinRefused({ org_kind: 'guild', org: 'soldiers', level: 'masterofarms', cost: 9999 });
    const state = given([dirk])
      .when(joinOrg('guild', { org: 'soldiers', level: 'masterofarms' }))
      .then([refused]);
    assert.deepEqual(state, { ...stateAfter([dirk]), version: 2 });
  });
});

describe('decider: JoinOrg at a client cost (seed routes)', () => {
  it('seed 000: joining soldiers masterofarms for 9999 with 7345 coins is refused', () =>
    given([playerRegistered('dirk', 7345)])
      .when(joinOrg('guild', { org: 'soldiers', level: 'masterofarms', client_cost: 9999 }))
      .then([orgJoinRefused({ org_kind: 'guild', org: 'soldiers', level: 'masterofarms', cost: 9999, pricing: 'client' })]));

  it('charges the client cost instead of the level cost', () =>
    given([dirk])
      .when(joinOrg('guild', { org: 'soldiers', level: 'masterofarms', client_cost: 10 }))
      .then([orgJoined({ org_kind: 'guild', org: 'soldiers', level: 'masterofarms', cost: 10, pricing: 'client' })]));

  it('accepts an org and level the catalogue does not list', () =>
    given([dirk])
      .when(joinOrg('guild', { org: 'pirates', level: 'captain', client_cost: 50 }))
      .then([orgJoined({ org_kind: 'guild', org: 'pirates', level: 'captain', cost: 50, pricing: 'client' })]));

  it('defaults org and level from the catalogue', () =>
    given([dirk])
      .when(joinOrg('guild', { client_cost: 5 }))
      .then([orgJoined({ org_kind: 'guild', org: 'soldiers', level: 'recruit', cost: 5, pricing: 'client' })]));

  it('refuses an unlisted org without a level with UnknownOrg', () =>
    given([dirk])
      .when(joinOrg('guild', { org: 'pirates', client_cost: 50 }))
      .thenFails({ _tag: 'UnknownOrg', org_kind: 'guild', org: 'pirates' }));

  it('refuses a cost above max_cost with CostOutOfRange', () =>
    given([dirk])
      .when(joinOrg('guild', { org: 'soldiers', client_cost: 1_000_000_001 }))
      .thenFails({ _tag: 'CostOutOfRange', cost: 1_000_000_001, max: 1_000_000_000 }));

  it('refuses AlreadyMember on the client route too', () =>
    given([dirk, recruit])
      .when(joinOrg('guild', { org: 'Soldiers', level: 'x', client_cost: 1 }))
      .thenFails({ _tag: 'AlreadyMember', org: 'Soldiers' }));
});

describe('decider: LeaveOrg', () => {
  it('leaves an org the player belongs to, naming the level held', () => {
    const state = given([dirk, recruit])
      .when(leaveOrg('guild', 'SOLDIERS'))
      .then([orgLeft('guild', 'soldiers', 'recruit')]);
    assert.deepEqual(state.affiliations, []);
    assert.equal(state.wealth, 900, 'leaving refunds nothing');
  });

  it('keeps the other affiliations', () => {
    const magicians = orgJoined({ org_kind: 'guild', org: 'magicians', level: 'accolyte', cost: 99 });
    const state = given([dirk, recruit, magicians])
      .when(leaveOrg('guild', 'soldiers'))
      .then([orgLeft('guild', 'soldiers', 'recruit')]);
    assert.deepEqual(
      state.affiliations.map((a) => a.org),
      ['magicians'],
    );
  });

  it('refuses an org the player does not belong to with NotAMember', () =>
    given([dirk, recruit]).when(leaveOrg('guild', 'magicians')).thenFails({ _tag: 'NotAMember', org: 'magicians' }));

  it('refuses the right name under the wrong kind with NotAMember', () =>
    given([dirk, recruit]).when(leaveOrg('team', 'soldiers')).thenFails({ _tag: 'NotAMember', org: 'soldiers' }));

  it('allows rejoining after leaving', () =>
    given([dirk, recruit, orgLeft('guild', 'soldiers', 'recruit')])
      .when(joinOrg('guild', { org: 'soldiers' }))
      .then([recruit]));
});
