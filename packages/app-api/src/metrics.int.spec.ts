import assert from 'node:assert/strict';
import { openTestApi, signUp, type TestApi } from '@placebo/testkit/http';

/** The value of one series of a Prometheus text exposition, or 0 when absent. */
const sample = (text: string, name: string, labels: Record<string, string>): number => {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const inside = /\{(.*)\}/.exec(line)?.[1] ?? '';
    const have = inside === '' ? [] : inside.split(',');
    if (want.every((w) => have.includes(w)) && have.length === want.length) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return 0;
};

describe('/metrics (Prometheus, prom-client)', () => {
  let api: TestApi;
  before(() => {
    api = openTestApi();
  });
  after(() => api.close());

  it('counts commands by outcome and error code, and requests by route pattern, as they were answered', async () => {
    const p = await signUp(api);
    const answers = { accepted: 0, refused: 0, invalid: 0 };
    for (let i = 0; i < 12; i++) {
      const res = await api.agent.post(`/v1/players/${p.id}/purchases`).set(p.auth).send({ kind: 'sword', type: 'saber' });
      assert.ok(res.status === 201 || res.status === 402, JSON.stringify(res.body));
      if (res.status === 201) answers.accepted++;
      else answers.refused++;
    }
    for (let i = 0; i < 3; i++) {
      const res = await api.agent.post(`/v1/players/${p.id}/purchases`).set(p.auth).send({ kind: 'sword', type: 'no such sword', quantity: -1 });
      assert.equal(res.status, 400);
      answers.invalid++;
    }
    assert.ok(answers.accepted > 0 && answers.refused > 0, JSON.stringify(answers));
    const res = await api.agent.get('/metrics');
    assert.equal(res.status, 200);
    assert.match(res.headers['content-type'] ?? '', /^text\/plain; version=0\.0\.4/);
    const route = '/v1/players/:id/purchases';
    assert.equal(sample(res.text, 'placebo_commands_total', { route, outcome: 'accepted', code: '' }), answers.accepted);
    assert.equal(sample(res.text, 'placebo_commands_total', { route, outcome: 'rejected', code: 'insufficient_funds' }), answers.refused);
    assert.equal(sample(res.text, 'placebo_commands_total', { route, outcome: 'invalid', code: 'validation_failed' }), answers.invalid);
    assert.equal(sample(res.text, 'placebo_http_request_duration_seconds_count', { route, method: 'POST', status: '201' }), answers.accepted);
    assert.equal(sample(res.text, 'placebo_http_request_duration_seconds_count', { route, method: 'POST', status: '402' }), answers.refused);
    assert.ok(!res.text.includes(p.id), 'no player id in any label');
    assert.ok(sample(res.text, 'placebo_process_cpu_user_seconds_total', {}) > 0, 'the process metrics');
  });

  it('labels requests no route matched as unmatched, so a scan of paths adds no series', async () => {
    for (let i = 0; i < 5; i++) assert.equal((await api.agent.get(`/no/such/${i}`)).status, 404);
    const text = (await api.agent.get('/metrics')).text;
    assert.equal(sample(text, 'placebo_http_request_duration_seconds_count', { route: 'unmatched', method: 'GET', status: '404' }), 5);
    assert.ok(!text.includes('/no/such/'));
  });
});
