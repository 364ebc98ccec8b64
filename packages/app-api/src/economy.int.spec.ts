import assert from 'node:assert/strict';
import type { Catalogue } from '@placebo/domain';
import { catalogue, openTestApi, signUp, storedEvents, unique, type TestApi } from '@placebo/testkit/http';

const capped: Catalogue = { ...catalogue, limits: { ...catalogue.limits, max_affiliations: 1, max_item_types: 1 } as Catalogue['limits'] };

describe("the catalogue's caps on a player's state, over HTTP", () => {
  let api: TestApi;
  before(() => {
    api = openTestApi({ catalogue: capped });
  });
  after(() => api.close());

  it('answers 409 limit_reached on the field at fault and writes nothing', async () => {
    const p = await signUp(api);
    assert.equal((await api.agent.post(`/v1/players/${p.id}/orgs`).set(p.auth).send({ kind: 'team', org: 'team BLAH' })).status, 201);
    assert.equal((await api.agent.post(`/v1/players/${p.id}/purchases`).set(p.auth).send({ kind: 'knife' })).status, 201);
    const before = (await storedEvents(api, p.id)).length;
    const join = await api.agent.post(`/v1/players/${p.id}/orgs`).set(p.auth).send({ kind: 'team', org: 'team ABCD' });
    assert.equal(join.status, 409);
    assert.equal(join.body.error, 'limit_reached');
    assert.equal(join.body.details[0].path, 'org');
    const buy = await api.agent.post(`/v1/players/${p.id}/purchases`).set(p.auth).send({ kind: 'potion' });
    assert.equal(buy.status, 409);
    assert.equal(buy.body.error, 'limit_reached');
    assert.equal(buy.body.details[0].path, 'type');
    assert.equal((await storedEvents(api, p.id)).length, before);
  });

  it('caps the seed routes too, where the client names any org and item', async () => {
    const id = unique('');
    await api.agent
      .post('/create/user')
      .type('form')
      .send(`userid=${id}&userpwd=pw&username=${unique('s')}&wealth=100`);
    assert.equal((await api.agent.post('/join/team').type('form').send(`userid=${id}&org=free1&level=m`)).status, 200);
    const second = await api.agent.post('/join/team').type('form').send(`userid=${id}&org=free2&level=m`);
    assert.equal(second.status, 409);
    assert.equal(second.body.error, 'limit_reached');
  });
});
