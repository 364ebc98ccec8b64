// HTTP load, side by side: a bare Koa + @koa/router JSON route (the ceiling), then the Placebo API (`placebo api`)
// in embedded and in cluster mode, each in its own child process. The load is the /v1 command path: purchases by many
// registered, logged-in players, each request with its own player, bearer token and Idempotency-Key. Then a history
// check: the latency of a purchase for a player with 10 events vs players with 10,000 (snapshots should keep it flat).
// Prints markdown tables on stdout; progress goes to stderr. Exits 1 when a mode fails.
//
// Usage: npx tsc -b && node bench/http.mjs [--modes koa,embedded,cluster,cluster-kafkajs,cluster-confluent,cluster-multi,cluster-multi-wait] [--duration 15] [--connections 50]
//          [--players 1000] [--history 10000] [--samples 200] [--workers 1] [--keep] [--cpu-prof DIR]
// --workers N runs Placebo with PLACEBO_API_WORKERS=N (CPU and RSS then count the whole process tree).
// --cpu-prof DIR writes a V8 CPU profile of each Placebo server under DIR/<mode>/ (summarise: bench/profileSummary.mjs).
// Cluster mode needs the local stack (deploy/local/stack.sh up) and takes its URLs from the PLACEBO_* environment;
// Redis keys and Kafka topics go under a prefix unique to the run and are removed afterwards (unless --keep).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { checkNotEmbedded, checkRedisKeys, cleanupCluster, clusterModeEnv, clusterPrefixes, isClusterMode as isCluster } from './lib/clusterRun.mjs';
import { benchMain, serveBareKoa } from './lib/bareKoa.mjs';
import { inParallel } from './lib/modes.mjs';
import { listOption, log, parseOptions, percentile } from './lib/options.mjs';
import { call, cpuSeconds, rssSampler, startChild } from './lib/servers.mjs';
import { report } from './lib/httpReport.mjs';

const self = fileURLToPath(import.meta.url);
const placeboBin = fileURLToPath(new URL('../packages/cli/bin/placebo.js', import.meta.url));
const kinds = ['sword', 'spell', 'knife', 'armor', 'bow', 'arrow', 'potion'];
const items = [
  ['sword', 'cutlass'],
  ['knife', 'dagger'],
  ['arrow', 'arrow'],
  ['potion', 'potion'],
  ['bow', 'shortbow'],
  ['armor', 'leather'],
  ['spell', 'fireball'],
];
const wealth = 1_000_000_000;
const password = 'bench-password';

const parseArgs = (argv) => {
  const { o, int } = parseOptions(
    argv,
    { modes: 'koa,embedded,cluster', duration: '15', connections: '50', players: '1000', history: '10000', samples: '200', workers: '1', 'cpu-prof': '' },
    ['keep', 'serve-koa'],
  );
  return {
    ...o,
    modes: listOption('modes', o.modes, ['koa', 'embedded', 'cluster', 'cluster-kafkajs', 'cluster-confluent', 'cluster-multi', 'cluster-multi-wait']),
    duration: int('duration', 1),
    connections: int('connections', 1),
    players: int('players', 1),
    history: int('history', 0),
    samples: int('samples', 1),
    workers: int('workers', 1),
  };
};

// The ceiling: what Koa and @koa/router cost for the same request, with body parsing and validation and no Placebo.
const serveKoa = () => {
  const readJson = (req, limit) =>
    new Promise((resolve, reject) => {
      const chunks = [];
      let size = 0;
      req.on('data', (c) => {
        size += c.length;
        if (size <= limit) chunks.push(c);
      });
      req.on('end', () => (size > limit ? reject(new Error('too large')) : resolve(Buffer.concat(chunks).toString('utf8'))));
      req.on('error', reject);
    });
  const bad = (ctx, path, message) => {
    ctx.status = 400;
    ctx.body = { error: 'validation_failed', details: [{ path, message }] };
  };
  return serveBareKoa((router) =>
    router.post('/v1/players/:id/purchases', async (ctx) => {
      let body;
      try {
        body = JSON.parse(await readJson(ctx.req, 65_536));
      } catch {
        return bad(ctx, '', 'not JSON');
      }
      if (body === null || typeof body !== 'object') return bad(ctx, '', 'not an object');
      if (!kinds.includes(body.kind)) return bad(ctx, 'kind', 'unknown kind');
      if (body.type !== undefined && (typeof body.type !== 'string' || body.type.length < 1 || body.type.length > 64))
        return bad(ctx, 'type', '1-64 characters');
      const quantity = body.quantity ?? 1;
      if (!Number.isInteger(quantity) || quantity < 1 || quantity > 100) return bad(ctx, 'quantity', '1-100');
      ctx.status = 201;
      ctx.body = { status: 'approved_purchase', player_id: ctx.params.id, kind: body.kind, type: body.type ?? null, quantity };
    }),
  );
};

