import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { analystTables, analystViews, topics, type LogRecord, type LogSource, type Topic } from '@placebo/domain';
import { createDuckDbQueryEngine, openEmbedded } from '@placebo/adapters';
import { callJson, contractGet, placebo, placeboRun, startServer } from '@placebo/testkit/cli';

/** A small seeded generator (mulberry32), so a failing run can be repeated from the seed in its message. */
const seeded = (seed: number) => {
  let a = seed >>> 0;
  return (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const call = callJson;

const seedGet = async (url: string, host: string): Promise<number> => (await contractGet(url, host)).status;

/** Every record of a topic, through the log's read side, page by page. */
const readTopic = async (log: LogSource, topic: Topic): Promise<ReadonlyArray<LogRecord>> => {
  const partitions = await log.partitions(topic)();
  assert.ok(E.isRight(partitions));
  const all: LogRecord[] = [];
  for (const p of partitions.right) {
    for (let from = 0; ;) {
      const page = await log.read(topic, p, from, 5000)();
      assert.ok(E.isRight(page));
      if (page.right.length === 0) break;
      all.push(...page.right);
      from = page.right[page.right.length - 1]!.offset + 1;
    }
  }
  return all;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('sink killed with SIGKILL at random points while commands flow (embedded, real processes)', function () {
  this.timeout(300_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'placebo-sink-kills-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lands every log record in every table exactly once after 22 kills and a catch-up', async () => {
    const seed = Date.now();
    const random = seeded(seed);
    const why = (s: string) => `${s} (random seed ${seed})`;
    const env = {
      PLACEBO_DATA_DIR: dir,
      PLACEBO_SINK_FLUSH_MS: '100',
      PLACEBO_SINK_FLUSH_ROWS: '15',
      PLACEBO_SCRYPT_COST: '1024',
      PLACEBO_SEED_ROUTES: 'true',
      PLACEBO_RATE_IP_PER_MIN: '0',
    };
    const api = await startServer('api', env);
    let recorded = 0;
    // 503: the store was busy; the command may or may not have been written, and was not acknowledged.
    let unavailable = 0;
    let stop = false;
    let traffic: Promise<unknown> = Promise.resolve();
    const kills: number[] = [];
    let sink: ReturnType<typeof placebo> | null = null;
    let lastOutput = '';
    try {
      const players = await Promise.all(
        Array.from({ length: 6 }, async (_, p) => {
          const name = `kill-player-${p}`;
          assert.equal((await call(`${api.url}/v1/players`, 'POST', { name, password: 'a long password' })).status, 201);
          const login = await call(`${api.url}/v1/sessions`, 'POST', { name, password: 'a long password' });
          assert.equal(login.status, 201);
          return login.body as { token: string; player_id: string };
        }),
      );
      // Each player's own loop of purchases (some refused), joins, leaves, fights and seed-route calls, all at once.
      const actions = [
        (p: (typeof players)[number]) => call(`${api.url}/v1/players/${p.player_id}/purchases`, 'POST', { kind: 'knife', type: 'dagger' }, p.token),
        (p: (typeof players)[number]) => call(`${api.url}/v1/players/${p.player_id}/purchases`, 'POST', { kind: 'sword', type: 'saber' }, p.token),
        (p: (typeof players)[number]) => call(`${api.url}/v1/players/${p.player_id}/orgs`, 'POST', { kind: 'team', org: 'team BLAH' }, p.token),
        (p: (typeof players)[number]) => call(`${api.url}/v1/players/${p.player_id}/orgs/team/${encodeURIComponent('team BLAH')}`, 'DELETE', {}, p.token),
        (p: (typeof players)[number]) => call(`${api.url}/v1/players/${p.player_id}/orgs`, 'POST', { kind: 'guild', org: 'soldiers' }, p.token),
        (p: (typeof players)[number]) => call(`${api.url}/v1/players/${p.player_id}/fights`, 'POST', { enemy: 'goblin' }, p.token),
        (p: (typeof players)[number]) => call(`${api.url}/v1/players/${p.player_id}/purchases`, 'POST', { kind: 'potion' }, p.token),
        (p: (typeof players)[number]) =>
          seedGet(`${api.url}/purchase_a_knife`, `${p.player_id}.example`).then((status) => ({ status, body: {} as Record<string, unknown> })),
      ];
      traffic = Promise.all(
        players.map(async (p, i) => {
          for (let n = i; !stop; n++) {
            const r = await actions[n % actions.length]!(p);
            // Of the refusals only 402 (no funds) is a fact in the log; joining twice, leaving a team one is not in,
            // or fighting with no health left changes nothing and records nothing.
            assert.ok(
              [200, 201, 402, 503].includes(r.status) || ['already_member', 'not_a_member', 'player_exhausted'].includes(String(r.body.error)),
              JSON.stringify(r),
            );
            if (r.status < 300 || r.status === 402) recorded++;
            if (r.status === 503) unavailable++;
            // Paced (~40 commands/s in all) so a sink that lives a second can commit some of it before its kill.
            await sleep(100 + random() * 100);
          }
        }),
      );
      for (let round = 0; round < 22; round++) {
        sink = placebo(['sink'], env);
        const delay = 100 + Math.floor(random() * 1400);
        await Promise.race([sleep(delay), traffic]);
        assert.equal(sink.child.exitCode, null, why(`sink ${round} ended by itself before its kill:\n${sink.output()}`));
        sink.child.kill('SIGKILL');
        await sink.exited;
        lastOutput = sink.output();
        kills.push(delay);
        sink = null;
      }
    } finally {
      sink?.child.kill('SIGKILL');
      stop = true;
      await traffic.catch(() => undefined);
      api.child.kill('SIGTERM');
      await api.exited;
    }
    await traffic;
    assert.equal(kills.length, 22);
    assert.ok(recorded > 200, why(`enough traffic during the kills (${recorded} events)`));
    const committedBeforeCatchUp = readdirSync(join(dir, 'lake'), { recursive: true }).filter((f) => String(f).endsWith('.parquet')).length;
    assert.ok(committedBeforeCatchUp > 0, why(`the killed sinks committed files between kills; the last one said:\n${lastOutput}`));

    process.stderr.write(
      `sink kills: seed ${seed}, delays ${kills.join(' ')} ms; ${recorded} events acknowledged, ${unavailable} answered 503; ${committedBeforeCatchUp} files committed before the catch-up\n`,
    );
    const done = await placeboRun(['sink', '--catch-up'], env);
    assert.equal(done.code, 0, done.output);
    const infra = openEmbedded({ dataDir: dir });
    const engine = createDuckDbQueryEngine({ root: join(dir, 'lake'), tables: analystTables, views: analystViews });
    const scalar = async (sql: string): Promise<number> => {
      const r = await engine.query(sql)();
      if (E.isLeft(r)) throw new Error(r.left.message);
      return Number(r.right.rows[0]?.[0]);
    };
    try {
      const log = new Map<Topic, ReadonlyArray<LogRecord>>();
      for (const t of topics) log.set(t, await readTopic(infra.log, t));
      const events = log.get('all_events')!;
      const logged = events.filter((r) => r.event.event_type !== 'PlayerRegistered' && r.event.event_type !== 'LoggedIn').length;
      assert.ok(
        logged >= recorded && logged <= recorded + unavailable,
        why(`every acknowledged command is in the log: ${logged} events, ${recorded} acknowledged, ${unavailable} answered 503`),
      );
      // Writers take SQLite's write lock up front (BEGIN IMMEDIATE), so a sink writing offsets never makes a command fail.
      assert.equal(
        unavailable,
        0,
        why(`no command answered 503 while the sink was killed (${unavailable} of ${recorded + unavailable}):\n${api.output().slice(-2000)}`),
      );
      for (const t of analystTables) {
        const source = log.get(t.source)!;
        const want = source.filter((r) => t.project(r.event) !== null).length;
        // Tables fed by their own topic take every record of it; fights take the fights of all_events.
        if (t.source !== 'all_events' || t.name === 'all_events') assert.equal(want, source.length, `${t.name}: every ${t.source} record belongs`);
        assert.ok(want > 0, `${t.name}: some rows`);
        assert.equal(await scalar(`select count(*) from ${t.name}`), want, why(`${t.name}: every ${t.source} record once`));
        assert.equal(await scalar(`select count(distinct event_id) from ${t.name}`), want, why(`${t.name}: no record twice`));
        assert.equal(
          await scalar(`select count(*) from (select distinct player_id, player_version from ${t.name})`),
          want,
          why(`${t.name}: no player version twice`),
        );
      }
    } finally {
      await engine.close();
      await infra.close();
    }
  });
});
