import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '@placebo/adapters';
import { ensureStack } from '@placebo/testkit/stack';
import { clusterEnv, contractFetch, contractGet, eventually, placebo, placeboRun, startServer, stop, type Running } from '@placebo/testkit/cli';

const run = promisify(execFile);

interface Reply {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly ms: number;
}

const call = async (url: string, method: string, body?: unknown, token?: string): Promise<Reply> => {
  const started = Date.now();
  const res = await contractFetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  return { status: res.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>), ms: Date.now() - started };
};

const seedGet = contractGet;

/** SQL through `placebo query --json` (Presto in cluster mode). */
const sql = async (env: Record<string, string>, query: string): Promise<ReadonlyArray<ReadonlyArray<unknown>>> => {
  const r = await placeboRun(['query', '--json', query], env);
  const line = r.output.split('\n').find((l) => l.startsWith('{"columns"'));
  if (r.code !== 0 || line === undefined) throw new Error(`query failed (${r.code}): ${query}\n${r.output}`);
  return (JSON.parse(line) as { rows: unknown[][] }).rows;
};
const scalar = async (env: Record<string, string>, query: string): Promise<number> => Number((await sql(env, query))[0]?.[0]);

interface Player {
  readonly id: string;
  readonly token: string;
}

/** A player with the wealth given: only the seed route lets a client name it; the player then plays through /v1. */
const newPlayer = async (url: string, wealth: number): Promise<Player> => {
  const name = `p-${randomUUID().slice(0, 12)}`;
  const form = new URLSearchParams({ userid: name, username: name, userpwd: 'a long password', wealth: String(wealth) });
  const reg = await fetch(`${url}/create/user`, { method: 'POST', body: form, signal: AbortSignal.timeout(30_000) });
  assert.equal(reg.status, 200, await reg.text());
  const login = await call(`${url}/v1/sessions`, 'POST', { name, password: 'a long password' });
  assert.equal(login.status, 201, JSON.stringify(login.body));
  return { id: login.body.player_id as string, token: login.body.token as string };
};

/** Every event id the lake holds, once the sink has landed at least `atLeast` rows in all_events. */
const landedEventIds = async (env: Record<string, string>, atLeast: number): Promise<string[]> => {
  await eventually('the lake to catch up', async () => ((await scalar(env, 'select count(*) from all_events')) >= atLeast ? true : undefined), 120_000);
  return (await sql(env, 'select event_id from all_events')).map((r) => String(r[0]));
};

const operatorToken = `op-${randomUUID()}`;

/**
 * The console's API in cluster mode, once the lake holds the player's events: every catalogue question through
 * Presto over a date range, the operator's view of Redis and Kafka, and the player's own history (from the lake where
 * Redis keeps only the tail after the snapshot).
 */
