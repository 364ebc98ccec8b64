import assert from 'node:assert/strict';
import { openTestApi, signUp, storedEvents, type TestApi } from '@placebo/testkit/http';

describe('sessions: capped per player, and ended everywhere at once', () => {
  let api: TestApi;
  before(() => {
    api = openTestApi({ maxSessionsPerPlayer: 2 });
  });
  after(() => api.close());

  const login = async (p: { name: string; password: string }): Promise<string> => {
    const res = await api.agent.post('/v1/sessions').send({ name: p.name, password: p.password });
    assert.equal(res.status, 201);
    return res.body.token as string;
  };
  const works = async (id: string, token: string): Promise<number> => (await api.agent.get(`/v1/players/${id}`).set('Authorization', `Bearer ${token}`)).status;

  it("ends a player's oldest session when a login passes the cap", async () => {
    const p = await signUp(api);
    const [second, third] = [await login(p), await login(p)];
    assert.deepEqual([await works(p.id, p.token), await works(p.id, second), await works(p.id, third)], [401, 200, 200]);
  });

  it('DELETE /v1/sessions?all=true ends every session of the caller, and only theirs', async () => {
    const [p, other] = [await signUp(api), await signUp(api)];
    const second = await login(p);
    const res = await api.agent.delete('/v1/sessions?all=true').set(p.auth);
    assert.equal(res.status, 204);
    assert.deepEqual([await works(p.id, p.token), await works(p.id, second), await works(other.id, other.token)], [401, 401, 200]);
    assert.equal((await storedEvents(api, p.id)).at(-1)?.data.type, 'LoggedOut');
  });

  it('answers 400 on the field all for anything but true or false', async () => {
    const p = await signUp(api);
    const res = await api.agent.delete('/v1/sessions?all=yes').set(p.auth);
    assert.equal(res.status, 400);
    assert.deepEqual(
      res.body.details.map((d: { path: string }) => d.path),
      ['all'],
    );
    assert.equal(await works(p.id, p.token), 200);
  });
});
