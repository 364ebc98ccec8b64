import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '@placebo/adapters';
import { startServer, stop } from '@placebo/testkit/cli';
import { commands } from './cli.js';

const bin = join(repoRoot(), 'packages', 'cli', 'bin', 'placebo.js');

describe('placebo on the command line (real processes)', function () {
  this.timeout(120_000);
  let dir = '';
  const run = (args: ReadonlyArray<string>, env: Record<string, string> = {}) => {
    const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, env: { ...process.env, PLACEBO_DATA_DIR: join(dir, 'data'), ...env }, encoding: 'utf8' });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'placebo-cli-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('placebo --help lists every command on stdout and exits 0', () => {
    for (const flag of ['--help', '-h', 'help']) {
      const r = run([flag]);
      assert.equal(r.code, 0, r.stderr);
      for (const c of commands) assert.ok(r.stdout.includes(c.usage), `${flag}: ${c.name}`);
    }
  });

  for (const name of [...new Set(commands.map((c) => c.name))]) {
    it(`placebo ${name} --help prints its usage, exits 0 and changes nothing on disk`, () => {
      for (const args of [[name, '--help'], [name, '-h'], [name, '--verify', '--help'].filter((a) => name === 'replay' || a !== '--verify')]) {
        const r = run(args);
        assert.equal(r.code, 0, r.stderr);
        assert.ok(r.stdout.startsWith(`usage: placebo ${name}`), r.stdout);
        for (const c of commands.filter((x) => x.name === name)) assert.ok(r.stdout.includes(c.usage), r.stdout);
        assert.equal(r.stderr, '');
        assert.deepEqual(readdirSync(dir), [], `${args.join(' ')} wrote ${readdirSync(dir).join(', ')}`);
      }
    });
  }

  const mistakes: ReadonlyArray<readonly [ReadonlyArray<string>, RegExp]> = [
    [['replya'], /^placebo: unknown command "replya" — did you mean replay\?/],
    [['stat'], /unknown command "stat" — did you mean start\?/],
    [['exportstate'], /did you mean export-state\?/],
    [['frobnicate'], /^placebo: unknown command "frobnicate" \(placebo --help lists them\)/],
    [['replay', '--verfy'], /^placebo replay: unknown option --verfy — did you mean --verify\?/],
    [['replay', '--player', 'x', '--att', 'now'], /unknown option --att — did you mean --at\?/],
    [['sink', '--catchup'], /unknown option --catchup — did you mean --catch-up\?/],
    [['query', '--jsn', 'select 1'], /unknown option --jsn — did you mean --json\?/],
    [['query', '--fromat', 'csv', 'select 1'], /unknown option --fromat — did you mean --format\?/],
    [['compact', '--older-than-day', '2'], /did you mean --older-than-days\?/],
    [['simulate', '--player', '3'], /unknown option --player — did you mean --players\?/],
    [['report', '--output', 'x.html'], /unknown option --output — did you mean --out\?/],
    [['export-state', '--now'], /^placebo export-state: unknown option --now/],
    [['api', 'extra'], /unknown argument "extra"; api takes options only/],
    [['replay', '--at', '2026-11-23'], /--at goes with\n\s+replay --player ID/],
    [['replay', '--player'], /--player wants a value/],
    [['replay', '--player', 'p', '--at', 'yesterday'], /--at "yesterday" is not a time: write ISO-8601 with a zone/],
    [['replay', '--player', 'p', '--at', '2026-11-23T12:00'], /is not a time/],
    [['query', '--format', 'xml', 'select 1'], /--format wants one of table, csv, json/],
    [['compact', '--older-than-days', 'two'], /--older-than-days takes a whole number/],
    [['simulate', '--players', '0'], /--players wants a whole number of at least 1/],
    [['simulate', '--url', 'ftp://x'], /--url wants an http:\/\/ URL/],
  ];
  for (const [args, message] of mistakes) {
    it(`placebo ${args.join(' ')}: exits 2 with one line naming the fix`, () => {
      const r = run(args);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, message);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'a stack trace');
      assert.equal(r.stdout, '');
      assert.deepEqual(readdirSync(dir), []);
    });
  }

  it('refuses a setting out of what the README promises, and names unknown PLACEBO_* variables', () => {
    const bad = run(['query', 'select 1'], { PLACEBO_SCRYPT_COST: '3000', PLACEBO_PORT: '70000', PLACEBO_SEED_ROUTES: 'yes' });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /PLACEBO_SCRYPT_COST: expected power of two 1024…1048576, got "3000"/);
    assert.match(bad.stderr, /PLACEBO_PORT: expected integer 0…65535/);
    assert.match(bad.stderr, /PLACEBO_SEED_ROUTES: expected true\|false/);
    const typo = run(['query', '--format', 'csv', 'select 1 as one'], { PLACEBO_PROT: '9000', PLACEBO_STACK_DIR: '/tmp/x' });
    assert.equal(typo.code, 0, typo.stderr);
    assert.equal(typo.stdout, 'one\n1\n');
    assert.match(typo.stderr, /warning: PLACEBO_PROT is not a setting — did you mean PLACEBO_PORT\?/);
    assert.doesNotMatch(typo.stderr, /PLACEBO_STACK_DIR/);
  });

  it('says in one line that the port is in use, and that the API or the stack does not answer', async () => {
    const { createServer } = await import('node:net');
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', () => r()));
    const port = (taken.address() as { port: number }).port;
    try {
      const { spawn } = await import('node:child_process');
      const child = spawn(process.execPath, [bin, 'api'], {
        cwd: dir,
        env: { ...process.env, PLACEBO_DATA_DIR: join(dir, 'data'), PLACEBO_PORT: String(port), PLACEBO_SCRYPT_COST: '1024' },
      });
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const code = await new Promise((r) => child.on('exit', r));
      assert.equal(code, 1);
      assert.match(err, new RegExp(`placebo: port 127.0.0.1:${port} is in use by another process — stop it, or set PLACEBO_PORT`));
      assert.doesNotMatch(err, /\n\s+at /);
    } finally {
      taken.close();
    }
    const unreachable = run(['simulate', '--players', '1', '--commands', '1', '--url', `http://127.0.0.1:${port}`]);
    assert.equal(unreachable.code, 1);
    assert.match(unreachable.stderr, /simulate: cannot reach the API at http:\/\/127.0.0.1:\d+ .*give its address with --url/);
    const down = run(['query', 'select 1'], {
      PLACEBO_MODE: 'cluster',
      PLACEBO_REDIS_URL: `redis://127.0.0.1:${port}/0`,
      PLACEBO_KAFKA_BROKERS: `127.0.0.1:${port}`,
      PLACEBO_LOG_LEVEL: 'error',
    });
    assert.equal(down.code, 1);
    assert.match(down.stderr, /^placebo: the cluster stack does not answer .* start it with `npm run stack:up`/m);
    assert.doesNotMatch(down.stderr, /\n\s+at /);
  });

  it('says in one line that sink --catch-up cannot work while another sink holds the partitions', async () => {
    const env = { PLACEBO_DATA_DIR: join(dir, 'held-data'), PLACEBO_SINK_LEASE_MS: '1000', PLACEBO_SCRYPT_COST: '1024' };
    const server = await startServer('start', env);
    try {
      const r = run(['sink', '--catch-up'], env);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /^placebo: another sink holds the log's partitions .* stop it first to catch up here\n$/);
    } finally {
      await stop(server);
    }
  });

  it('says the lake is empty and what fills it: report refuses, query answers with a note', () => {
    const env = { ...process.env, PLACEBO_DATA_DIR: join(dir, 'empty-data') };
    const report = spawnSync(process.execPath, [bin, 'report', '--out', join(dir, 'r.html')], { cwd: dir, env, encoding: 'utf8' });
    assert.equal(report.status, 1);
    assert.match(report.stderr, /^report: nothing to chart: the lake holds no event yet .* run placebo sink --catch-up\n$/);
    const query = spawnSync(process.execPath, [bin, 'query', '--format', 'csv', 'select count(*) as n from buys'], { cwd: dir, env, encoding: 'utf8' });
    assert.equal(query.status, 0);
    assert.equal(query.stdout, 'n\n0\n');
    assert.match(query.stderr, /^query: note: the lake holds no event yet/);
  });

  it('query without SQL reads statements and dot commands from its input', () => {
    const r = spawnSync(process.execPath, [bin, 'query', '--format', 'csv'], {
      cwd: dir,
      env: { ...process.env, PLACEBO_DATA_DIR: join(dir, 'shell-data') },
      input: '.tables\n.schema buys\nselect 40 +\n 2 as answer;\n.nope\n',
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /all_events\s+\| table/);
    assert.match(r.stdout, /guild_membership\s+\| view/);
    assert.match(r.stdout, /player_wealth\s+\| double/);
    assert.match(r.stdout, /answer\n42\n/);
    assert.match(r.stdout, /unknown command \.nope; \.help lists them/);
    const failing = spawnSync(process.execPath, [bin, 'query'], {
      cwd: dir,
      env: { ...process.env, PLACEBO_DATA_DIR: join(dir, 'shell-data') },
      input: 'select nope;\n',
      encoding: 'utf8',
    });
    assert.equal(failing.status, 1);
    assert.match(failing.stderr, /query failed: .*nope/);
  });
});
