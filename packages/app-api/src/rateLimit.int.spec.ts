import assert from 'node:assert/strict';
import { openTestApi, signUp, storedEvents, unique, type TestApi } from '@placebo/testkit/http';

const form = 'application/x-www-form-urlencoded';

describe('rate limits (embedded: counted in SQLite)', () => {
  const opened: TestApi[] = [];
  const open = (...args: Parameters<typeof openTestApi>): TestApi => {
    const api = openTestApi(...args);
    opened.push(api);
    return api;
  };
  after(async () => {
    for (const api of opened) await api.close();
  });

  it('counts every route but the probes per client address, answering 429 with Retry-After and the IETF RateLimit fields', async () => {
    const api = open({ rates: { ipPerMin: 3 } });
    for (let i = 0; i < 5; i++) {
      assert.equal((await api.agent.get('/healthz')).status, 200);
      assert.equal((await api.agent.get('/readyz')).status, 200);
    }
    const ok = await api.agent.get('/v1/catalogue');
    assert.equal(ok.status, 200);
    assert.equal(ok.headers['ratelimit-policy'], '"ip";q=3;w=60');
    assert.match(ok.headers.ratelimit ?? '', /^"ip";r=2;t=\d+$/);
    await api.agent.get('/v1/catalogue');
    await api.agent.get('/openapi.json');
    const refused = await api.agent.get('/v1/catalogue');
    assert.equal(refused.status, 429);
    assert.equal(refused.body.error, 'rate_limited');
    assert.deepEqual(
      refused.body.details.map((d: { path: string }) => d.path),
      ['ip'],
    );
    const retry = Number(refused.headers['retry-after']);
    assert.ok(retry >= 1 && retry <= 60, `Retry-After ${refused.headers['retry-after']}`);
    assert.match(refused.headers.ratelimit ?? '', /^"ip";r=0;t=\d+$/);
    assert.equal((await api.agent.post('/v1/players').send({ name: unique('late'), password: 'long enough' })).status, 429);
  });

  it('limits logins per account name, recording the throttled attempts once, not once each', async () => {
    // Signing up counts twice against the name: the registration and the first login.
    const api = open({ rates: { authNamePerHour: 5 } });
    const p = await signUp(api);
    const attempts = [];
    for (let i = 0; i < 8; i++) attempts.push(await api.agent.post('/v1/sessions').send({ name: p.name.toUpperCase(), password: `guess ${i}` }));
    assert.deepEqual(
      attempts.map((r) => r.status),
      [401, 401, 401, 429, 429, 429, 429, 429],
    );
    assert.equal(attempts[3]?.body.details[0].path, 'name');
    const failures = (await storedEvents(api, p.id)).flatMap((e) => (e.data.type === 'LoginFailed' ? [e.data.reason] : []));
    assert.deepEqual(failures, ['wrong_password', 'wrong_password', 'wrong_password', 'throttled']);
  });

  it('limits registrations and seed-route player creations per address, together', async () => {
    const api = open({ rates: { authIpPerMin: 3 } });
    assert.equal((await api.agent.post('/v1/players').send({ name: unique('a'), password: 'long enough' })).status, 201);
    assert.equal(
      (
        await api.agent
          .post('/create/user')
          .type(form)
          .send(`userid=${unique('')}&userpwd=pw&username=${unique('s')}`)
      ).status,
      200,
    );
    assert.equal((await api.agent.get('/purchase_arrow').set('Host', `${unique('h')}.example.org`)).status, 200);
    const refused = await api.agent
      .post('/create/user')
      .type(form)
      .send(`userid=${unique('')}&userpwd=pw&username=${unique('s')}`);
    assert.equal(refused.status, 429);
    assert.equal(refused.body.details[0].path, 'ip');
    assert.equal((await api.agent.get('/purchase_arrow').set('Host', `${unique('h')}.example.org`)).status, 429);
  });

  it("limits seed 000's unauthenticated profile views per player", async () => {
    const api = open({ rates: { viewsPerMin: 2 } });
    const id = unique('');
    await api.agent
      .post('/create/user')
      .type(form)
      .send(`userid=${id}&userpwd=pw&username=${unique('v')}`);
    const views = [];
    for (let i = 0; i < 3; i++) views.push((await api.agent.get(`/data/user?userid=${id}`)).status);
    assert.deepEqual(views, [200, 200, 429]);
    assert.equal((await storedEvents(api, id)).filter((e) => e.data.type === 'ProfileViewed').length, 2);
  });

  it("bounds a name's login queue: a flood of guesses is turned away at once", async () => {
    const api = open({ maxWaitingLogins: 1 });
    const p = await signUp(api);
    const flood = await Promise.all(Array.from({ length: 12 }, (_, i) => api.agent.post('/v1/sessions').send({ name: p.name, password: `guess ${i}` })));
    const statuses = flood.map((r) => r.status);
    assert.ok(statuses.includes(429), `no login was turned away: ${statuses.join(' ')}`);
    assert.ok(
      statuses.every((s) => s === 401 || s === 429),
      statuses.join(' '),
    );
    assert.equal((await api.agent.post('/v1/sessions').send({ name: p.name, password: p.password })).status, 201);
  });
});
