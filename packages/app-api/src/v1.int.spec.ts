import assert from 'node:assert/strict';
import { itemKinds } from '@placebo/domain';
import { catalogue, openTestApi, signUp, storedEvents, unique, type TestApi } from '@placebo/testkit/http';

describe('the JSON API under /v1', () => {
  let api: TestApi;
  before(() => {
    api = openTestApi({ roll: () => 0.01 });
  });
  after(() => api.close());

  describe('given a registered, logged-in player', () => {
    it('registers with a trimmed name and answers the new player', async () => {
      const name = unique('Ada');
      const res = await api.agent.post('/v1/players').send({ name: `  ${name} `, password: 'long enough', player_id: unique('ada-') });
      assert.equal(res.status, 201);
      assert.deepEqual(Object.keys(res.body).sort(), ['created_at', 'health', 'name', 'player_id', 'wealth']);
      assert.equal(res.body.name, name);
      assert.equal(res.body.wealth, catalogue.limits.starting_wealth);
      assert.equal(res.body.health, catalogue.limits.max_health);
    });

    it('gives new players the starting wealth and a generated id', async () => {
      const res = await api.agent.post('/v1/players').send({ name: unique('Bo'), password: 'long enough' });
      assert.equal(res.status, 201);
      assert.equal(res.body.wealth, catalogue.limits.starting_wealth);
      assert.match(res.body.player_id, /^[0-9a-f-]{36}$/);
    });

    it('refuses a client-chosen starting wealth with 400 on the field wealth, registering nobody', async () => {
      const name = unique('Rich');
      const res = await api.agent.post('/v1/players').send({ name, password: 'long enough', wealth: 1e12 });
      assert.equal(res.status, 400);
      assert.equal(res.body.error, 'validation_failed');
      assert.equal(res.body.details[0].path, 'wealth');
      const after = await api.agent.post('/v1/players').send({ name, password: 'long enough' });
      assert.equal(after.status, 201);
      assert.equal(after.body.wealth, catalogue.limits.starting_wealth);
    });

    it('answers 409 for a taken name, compared case-insensitively', async () => {
      const p = await signUp(api);
      const res = await api.agent.post('/v1/players').send({ name: p.name.toUpperCase(), password: 'long enough' });
      assert.equal(res.status, 409);
      assert.equal(res.body.error, 'name_taken');
      assert.deepEqual(res.body.details, [{ path: 'name', message: 'is taken' }]);
    });

    it('buys at catalogue prices, with quantity and offer', async () => {
      const p = await signUp(api);
      const res = await api.agent.post(`/v1/players/${p.id}/purchases`).set(p.auth).send({ kind: 'knife', type: 'dagger', quantity: 2, offer_id: 'BLADES25' });
      assert.equal(res.status, 201);
      assert.equal(res.body.status, 'approved_purchase');
      assert.equal(res.body.unit_price, 55);
      assert.equal(res.body.discount, Math.floor((2 * 55 * 25) / 100));
      assert.equal(res.body.cost, 2 * 55 - res.body.discount);
      assert.equal(res.body.wealth, catalogue.limits.starting_wealth - res.body.cost);
      const dflt = await api.agent.post(`/v1/players/${p.id}/purchases`).set(p.auth).send({ kind: 'potion' });
      assert.equal(dflt.status, 201);
      assert.equal(dflt.body.type, 'potion');
      assert.equal(dflt.body.quantity, 1);
    });

    it('refuses what the player cannot afford with 402 and records PurchaseRefused', async () => {
      const p = await signUp(api);
      const res = await api.agent.post(`/v1/players/${p.id}/purchases`).set(p.auth).send({ kind: 'sword', type: 'longsword' });
      assert.equal(res.status, 402);
      assert.equal(res.body.error, 'insufficient_funds');
      assert.equal(res.body.cost, 10_000);
      assert.equal(res.body.wealth, catalogue.limits.starting_wealth);
      const last = (await storedEvents(api, p.id)).at(-1);
      assert.equal(last?.data.type, 'PurchaseRefused');
      assert.equal(last?.player.wealth, catalogue.limits.starting_wealth);
    });

    it('maps catalogue misses to 404 with the field', async () => {
      const p = await signUp(api);
      const cases: ReadonlyArray<readonly [string, object, number, string, string]> = [
        ['purchases', { kind: 'sword', type: 'lightsaber' }, 404, 'unknown_item', 'type'],
        ['purchases', { kind: 'sword', offer_id: 'NOPE' }, 404, 'unknown_offer', 'offer_id'],
        ['purchases', { kind: 'potion', offer_id: 'BLADES25' }, 422, 'offer_not_applicable', 'offer_id'],
        ['orgs', { kind: 'guild', org: 'nobody' }, 404, 'unknown_org', 'org'],
        ['orgs', { kind: 'guild', org: 'soldiers', level: 'general' }, 404, 'unknown_level', 'level'],
        ['fights', { enemy: 'unicorn' }, 404, 'unknown_enemy', 'enemy'],
      ];
      for (const [route, body, status, error, path] of cases) {
        const res = await api.agent.post(`/v1/players/${p.id}/${route}`).set(p.auth).send(body);
        assert.equal(res.status, status, JSON.stringify(body));
        assert.equal(res.body.error, error);
        assert.equal(res.body.details[0].path, path);
      }
    });

    it('joins, refuses, and leaves orgs', async () => {
      const p = await signUp(api);
      const orgs = `/v1/players/${p.id}/orgs`;
      const refused = await api.agent.post(orgs).set(p.auth).send({ kind: 'guild', org: 'soldiers', level: 'masterofarms' });
      assert.equal(refused.status, 402);
      assert.equal(refused.body.error, 'insufficient_funds');
      assert.equal((await storedEvents(api, p.id)).at(-1)?.data.type, 'OrgJoinRefused');
      const joined = await api.agent.post(orgs).set(p.auth).send({ kind: 'guild', org: 'SOLDIERS' });
      assert.equal(joined.status, 201);
      assert.equal(joined.body.status, 'joined');
      assert.equal(joined.body.org, 'soldiers');
      assert.equal(joined.body.level, 'recruit');
      assert.equal(joined.body.wealth, catalogue.limits.starting_wealth - 100);
      const twice = await api.agent.post(orgs).set(p.auth).send({ kind: 'guild', org: 'soldiers' });
      assert.equal(twice.status, 409);
      assert.equal(twice.body.error, 'already_member');
      const team = await api.agent.post(orgs).set(p.auth).send({ kind: 'team', org: 'team ABCD' });
      assert.equal(team.status, 201);
      const left = await api.agent.delete(`${orgs}/team/${encodeURIComponent('team ABCD')}`).set(p.auth);
      assert.equal(left.status, 200);
      assert.equal(left.body.status, 'left');
      assert.equal(left.body.org, 'team ABCD');
      const notMember = await api.agent.delete(`${orgs}/team/${encodeURIComponent('team ABCD')}`).set(p.auth);
      assert.equal(notMember.status, 404);
      assert.equal(notMember.body.error, 'not_a_member');
    });

    it('fights with the injected roll and answers outcome, reward, damage, wealth and health', async () => {
      const p = await signUp(api);
      const res = await api.agent.post(`/v1/players/${p.id}/fights`).set(p.auth).send({ enemy: 'goblin' });
      assert.equal(res.status, 201);
      assert.equal(res.body.outcome, 'won');
      assert.equal(res.body.reward, 50);
      assert.equal(res.body.damage, 5);
      assert.equal(res.body.wealth, catalogue.limits.starting_wealth + 50);
      assert.equal(res.body.health, catalogue.limits.max_health - 5);
      const fought = (await storedEvents(api, p.id)).at(-1)?.data;
      assert.equal(fought?.type === 'FightFought' && fought.roll, 0.01);
    });

    it('answers 409 player_exhausted once health is gone', async () => {
      const losing = openTestApi({ roll: () => 0.99 });
      try {
        const p = await signUp(losing);
        let last = await losing.agent.post(`/v1/players/${p.id}/fights`).set(p.auth).send({ enemy: 'dragon' });
        assert.equal(last.body.outcome, 'lost');
        last = await losing.agent.post(`/v1/players/${p.id}/fights`).set(p.auth).send({ enemy: 'dragon' });
        assert.equal(last.body.health, 0);
        const tired = await losing.agent.post(`/v1/players/${p.id}/fights`).set(p.auth).send({ enemy: 'goblin' });
        assert.equal(tired.status, 409);
        assert.equal(tired.body.error, 'player_exhausted');
      } finally {
        await losing.close();
      }
    });

    it('shows the profile, records ProfileViewed, and never shows a password', async () => {
      const p = await signUp(api);
      await api.agent.post(`/v1/players/${p.id}/purchases`).set(p.auth).send({ kind: 'knife' });
      await api.agent.post(`/v1/players/${p.id}/purchases`).set(p.auth).send({ kind: 'arrow', quantity: 5 });
      await api.agent.post(`/v1/players/${p.id}/purchases`).set(p.auth).send({ kind: 'knife', quantity: 2 });
      await api.agent.post(`/v1/players/${p.id}/orgs`).set(p.auth).send({ kind: 'guild', org: 'magicians' });
      const res = await api.agent.get(`/v1/players/${p.id}`).set(p.auth);
      assert.equal(res.status, 200);
      assert.deepEqual(Object.keys(res.body), ['player_id', 'name', 'wealth', 'health', 'created_at', 'inventory', 'affiliations', 'version']);
      assert.equal(res.body.player_id, p.id);
      assert.equal(res.body.wealth, catalogue.limits.starting_wealth - 55 - 5 * 2 - 2 * 55 - 99);
      assert.deepEqual(res.body.inventory, [
        { kind: 'knife', type: 'dagger', quantity: 3 },
        { kind: 'arrow', type: 'arrow', quantity: 5 },
      ]);
      assert.deepEqual(Object.keys(res.body.affiliations[0]), ['org', 'kind', 'level', 'joined_at']);
      assert.ok(!res.text.includes(p.password));
      const events = await storedEvents(api, p.id);
      assert.equal(events.at(-1)?.data.type, 'ProfileViewed');
      assert.equal(res.body.version, events.length);
    });

    it('serves the catalogue without recording anything', async () => {
      const res = await api.agent.get('/v1/catalogue');
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, JSON.parse(JSON.stringify(catalogue)));
      assert.deepEqual([...new Set(res.body.items.map((i: { kind: string }) => i.kind))].sort(), [...itemKinds].sort());
    });
  });

  it('answers unknown routes and methods in JSON', async () => {
    const missing = await api.agent.get('/v1/nothing');
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.body, { error: 'not_found', message: 'no such route' });
    const method = await api.agent.put('/v1/players');
    assert.equal(method.status, 405);
    assert.equal(method.body.error, 'method_not_allowed');
    assert.match(method.headers.allow ?? '', /POST/);
  });
});
