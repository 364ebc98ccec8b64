import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { analystTables, analystViews } from '@placebo/domain';
import { createDuckDbQueryEngine } from '@placebo/adapters';
import { callJson, contractFetch, eventually, placeboRun, startServer } from '@placebo/testkit/cli';

const json = callJson;

const engineFor = (dir: string) => createDuckDbQueryEngine({ root: join(dir, 'lake'), tables: analystTables, views: analystViews });

const scalar = async (engine: ReturnType<typeof engineFor>, sql: string): Promise<number> => {
  const r = await engine.query(sql)();
  if (E.isLeft(r)) throw new Error(r.left.message);
  return Number(r.right.rows[0]?.[0]);
};

// The sink killed again and again under load: sinkKills.spec.ts.
describe('end to end: HTTP → log → sink → Parquet → SQL (embedded, real processes)', function () {
  this.timeout(300_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'placebo-e2e-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('every accepted command is counted in SQL, refusals as refusals, and replay --verify agrees', async () => {
    const env = { PLACEBO_DATA_DIR: dir, PLACEBO_SINK_FLUSH_MS: '300', PLACEBO_SCRYPT_COST: '1024' };
    const server = await startServer('start', env);
    const engine = engineFor(dir);
    try {
      let approved = 0;
      let refused = 0;
      let joins = 0;
      let events = 0;
      for (let p = 0; p < 8; p++) {
        const name = `e2e-player-${p}`;
        const reg = await json(`${server.url}/v1/players`, 'POST', { name, password: 'a long password' });
        assert.equal(reg.status, 201, JSON.stringify(reg.body));
        const login = await json(`${server.url}/v1/sessions`, 'POST', { name, password: 'a long password' });
        assert.equal(login.status, 201);
        events += 2;
        const { token, player_id: id } = login.body as { token: string; player_id: string };
        for (let i = 0; i < 6; i++) {
          const buy = await json(`${server.url}/v1/players/${id}/purchases`, 'POST', { kind: 'sword', type: 'saber' }, token);
          assert.ok(buy.status === 201 || buy.status === 402, JSON.stringify(buy));
          if (buy.status === 201) approved++;
          else refused++;
          events++;
        }
        const join = await json(`${server.url}/v1/players/${id}/orgs`, 'POST', { kind: 'team', org: 'team ABCD' }, token);
        assert.equal(join.status, 201);
        joins++;
        events++;
      }
      assert.ok(approved > 0 && refused > 0);
      // Each source topic commits on its own schedule: wait until every table has caught up.
      const caughtUp = async () =>
        (await scalar(engine, 'select count(*) from all_events')) === events &&
        (await scalar(engine, 'select count(*) from buys')) === approved + refused &&
        (await scalar(engine, 'select count(*) from social')) === joins;
      await eventually('the lake to hold every event', async () => ((await caughtUp()) ? true : undefined));
      assert.equal(await scalar(engine, "select count(*) from buys where status = 'approved_purchase'"), approved);
      assert.equal(await scalar(engine, "select count(*) from buys where status = 'insufficient_funds'"), refused);
      assert.equal(await scalar(engine, "select count(*) from social where event_type = 'join_team'"), joins);
      assert.equal(await scalar(engine, 'select count(distinct event_id) from all_events'), events);
      assert.equal(await scalar(engine, "select count(*) from all_events where raw_event like '%a long password%' or raw_event like '%scrypt%'"), 0);
      assert.equal(await scalar(engine, 'select count(*) from all_events where player_wealth < 0'), 0);
    } finally {
      engine.close();
      server.child.kill('SIGTERM');
      assert.equal(await server.exited, 0, server.output());
    }
    const verify = await placeboRun(['replay', '--verify'], { PLACEBO_DATA_DIR: dir });
    assert.equal(verify.code, 0, verify.output);
    assert.match(verify.output, /all 8 snapshots equal the replayed log/);
  });

  it("serves seed 000's walkthrough and `placebo query` prints its buys by status", async () => {
    const env = { PLACEBO_DATA_DIR: dir, PLACEBO_SINK_FLUSH_MS: '200', PLACEBO_SCRYPT_COST: '1024' };
    const server = await startServer('start', env);
    const post = async (path: string, form: string): Promise<string> => {
      const res = await contractFetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
      return `${res.status} ${await res.text()}`;
    };
    try {
      assert.equal(await post('/create/user', 'userid=987611&userpwd=blahdh&username=dirk&wealth=12345'), '200 Created user +:)\n');
      assert.equal(await post('/buy/sword', 'userid=987611&type=cutlass&cost=5000'), '200 Sword purchased [:)\n');
      assert.equal(await post('/buy/sword', 'userid=987611&type=longsword&cost=10000'), '402 You do not have sufficient funds [:(\n');
      assert.equal(await post('/join/guild', 'userid=987611&org=soldiers&level=masterofarms&cost=9999'), '402 You do not have sufficient funds [:(\n');
      const profile = await (await contractFetch(`${server.url}/data/user?userid=987611`)).text();
      assert.match(profile, /"wealth": ?7345/);
      assert.match(profile, /"inventory": ?\["cutlass"\]/);
      assert.doesNotMatch(profile, /blahdh|scrypt|pwd/);
      const query = async () => placeboRun(['query', 'select status, count(*) as n from buys group by status order by status'], env);
      const out = await eventually('the buys to be queryable', async () => {
        const r = await query();
        return r.code === 0 && /insufficient_funds/.test(r.output) ? r.output : undefined;
      });
      assert.match(out, /approved_purchase\s+\|\s+1\s/);
      assert.match(out, /insufficient_funds\s+\|\s+1\s/);
      assert.match(out, /\(2 rows\)/);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });
});
