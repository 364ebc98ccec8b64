import assert from 'node:assert/strict';
import { join } from 'node:path';
import { repoRoot, type Infrastructure } from '@placebo/adapters';
import { loadCatalogue, scopedStatement } from './index.js';
import { openTestApi, signUp, testOperatorToken, type TestApi } from '@placebo/testkit/http';

const operator = { Authorization: `Bearer ${testOperatorToken}` };

describe('GET /v1/analytics/:question: only catalogue questions, typed dates, the operator token', () => {
  let api: TestApi;
  const ran: string[] = [];
  const recording = (real: Infrastructure): Infrastructure => ({
    ...real,
    query: {
      query: (sql) => {
        ran.push(sql);
        return real.query.query(sql);
      },
    },
  });
  before(() => {
    api = openTestApi({ wrapInfra: recording });
  });
  after(() => api.close());

  it('lists the catalogue and answers a question with its columns and rows', async () => {
    const list = await api.agent.get('/v1/analytics').set(operator);
    assert.equal(list.status, 200);
    const names = (list.body.questions as Array<{ name: string }>).map((q) => q.name);
    assert.ok(names.includes('win_rate_by_enemy') && names.length >= 26);
    const res = await api.agent.get('/v1/analytics/win_rate_by_enemy?from=2026-01-01&to=2026-12-31').set(operator);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.columns, ['enemy', 'fights', 'wins', 'win_rate', 'mean_win_chance']);
    assert.equal(res.body.chart, 'bar');
    assert.equal(res.body.from, '2026-01-01');
  });

  it('runs every question of the catalogue scoped to a date range (the scoped statement binds on the engine)', async () => {
    const list = await api.agent.get('/v1/analytics').set(operator);
    for (const { name } of list.body.questions as Array<{ name: string }>) {
      const res = await api.agent.get(`/v1/analytics/${name}?from=2026-01-01&to=2030-12-31`).set(operator);
      assert.equal(res.status, 200, `${name}: ${res.text}`);
    }
  });

  it('answers questions asked at the same time (the embedded engine takes them one at a time)', async () => {
    const names = ['win_rate_by_enemy', 'items_per_type', 'seed000_buys', 'most_popular_org', 'wealth_trend', 'seed001_purchases'];
    const answers = await Promise.all(names.map((n) => api.agent.get(`/v1/analytics/${n}?from=2026-01-01`).set(operator)));
    assert.deepEqual(
      answers.map((a) => a.status),
      names.map(() => 200),
    );
  });

  it('refuses without the token, with a wrong one, and when the server has none: 401 operator_unauthorized, no data', async () => {
    for (const headers of [{}, { Authorization: 'Bearer wrong-token-wrong-token' }, { Authorization: testOperatorToken }]) {
      for (const path of ['/v1/analytics', '/v1/analytics/win_rate_by_enemy', '/v1/operator/status']) {
        const res = await api.agent.get(path).set(headers);
        assert.equal(res.status, 401, path);
        assert.equal(res.body.error, 'operator_unauthorized');
        assert.equal(res.body.rows, undefined);
      }
    }
    const closed = openTestApi({ operatorToken: '' });
    try {
      const res = await closed.agent.get('/v1/analytics').set(operator);
      assert.equal(res.status, 401);
      assert.match(res.body.message, /no PLACEBO_OPERATOR_TOKEN/);
    } finally {
      await closed.close();
    }
  });

  it('answers 404 unknown_question for a name outside the catalogue, SQL included', async () => {
    for (const name of ['no_such_question', encodeURIComponent('select * from players'), encodeURIComponent("win_rate_by_enemy'; drop table buys")]) {
      const res = await api.agent.get(`/v1/analytics/${name}`).set(operator);
      assert.equal(res.status, 404);
      assert.equal(res.body.error, 'unknown_question');
    }
  });

  it('answers 400 naming the parameter for a bad date or a range that ends before it starts', async () => {
    const cases: ReadonlyArray<readonly [string, string]> = [
      ['from=2026-02-30', 'from'],
      ['to=yesterday', 'to'],
      ["from=2026-01-01'%20or%201=1", 'from'],
      ['from=2026-03-01&to=2026-02-01', 'to'],
      ['from=2026-01-01&from=2026-01-02', 'from'],
    ];
    for (const [query, field] of cases) {
      const res = await api.agent.get(`/v1/analytics/win_rate_by_enemy?${query}`).set(operator);
      assert.equal(res.status, 400, query);
      assert.equal(res.body.error, 'validation_failed');
      assert.equal(res.body.details[0].path, field, query);
    }
  });

  it('never runs SQL of the client: every statement the engine saw is a catalogue question, scoped by typed dates', async () => {
    ran.length = 0;
    await api.agent.get('/v1/analytics/items_per_type?sql=select%201&q=select%202').set(operator);
    await api.agent.get('/v1/analytics/items_per_type?from=2026-01-01').set(operator);
    const catalogue = await loadCatalogue(join(repoRoot(), 'queries'));
    const q = catalogue.find((c) => c.name === 'items_per_type')!;
    assert.deepEqual(ran, [q.sql, scopedStatement(q.sql, { from: '2026-01-01', to: null })]);
  });
});

describe("GET /v1/players/:id/events: the player's own history", () => {
  let api: TestApi;
  before(() => {
    api = openTestApi({ roll: () => 0.01 });
  });
  after(() => api.close());

  it('pages through the events oldest first, records nothing, and refuses other players', async () => {
    const player = await signUp(api);
    for (let i = 0; i < 3; i++) {
      const bought = await api.agent.post(`/v1/players/${player.id}/purchases`).set(player.auth).send({ kind: 'potion' });
      assert.equal(bought.status, 201);
    }
    const first = await api.agent.get(`/v1/players/${player.id}/events?limit=2`).set(player.auth);
    assert.equal(first.status, 200);
    assert.deepEqual(
      first.body.events.map((e: { event_type: string }) => e.event_type),
      ['PlayerRegistered', 'LoggedIn'],
    );
    assert.equal(first.body.next, 2);
    const rest = await api.agent.get(`/v1/players/${player.id}/events?after=${first.body.next}`).set(player.auth);
    assert.deepEqual(
      rest.body.events.map((e: { player_version: number }) => e.player_version),
      [3, 4, 5],
    );
    assert.equal(rest.body.next, null);
    assert.equal(typeof rest.body.events[0].wealth, 'number');
    const again = await api.agent.get(`/v1/players/${player.id}/events`).set(player.auth);
    assert.equal(again.body.events.length, 5, 'reading the history wrote no event');

    const other = await signUp(api);
    assert.equal((await api.agent.get(`/v1/players/${player.id}/events`).set(other.auth)).status, 403);
    assert.equal((await api.agent.get(`/v1/players/${player.id}/events`)).status, 401);
    const bad = await api.agent.get(`/v1/players/${player.id}/events?limit=0`).set(player.auth);
    assert.equal(bad.status, 400);
    assert.equal(bad.body.details[0].path, 'limit');
  });
});
