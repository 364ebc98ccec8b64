import assert from 'node:assert/strict';
import { openTestApi, signUp, storedEvents, unique, type TestApi } from '@placebo/testkit/http';

describe('/v1 sessions and authorization', () => {
  let api: TestApi;
  before(() => {
    api = openTestApi();
  });
  after(() => api.close());

  describe('sessions', () => {
    it('logs in, records LoggedIn, and answers token and player id', async () => {
      const p = await signUp(api);
      assert.ok(p.token.length >= 32);
      const types = (await storedEvents(api, p.id)).map((e) => e.data.type);
      assert.deepEqual(types, ['PlayerRegistered', 'LoggedIn']);
    });

    it('answers a wrong password with 401 invalid_credentials and records LoginFailed', async () => {
      const p = await signUp(api);
      const res = await api.agent.post('/v1/sessions').send({ name: p.name, password: 'not the password' });
      assert.equal(res.status, 401);
      assert.equal(res.body.error, 'invalid_credentials');
      assert.equal(res.body.token, undefined);
      assert.equal((await storedEvents(api, p.id)).at(-1)?.data.type, 'LoginFailed');
      const nobody = await api.agent.post('/v1/sessions').send({ name: unique('nobody'), password: 'whatever1' });
      assert.equal(nobody.status, 401);
      assert.equal(nobody.body.error, 'invalid_credentials');
    });

    it('lets seed-created players (short passwords) log in', async () => {
      const id = unique('');
      const name = unique('seedling');
      await api.agent.post('/create/user').type('form').send(`userid=${id}&userpwd=blahdh&username=${name}`);
      const res = await api.agent.post('/v1/sessions').send({ name, password: 'blahdh' });
      assert.equal(res.status, 201);
      assert.equal(res.body.player_id, id);
    });

    it('refuses a logout whose Idempotency-Key a purchase used with 422, and keeps the session', async () => {
      const p = await signUp(api);
      const key = unique('key');
      const bought = await api.agent.post(`/v1/players/${p.id}/purchases`).set(p.auth).set('Idempotency-Key', key).send({ kind: 'knife' });
      assert.equal(bought.status, 201);
      const out = await api.agent.delete('/v1/sessions').set(p.auth).set('Idempotency-Key', key);
      assert.equal(out.status, 422);
      assert.equal(out.body.error, 'idempotency_key_reused');
      assert.equal(out.body.details[0].path, 'Idempotency-Key');
      assert.equal((await api.agent.get(`/v1/players/${p.id}`).set(p.auth)).status, 200, 'the session still works');
      const fresh = await api.agent.delete('/v1/sessions').set(p.auth).set('Idempotency-Key', unique('key'));
      assert.equal(fresh.status, 204);
      assert.deepEqual(
        (await storedEvents(api, p.id)).map((e) => e.data.type).filter((t) => t === 'LoggedOut'),
        ['LoggedOut'],
      );
    });

    it('logs out with 204; the token then stops working', async () => {
      const p = await signUp(api);
      const out = await api.agent.delete('/v1/sessions').set(p.auth);
      assert.equal(out.status, 204);
      assert.equal(out.text, '');
      assert.equal((await storedEvents(api, p.id)).at(-1)?.data.type, 'LoggedOut');
      const after = await api.agent.get(`/v1/players/${p.id}`).set(p.auth);
      assert.equal(after.status, 401);
      assert.equal((await api.agent.delete('/v1/sessions').set(p.auth)).status, 401);
    });
  });

  describe('authorization', () => {
    it('answers 401 unauthorized without a valid bearer token, 403 forbidden with another player’s', async () => {
      const a = await signUp(api);
      const b = await signUp(api);
      const routes = [
        (auth: Record<string, string>) => api.agent.get(`/v1/players/${a.id}`).set(auth),
        (auth: Record<string, string>) => api.agent.post(`/v1/players/${a.id}/purchases`).set(auth).send({ kind: 'sword' }),
        (auth: Record<string, string>) => api.agent.post(`/v1/players/${a.id}/orgs`).set(auth).send({ kind: 'guild', org: 'soldiers' }),
        (auth: Record<string, string>) => api.agent.delete(`/v1/players/${a.id}/orgs/guild/soldiers`).set(auth),
        (auth: Record<string, string>) => api.agent.post(`/v1/players/${a.id}/fights`).set(auth).send({ enemy: 'goblin' }),
      ];
      const before = (await storedEvents(api, a.id)).length;
      for (const route of routes) {
        for (const auth of [
          {} as Record<string, string>,
          { Authorization: 'Bearer not-a-session' },
          { Authorization: `Basic ${a.token}` },
          { Authorization: 'Bearer' },
        ]) {
          const res = await route(auth);
          assert.equal(res.status, 401, JSON.stringify(auth));
          assert.equal(res.body.error, 'unauthorized');
          assert.equal(res.headers['www-authenticate'], 'Bearer');
        }
        const other = await route(b.auth);
        assert.equal(other.status, 403);
        assert.equal(other.body.error, 'forbidden');
      }
      assert.equal((await storedEvents(api, a.id)).length, before, 'a refused caller wrote nothing');
    });
  });
});