/** /v1 players start with the catalogue's wealth: a copy of the catalogue that starts them rich. */
const richCatalogue = (dir) => {
  const path = join(dir, 'catalogue.json');
  const c = JSON.parse(readFileSync(new URL('../config/catalogue.json', import.meta.url), 'utf8'));
  writeFileSync(path, JSON.stringify({ ...c, limits: { ...c.limits, starting_wealth: wealth } }));
  return path;
};

const register = async (url, name) => {
  const { player_id } = await call(url, 'POST', '/v1/players', { name, password });
  const { token } = await call(url, 'POST', '/v1/sessions', { name, password });
  return { id: player_id, token };
};

const purchaseLoad = (url, players, opts, keyPrefix) => {
  let n = 0;
  return autocannon({
    url,
    connections: opts.connections,
    duration: opts.duration,
    requests: [
      {
        setupRequest: (req) => {
          const i = n++;
          const p = players[i % players.length];
          const [kind, type] = items[i % items.length];
          return {
            ...req,
            method: 'POST',
            path: `/v1/players/${p.id}/purchases`,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${p.token}`, 'idempotency-key': `${keyPrefix}-${i}` },
            body: JSON.stringify({ kind, type }),
          };
        },
      },
    ],
  });
};

/** Drives one player to `events` events with GET /v1/players/:id (each records ProfileViewed and leaves the state as is) or with purchases. */
const buildHistory = async (url, p, events, how, keyPrefix) => {
  let version = (await call(url, 'GET', `/v1/players/${p.id}`, undefined, p.token)).version;
  let n = 0;
  while (version < events) {
    const amount = events - version;
    await autocannon({
      url,
      connections: 1,
      amount,
      requests: [
        {
          setupRequest: (req) =>
            how === 'views'
              ? { ...req, method: 'GET', path: `/v1/players/${p.id}`, headers: { authorization: `Bearer ${p.token}` } }
              : {
                  ...req,
                  method: 'POST',
                  path: `/v1/players/${p.id}/purchases`,
                  headers: { 'content-type': 'application/json', authorization: `Bearer ${p.token}`, 'idempotency-key': `${keyPrefix}-${n++}` },
                  body: '{"kind":"arrow"}',
                },
        },
      ],
    });
    version = (await call(url, 'GET', `/v1/players/${p.id}`, undefined, p.token)).version;
  }
  return version;
};

const historyCheck = async (url, opts, runId) => {
  const cases = [
    { label: '10 events', events: 10, how: 'views' },
    { label: `${opts.history} events (profile views: state stays small)`, events: opts.history, how: 'views' },
    { label: `${opts.history} events (purchases: ${opts.history} inventory items)`, events: opts.history, how: 'purchases' },
  ];
  for (const [i, c] of cases.entries()) {
    c.player = await register(url, `h${runId}x${i}`);
    log(`history: building ${c.label}`);
    c.before = await buildHistory(url, c.player, c.events, c.how, `${runId}-build${i}`);
    c.items = (await call(url, 'GET', `/v1/players/${c.player.id}`, undefined, c.player.token)).inventory.reduce((n, i) => n + i.quantity, 0);
    c.ms = [];
    c.noKey = [];
  }
  // Each round times one purchase per player with an Idempotency-Key (the load's request) and one without (which
  // skips the handler's lookup of earlier results), so a cost that grows with history shows where it comes from.
  log(`history: timing ${opts.samples} + ${opts.samples} purchases per player (with and without Idempotency-Key), one at a time`);
  const time = async (f) => {
    const t0 = performance.now();
    await f();
    return performance.now() - t0;
  };
  for (let s = -20; s < opts.samples; s++) {
    for (const [i, c] of cases.entries()) {
      const path = `/v1/players/${c.player.id}/purchases`;
      const withKey = await time(() => call(url, 'POST', path, { kind: 'arrow' }, c.player.token, `${runId}-h${i}-${s + 20}`));
      const withoutKey = await time(() => call(url, 'POST', path, { kind: 'arrow' }, c.player.token));
      if (s >= 0) {
        c.ms.push(withKey);
        c.noKey.push(withoutKey);
      }
    }
  }
  const stats = (xs) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), mean: sorted.reduce((a, b) => a + b, 0) / sorted.length };
  };
  return cases.map((c) => ({ label: c.label, before: c.before, items: c.items, ...stats(c.ms), noKey: stats(c.noKey) }));
};

/** The API's environment for one mode (bare Koa needs none). */
const apiEnv = (mode, opts, dataDir, { redisPrefix, topicPrefix }) =>
  mode === 'koa'
    ? {}
    : {
        PLACEBO_MODE: isCluster(mode) ? 'cluster' : mode,
        PLACEBO_DATA_DIR: dataDir,
        PLACEBO_HOST: '127.0.0.1',
        PLACEBO_PORT: '0',
        PLACEBO_LOG_LEVEL: 'warn',
        // Registration and login hash passwords; the bench measures purchases, so the cheapest allowed cost.
        PLACEBO_SCRYPT_COST: '1024',
        PLACEBO_API_WORKERS: String(opts.workers),
        PLACEBO_CATALOGUE: richCatalogue(dataDir),
        // One load generator on one address: the per-address budgets would measure the limit, not the API.
        PLACEBO_RATE_IP_PER_MIN: '0',
        PLACEBO_RATE_AUTH_IP_PER_MIN: '0',
        ...(isCluster(mode) ? { PLACEBO_REDIS_PREFIX: redisPrefix, PLACEBO_TOPIC_PREFIX: topicPrefix, ...clusterModeEnv(mode) } : {}),
      };

/** The players the load buys for: made up for bare Koa, registered and logged in otherwise. */
const benchPlayers = async (mode, server, opts, runId, redisPrefix, env) => {
  if (mode === 'koa') return Array.from({ length: opts.players }, (_, i) => ({ id: `p${i}`, token: 'none' }));
  log(`${mode}: registering and logging in ${opts.players} players`);
  const players = await inParallel(opts.players, 8, (i) => register(server.url, `b${runId}p${i}`));
  if (isCluster(mode)) await checkRedisKeys(redisPrefix, env);
  return players;
};

const loadResult = (mode, env, r, cpu, peak) => ({
  rps: r.requests.total / r.duration,
  p50: r.latency.p50,
  p99: r.latency.p99,
  total: r.requests.total,
  ok: r['2xx'],
  non2xx: r.non2xx,
  errors: r.errors + r.timeouts,
  statuses: Object.keys(r.statusCodeStats ?? {}).join(' '),
  peakRss: peak,
  cpuPerRequest: (cpu / r.requests.total) * 1e6,
  cpuShare: cpu / r.duration,
  kafkaClient: isCluster(mode) ? env.PLACEBO_KAFKA_CLIENT : undefined,
});

/** Adds to `result` what the players' inventories recorded, and the history check when asked for. */
const checkRecorded = async (mode, server, players, opts, runId, result) => {
  // Every 2xx is a durable purchase: the players' inventories hold at least that many items (requests still in
  // flight when the load stopped may add up to one per connection).
  const inventories = await inParallel(players.length, 8, async (i) =>
    (await call(server.url, 'GET', `/v1/players/${players[i].id}`, undefined, players[i].token)).inventory.reduce((n, e) => n + e.quantity, 0),
  );
  result.recorded = inventories.reduce((a, b) => a + b, 0);
  if (result.recorded < result.ok || result.recorded > result.ok + opts.connections) {
    log(`${mode}: WARNING ${result.ok} purchases answered 2xx but ${result.recorded} recorded`);
  }
  if (opts.history > 0) result.history = await historyCheck(server.url, opts, runId);
};

const runMode = async (mode, opts, runId) => {
  const dataDir = mkdtempSync(join(tmpdir(), `placebo-bench-${mode}-`));
  const { redisPrefix, topicPrefix } = clusterPrefixes(`${runId}${mode === 'cluster' ? '' : mode.replace(/^cluster-?/, '-')}`);
  const env = apiEnv(mode, opts, dataDir, { redisPrefix, topicPrefix });
  log(`${mode}: starting`);
  let server;
  let rss;
  try {
    const profile = opts['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${join(opts['cpu-prof'], mode)}`] : [];
    server = await startChild(mode, mode === 'koa' ? [...profile, self, '--serve-koa'] : [...profile, placeboBin, 'api'], env);
    rss = rssSampler(server.child.pid);
    if (isCluster(mode)) checkNotEmbedded(dataDir);
    const players = await benchPlayers(mode, server, opts, runId, redisPrefix, env);
    log(`${mode}: ${opts.connections} connections for ${opts.duration} s`);
    rss.reset();
    const cpuBefore = cpuSeconds(server.child.pid);
    const r = await purchaseLoad(server.url, players, opts, `${runId}-${mode}`);
    const cpu = cpuSeconds(server.child.pid) - cpuBefore;
    const result = loadResult(mode, env, r, cpu, rss.peak());
    if (mode !== 'koa') await checkRecorded(mode, server, players, opts, runId, result);
    result.peakRssAll = rss.peak();
    return result;
  } finally {
    rss?.stop();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    if (isCluster(mode) && !opts.keep) await cleanupCluster(redisPrefix, topicPrefix, env).catch((e) => log(`cluster: cleanup failed: ${e.message}`));
  }
};

await benchMain({ parseArgs, serveKoa, runMode, report: (opts, results) => report(opts, results, wealth) });
