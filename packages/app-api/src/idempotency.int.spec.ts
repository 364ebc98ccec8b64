import assert from 'node:assert/strict';
import { openTestApi, signUp, storedEvents, unique, type TestApi } from '@placebo/testkit/http';

describe('idempotency keys', () => {
  let api: TestApi;
  let rolls = 0;
  before(() => {
    // Each fight draws a different roll, so only a true replay can answer the same.
    api = openTestApi({ roll: () => [0.05, 0.95][rolls++ % 2] ?? 0.5 });
  });
  after(() => api.close());

  const twice = async (send: () => Promise<{ status: number; body: unknown; text: string }>) => {
    const first = await send();
    const second = await send();
    assert.equal(second.status, first.status);
    assert.deepEqual(second.body, first.body);
    assert.equal(second.text, first.text);
    return first;
  };

  it('answers a retried purchase with the first answer and writes nothing new', async () => {
    const p = await signUp(api);
    const key = unique('buy-');
    const before = (await storedEvents(api, p.id)).length;
    const first = await twice(() =>
      api.agent.post(`/v1/players/${p.id}/purchases`).set(p.auth).set('Idempotency-Key', key).send({ kind: 'sword', type: 'saber' }),
    );
    assert.equal(first.status, 201);
    const events = await storedEvents(api, p.id);
    assert.equal(events.length, before + 1);
    assert.equal(events.at(-1)?.command_id, key);
  });

  it('replays a refusal (402) just the same', async () => {
    const p = await signUp(api);
    const key = unique('refused-');
    const first = await twice(() =>
      api.agent.post(`/v1/players/${p.id}/purchases`).set(p.auth).set('Idempotency-Key', key).send({ kind: 'sword', type: 'longsword' }),
    );
    assert.equal(first.status, 402);
    assert.equal((await storedEvents(api, p.id)).filter((e) => e.data.type === 'PurchaseRefused').length, 1);
  });

  it('answers from the first run even after the state moved on (body command_id)', async () => {
    const p = await signUp(api);
    const key = unique('fight-');
    const fight = () => api.agent.post(`/v1/players/${p.id}/fights`).set(p.auth).send({ enemy: 'orc', command_id: key });
    const first = await fight();
    await api.agent.post(`/v1/players/${p.id}/purchases`).set(p.auth).send({ kind: 'potion' });
    const again = await fight();
    assert.equal(again.status, first.status);
    assert.deepEqual(again.body, first.body);
    assert.equal((await storedEvents(api, p.id)).filter((e) => e.data.type === 'FightFought').length, 1);
  });

  it('replays registrations, joins and leaves', async () => {
    const name = unique('Idem');
    const key = unique('register-');
    const reg = await twice(() => api.agent.post('/v1/players').set('Idempotency-Key', key).send({ name, password: 'long enough' }));
    assert.equal(reg.status, 201);
    const id = (reg.body as { player_id: string }).player_id;
    const login = await api.agent.post('/v1/sessions').send({ name, password: 'long enough' });
    const auth = { Authorization: `Bearer ${login.body.token as string}` };
    const join = await twice(() =>
      api.agent.post(`/v1/players/${id}/orgs`).set(auth).set('Idempotency-Key', `${key}-join`).send({ kind: 'team', org: 'team BLAH' }),
    );
    assert.equal(join.status, 201);
    const leave = await twice(() => api.agent.delete(`/v1/players/${id}/orgs/team/team%20BLAH`).set(auth).set('Idempotency-Key', `${key}-leave`));
    assert.equal(leave.status, 200);
    const types = (await storedEvents(api, id)).map((e) => e.data.type);
    assert.deepEqual(types, ['PlayerRegistered', 'LoggedIn', 'OrgJoined', 'OrgLeft']);
  });

  it('replays seed routes too', async () => {
    const id = unique('');
    await api.agent
      .post('/create/user')
      .type('form')
      .send(`userid=${id}&userpwd=pw&username=${unique('s')}&wealth=100`);
    const key = unique('seed-');
    const first = await twice(() => api.agent.post('/buy/sword').type('form').set('Idempotency-Key', key).send(`userid=${id}&type=cutlass&cost=60`));
    assert.equal(first.text, 'Sword purchased [:)\n');
    const events = await storedEvents(api, id);
    assert.equal(events.at(-1)?.player.wealth, 40);
  });

  it('refuses a key first used for another kind of command, writing nothing', async () => {
    const p = await signUp(api);
    const key = unique('reused-');
    await api.agent.post(`/v1/players/${p.id}/purchases`).set(p.auth).set('Idempotency-Key', key).send({ kind: 'knife' });
    const before = (await storedEvents(api, p.id)).length;
    const res = await api.agent.post(`/v1/players/${p.id}/fights`).set(p.auth).set('Idempotency-Key', key).send({ enemy: 'goblin' });
    assert.equal(res.status, 422);
    assert.equal(res.body.error, 'idempotency_key_reused');
    assert.equal((await storedEvents(api, p.id)).length, before);
  });

  it('refuses the same key with another body on the same route: 422, nothing written', async () => {
    const p = await signUp(api);
    const key = unique('body-');
    const buy = (body: object) => api.agent.post(`/v1/players/${p.id}/purchases`).set(p.auth).set('Idempotency-Key', key).send(body);
    assert.equal((await buy({ kind: 'knife' })).status, 201);
    const before = (await storedEvents(api, p.id)).length;
    const other = await buy({ kind: 'knife', quantity: 2 });
    assert.equal(other.status, 422);
    assert.equal(other.body.error, 'idempotency_key_reused');
    assert.deepEqual(
      other.body.details.map((d: { path: string }) => d.path),
      ['Idempotency-Key'],
    );
    assert.equal((await storedEvents(api, p.id)).length, before);
  });

  it('takes the same body written another way (key order, header or body key) as the same request', async () => {
    const p = await signUp(api);
    const key = unique('order-');
    const url = `/v1/players/${p.id}/purchases`;
    const first = await api.agent.post(url).set(p.auth).set('Idempotency-Key', key).send({ kind: 'knife', quantity: 2 });
    const again = await api.agent.post(url).set(p.auth).send({ quantity: 2, command_id: key, kind: 'knife' });
    assert.equal(again.status, first.status);
    assert.deepEqual(again.body, first.body);
  });

  it("binds a key to its player: another player's key is a new key", async () => {
    const [a, b] = [await signUp(api), await signUp(api)];
    const key = unique('shared-');
    assert.equal((await api.agent.post(`/v1/players/${a.id}/purchases`).set(a.auth).set('Idempotency-Key', key).send({ kind: 'knife' })).status, 201);
    const other = await api.agent.post(`/v1/players/${b.id}/purchases`).set(b.auth).set('Idempotency-Key', key).send({ kind: 'arrow' });
    assert.equal(other.status, 201);
    assert.equal(other.body.type, 'arrow');
  });

  it('validates keys: 1–128 of [A-Za-z0-9_.:-], and header and body must agree', async () => {
    const p = await signUp(api);
    const buy = () => api.agent.post(`/v1/players/${p.id}/purchases`).set(p.auth);
    for (const bad of ['has space', 'x'.repeat(129), 'semi;colon', 'per%cent']) {
      const res = await buy().set('Idempotency-Key', bad).send({ kind: 'knife' });
      assert.equal(res.status, 400, bad);
      assert.deepEqual(
        res.body.details.map((d: { path: string }) => d.path),
        ['Idempotency-Key'],
      );
    }
    const empty = await buy().set('Idempotency-Key', '').send({ kind: 'knife' });
    assert.equal(empty.status, 400);
    const body = await buy().send({ kind: 'knife', command_id: 'not ok' });
    assert.equal(body.status, 400);
    assert.deepEqual(
      body.body.details.map((d: { path: string }) => d.path),
      ['command_id'],
    );
    const differ = await buy().set('Idempotency-Key', 'a').send({ kind: 'knife', command_id: 'b' });
    assert.equal(differ.status, 400);
    assert.deepEqual(differ.body.details, [{ path: 'command_id', message: 'differs from the Idempotency-Key header' }]);
  });

  it('never lets a key replay a login past the password check', async () => {
    const p = await signUp(api);
    const key = unique('login-');
    const good = await api.agent.post('/v1/sessions').set('Idempotency-Key', key).send({ name: p.name, password: p.password });
    assert.equal(good.status, 201);
    const bad = await api.agent.post('/v1/sessions').set('Idempotency-Key', key).send({ name: p.name, password: 'wrong password' });
    assert.equal(bad.status, 401);
    assert.equal(bad.body.token, undefined);
  });
});
