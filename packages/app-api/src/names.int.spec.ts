import assert from 'node:assert/strict';
import { openTestApi, signUp, storedEvents, unique, type TestApi } from '@placebo/testkit/http';

const register = (api: TestApi, name: string) => api.agent.post('/v1/players').send({ name, password: 'long enough' });

describe('names: one name, one look', () => {
  let api: TestApi;
  before(() => {
    api = openTestApi();
  });
  after(() => api.close());

  it('folds compatibility forms (NFKC): a full-width name is the plain one, taken once', async () => {
    const plain = unique('ada');
    const wide = [...plain].map((c) => (/[a-z0-9]/.test(c) ? String.fromCodePoint(c.codePointAt(0)! + 0xfee0) : c)).join('');
    const first = await register(api, wide);
    assert.equal(first.status, 201);
    assert.equal(first.body.name, plain);
    const again = await register(api, plain);
    assert.equal(again.status, 409);
    assert.equal(again.body.error, 'name_taken');
    assert.equal((await api.agent.post('/v1/sessions').send({ name: wide, password: 'long enough' })).status, 201);
  });

  it('refuses invisible and text-direction characters with 400 on the field', async () => {
    for (const sneaky of ['ad\u200ba', '\u202eada', 'ada\u2066', 'a\u200dda', 'ada\u00ad', '\u061cada', 'ad\ufe0fa']) {
      const res = await register(api, `${sneaky}${unique('')}`);
      assert.equal(res.status, 400, JSON.stringify(sneaky));
      assert.equal(res.body.error, 'validation_failed');
      assert.deepEqual(
        res.body.details.map((d: { path: string }) => d.path),
        ['name'],
      );
    }
    const seed = await api.agent
      .post('/create/user')
      .type('form')
      .send(`userid=${unique('')}&userpwd=pw&username=${encodeURIComponent(`mal\u200bory`)}`);
    assert.equal(seed.status, 400);
    assert.equal(seed.body.details[0].path, 'username');
  });

  it('keeps Host players and /v1 players from squatting each other’s names', async () => {
    const early = `${unique('early')}.example.org`;
    assert.equal((await api.agent.get('/purchase_a_knife').set('Host', early)).status, 200);
    assert.equal((await register(api, early)).status, 201);

    const claimed = `${unique('claimed')}.example.org`;
    const p = await signUp(api, { name: claimed });
    assert.equal((await api.agent.get('/purchase_a_knife').set('Host', claimed)).status, 200);
    assert.equal((await storedEvents(api, `host-${claimed}`)).filter((e) => e.data.type === 'ItemPurchased').length, 1);
    assert.equal((await api.agent.post('/v1/sessions').send({ name: p.name, password: p.password })).status, 201);

    const reserved = await register(api, `host-${claimed}`);
    assert.equal(reserved.status, 400);
    assert.equal(reserved.body.details[0].path, 'name');
  });
});
