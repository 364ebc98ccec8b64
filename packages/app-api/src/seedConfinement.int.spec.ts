import assert from 'node:assert/strict';
import { openTestApi, signUp, storedEvents, unique, type TestApi } from '@placebo/testkit/http';

const form = 'application/x-www-form-urlencoded';

describe('the seed routes act only on the players they created', () => {
  let api: TestApi;
  before(() => {
    api = openTestApi();
  });
  after(() => api.close());

  it('answers a /v1 player as unknown (404) on every seed route and writes nothing to it', async () => {
    const victim = await signUp(api);
    const before = await storedEvents(api, victim.id);
    const attempts = [
      api.agent.get(`/data/user?userid=${victim.id}`),
      api.agent.post('/buy/spell').type(form).send(`userid=${victim.id}&type=charm&cost=1000`),
      api.agent.post('/buy/sword').type(form).send(`userid=${victim.id}&type=longsword&cost=1`),
      api.agent.post('/join/guild').type(form).send(`userid=${victim.id}&org=soldiers&level=masterofarms&cost=0`),
      api.agent.post('/join/team').type(form).send(`userid=${victim.id}&org=team ABCD&level=captain`),
    ];
    for (const res of await Promise.all(attempts)) {
      assert.equal(res.status, 404, res.text);
      assert.equal(res.body.error, 'player_not_found');
      assert.ok(!res.text.includes(victim.name), 'the answer names the player');
    }
    assert.deepEqual(await storedEvents(api, victim.id), before);
    const profile = await api.agent.get(`/v1/players/${victim.id}`).set(victim.auth);
    assert.deepEqual(profile.body.inventory, []);
    assert.deepEqual(profile.body.affiliations, []);
  });

  it("does not act on a Host header's player through seed 000's routes", async () => {
    const host = `${unique('h')}.example.org`;
    assert.equal((await api.agent.get('/purchase_arrow').set('Host', host)).status, 200);
    const res = await api.agent.post('/buy/sword').type(form).send(`userid=host-${host}&type=cutlass&cost=1`);
    assert.equal(res.status, 404);
    assert.equal((await storedEvents(api, `host-${host}`)).filter((e) => e.data.type === 'ItemPurchased' && e.data.kind === 'sword').length, 0);
  });

  it("keeps the seed's behaviour for its own players: the client's wealth and cost", async () => {
    const id = unique('');
    assert.equal(
      (
        await api.agent
          .post('/create/user')
          .type(form)
          .send(`userid=${id}&userpwd=pw&username=${unique('seed')}&wealth=12345`)
      ).status,
      200,
    );
    assert.equal((await api.agent.post('/buy/sword').type(form).send(`userid=${id}&type=cutlass&cost=5000`)).status, 200);
    const events = await storedEvents(api, id);
    assert.equal(events.at(-1)?.player.wealth, 7345);
    assert.equal(events[0]?.data.type === 'PlayerRegistered' && events[0].data.origin, 'seed');
  });

  it('records where each player came from', async () => {
    const p = await signUp(api);
    const first = (await storedEvents(api, p.id))[0]?.data;
    assert.equal(first?.type === 'PlayerRegistered' && first.origin, 'v1');
  });
});