const checkConsoleApi = async (url: string, p: Player, events: number): Promise<void> => {
  const op = { authorization: `Bearer ${operatorToken}` };
  const get = async (path: string, headers: Record<string, string>): Promise<Reply> => {
    const res = await contractFetch(`${url}${path}`, { headers, signal: AbortSignal.timeout(60_000) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown>, ms: 0 };
  };
  const list = await get('/v1/analytics', op);
  assert.equal(list.status, 200, JSON.stringify(list.body));
  const today = new Date().toISOString().slice(0, 10);
  for (const { name } of list.body.questions as Array<{ name: string }>) {
    const answer = await get(`/v1/analytics/${name}?from=2020-01-01&to=${today}`, op);
    assert.equal(answer.status, 200, `${name}: ${JSON.stringify(answer.body)}`);
  }
  const counted = await get(`/v1/analytics/seed000_buys?from=${today}&to=${today}`, op);
  assert.ok((counted.body.rows as unknown[]).length > 0, JSON.stringify(counted.body));
  assert.equal((await get('/v1/analytics', {})).status, 401);
  const status = await get('/v1/operator/status', op);
  assert.equal(status.status, 200, JSON.stringify(status.body));
  assert.equal(status.body.ready, true, JSON.stringify(status.body.services));
  const history = await get(`/v1/players/${p.id}/events?after=0`, { authorization: `Bearer ${p.token}` });
  assert.equal(history.status, 200, JSON.stringify(history.body));
  assert.equal((history.body.events as unknown[]).length, events, JSON.stringify(history.body));
};

const verifyReplay = async (env: Record<string, string>): Promise<void> => {
  await eventually(
    'replay --verify to agree with every snapshot',
    async () => {
      const r = await placeboRun(['replay', '--verify'], env);
      return r.code === 0 ? true : undefined;
    },
    60_000,
  );
};

describe('cluster end to end: HTTP → Kafka → sink → Parquet on HDFS → Presto (real processes, real servers)', function () {
  this.timeout(900_000);
  before(async () => ensureStack(['redis', 'kafka', 'hdfs', 'presto']));

  it('every accepted command is counted in Presto for every analyst table, the seed queries run unchanged, and so does the console', async () => {
    const env = { ...clusterEnv(), PLACEBO_OPERATOR_TOKEN: operatorToken };
    const api = await startServer('api', env);
    const sink = placebo(['sink'], env);
    try {
      let events = 0;
      let approved = 0;
      let refused = 0;
      let joins = 0;
      let fights = 0;
      const players: Player[] = [];
      for (let i = 0; i < 4; i++) {
        const p = await newPlayer(api.url, 3000);
        players.push(p);
        events += 2;
        for (let k = 0; k < 5; k++) {
          const buy = await call(`${api.url}/v1/players/${p.id}/purchases`, 'POST', { kind: 'sword', type: 'saber' }, p.token);
          assert.ok(buy.status === 201 || buy.status === 402, JSON.stringify(buy.body));
          if (buy.status === 201) approved++;
          else refused++;
          events++;
        }
        const join = await call(`${api.url}/v1/players/${p.id}/orgs`, 'POST', { kind: 'guild', org: 'magicians' }, p.token);
        assert.ok(join.status === 201 || join.status === 402, JSON.stringify(join.body));
        joins++;
        events++;
        const fight = await call(`${api.url}/v1/players/${p.id}/fights`, 'POST', { enemy: 'orc' }, p.token);
        assert.equal(fight.status, 201, JSON.stringify(fight.body));
        fights++;
        events++;
      }
      // Seed 001's routes, identified by the Host header.
      const seed = await seedGet(`${api.url}/purchase_a_sword`, 'user1.comcast.com');
      assert.equal(seed.status, 200, seed.text);
      events += 2; // the host player's registration, then the purchase
      approved++;
      assert.ok(approved > 0 && refused > 0);

      await eventually(
        'every table to hold every accepted command',
        async () =>
          (await scalar(env, 'select count(*) from all_events')) === events &&
          (await scalar(env, 'select count(*) from buys')) === approved + refused &&
          (await scalar(env, 'select count(*) from social')) === joins &&
          (await scalar(env, 'select count(*) from fights')) === fights
            ? true
            : undefined,
        120_000,
      );
      assert.equal(await scalar(env, "select count(*) from buys where status = 'approved_purchase'"), approved);
      assert.equal(await scalar(env, "select count(*) from buys where status = 'insufficient_funds'"), refused);
      assert.equal(await scalar(env, 'select count(distinct event_id) from all_events'), events);
      assert.equal(await scalar(env, 'select count(*) - count(distinct concat(player_id, cast(player_version as varchar))) from all_events'), 0);
      assert.equal(await scalar(env, "select count(*) from all_events where raw_event like '%a long password%' or raw_event like '%scrypt%'"), 0);
      // The seeds' queries, unchanged (seed 000 on buys/social, seed 001 on purchases/guild_membership/all_events).
      const seedQueries = [
        'select status, count(*) from buys group by status',
        'select status, type, count(type) as num_items from buys group by status, type order by status',
        "select type, round(avg(cost), 2) as avg_cost from buys where status='approved_purchase' group by type order by type",
        'select event_type, org, count(org) as num_joins from social group by event_type, org order by num_joins desc',
        'select org, round(avg(player_wealth), 2) as avg_wealth from social group by org order by org',
        'select host, count(*) from purchases group by host',
        'select event_type, count(amount) as count from purchases group by event_type order by count',
        'select count(*) from guild_membership',
        'select host, event_type, count(*) from all_events group by host, event_type',
      ];
      for (const q of seedQueries) assert.ok((await sql(env, q)).length > 0, q);
      const byHost = await sql(env, 'select host, count(*) from purchases group by host');
      assert.ok(
        byHost.some(([host, n]) => host === 'user1.comcast.com' && Number(n) === 1),
        JSON.stringify(byHost),
      );
      // Each player: registered, logged in, 5 purchases, a join and a fight.
      const first = players[0];
      assert.ok(first !== undefined);
      await checkConsoleApi(api.url, first, 9);
    } finally {
      await stop(api, sink);
    }
  });

  it('two API processes, 200 concurrent purchases by a player who can afford 10: exactly 10 approved, wealth exact, versions unique', async () => {
    const env = clusterEnv();
    const [a, b] = await Promise.all([startServer('api', env), startServer('api', env)]);
    const sink = placebo(['sink'], env);
    try {
      const saber = 999;
      const p = await newPlayer(a.url, saber * 10 + 500);
      await new Promise((r) => setTimeout(r, 20));
      const beforePurchases = new Date().toISOString();
      const replies = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          call(`${(i % 2 === 0 ? a : b).url}/v1/players/${p.id}/purchases`, 'POST', { kind: 'sword', type: 'saber' }, p.token),
        ),
      );
      const statuses = replies.map((r) => r.status);
      assert.equal(statuses.filter((s) => s === 201).length, 10, JSON.stringify(replies.filter((r) => r.status !== 201 && r.status !== 402)));
      assert.equal(statuses.filter((s) => s === 402).length, 190);
      const profile = await call(`${b.url}/v1/players/${p.id}`, 'GET', undefined, p.token);
      assert.equal(profile.status, 200);
      assert.equal(profile.body.wealth, 500);
      await eventually(
        'all 200 purchases in buys',
        async () => ((await scalar(env, `select count(*) from buys where player_id = '${p.id}'`)) === 200 ? true : undefined),
        120_000,
      );
      assert.equal(await scalar(env, `select count(*) from buys where player_id = '${p.id}' and status = 'approved_purchase'`), 10);
      assert.equal(await scalar(env, `select count(*) - count(distinct player_version) from all_events where player_id = '${p.id}'`), 0);
      assert.equal(await scalar(env, `select min(player_wealth) from all_events where player_id = '${p.id}'`), 500);
      await verifyReplay(env);
      // The player as they were before the purchases, read back from Kafka.
      const past = await placeboRun(['replay', '--player', p.id, '--at', beforePurchases], env);
      assert.equal(past.code, 0, past.output);
      const shown = JSON.parse(past.output.slice(past.output.indexOf('{\n'))) as { state: { wealth: number; inventory: unknown[] } };
      assert.equal(shown.state.wealth, saber * 10 + 500);
      assert.deepEqual(shown.state.inventory, []);
    } finally {
      await stop(a, b, sink);
    }
  });

  it('an API process killed with SIGKILL under load loses no acknowledged command; after a restart replay equals every snapshot', async () => {
    const env = clusterEnv();
    const first = await startServer('api', env);
    const sink = placebo(['sink'], env);
    let second: Running | null = null;
    try {
      const players = await Promise.all(Array.from({ length: 16 }, () => newPlayer(first.url, 1_000_000)));
      const acknowledged: string[] = [];
      let failures = 0;
      const load = players.map(async (p) => {
        for (;;) {
          try {
            const r = await call(`${first.url}/v1/players/${p.id}/purchases`, 'POST', { kind: 'knife', type: 'dagger' }, p.token);
            if (r.status === 201) acknowledged.push(String(r.body.event_id));
          } catch {
            failures++;
            return;
          }
        }
      });
      await eventually('some acknowledged purchases', async () => (acknowledged.length >= 200 ? true : undefined), 60_000);
      first.child.kill('SIGKILL');
      await Promise.all(load);
      assert.ok(failures > 0, 'the kill cut requests off');
      second = await startServer('api', env);
      const ids = new Set(await landedEventIds(env, acknowledged.length + players.length * 2));
      const lost = acknowledged.filter((id) => !ids.has(id));
      assert.deepEqual(lost, [], `${lost.length} acknowledged purchases missing from all_events`);
      await verifyReplay(env);
      const dupes = await scalar(env, 'select count(*) - count(distinct concat(player_id, cast(player_version as varchar))) from all_events');
      assert.equal(dupes, 0);
    } finally {
      await stop(first, second, sink);
    }
  });

  it('Kafka stopped for 10 s under load: 503s (never 500, never a hang), nothing acknowledged lost, recovery without a restart', async () => {
    const env = { ...clusterEnv(), PLACEBO_KAFKA_TIMEOUT_MS: '3000' };
    const api = await startServer('api', env);
    const sink = placebo(['sink'], env);
    const stack = join(repoRoot(), 'deploy', 'local', 'stack.sh');
    let kafkaDown = false;
    try {
      const players = await Promise.all(Array.from({ length: 8 }, () => newPlayer(api.url, 1_000_000)));
      const replies: Array<Reply & { readonly phase: string }> = [];
      let phase = 'before';
      let running = true;
      const load = players.map(async (p) => {
        while (running) {
          const r = await call(`${api.url}/v1/players/${p.id}/purchases`, 'POST', { kind: 'knife', type: 'dagger' }, p.token);
          replies.push({ ...r, phase });
          if (r.status !== 201) await new Promise((res) => setTimeout(res, 50));
        }
      });
      await new Promise((r) => setTimeout(r, 2000));
      // The outage is for a sink that runs: it has joined its group and committed a first file before Kafka stops.
      await landedEventIds(env, 1);
      phase = 'down';
      kafkaDown = true;
      await run(stack, ['down', 'kafka']);
      await new Promise((r) => setTimeout(r, 10_000));
      await run(stack, ['up', 'kafka']);
      kafkaDown = false;
      phase = 'after';
      await eventually('purchases to succeed again', async () => (replies.some((r) => r.phase === 'after' && r.status === 201) ? true : undefined), 90_000);
      await new Promise((r) => setTimeout(r, 2000));
      running = false;
      await Promise.all(load);

      const statuses = new Set(replies.map((r) => r.status));
      assert.ok(
        [...statuses].every((s) => s === 201 || s === 503),
        `statuses: ${[...statuses].join(', ')}`,
      );
      assert.ok(
        replies.some((r) => r.phase === 'down' && r.status === 503),
        'the API answered 503 while Kafka was down',
      );
      const slowest = Math.max(...replies.map((r) => r.ms));
      assert.ok(slowest < 20_000, `a request took ${slowest} ms`);
      const acknowledged = replies.filter((r) => r.status === 201).map((r) => String(r.body.event_id));
      const ids = new Set(
        await landedEventIds(env, acknowledged.length + players.length * 2).catch((e: unknown) => {
          throw new Error(`${String(e)}\nsink output:\n${sink.output().slice(-4000)}`);
        }),
      );
      assert.deepEqual(
        acknowledged.filter((id) => !ids.has(id)),
        [],
      );
      await verifyReplay(env);
    } finally {
      if (kafkaDown) await run(stack, ['up', 'kafka']).catch(() => undefined);
      await stop(api, sink);
    }
  });
});
