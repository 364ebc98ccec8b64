import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '@placebo/adapters';
import { eventually, missingLine, shellBlocks } from '@placebo/testkit/cli';

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** A process and its whole group (what it started in the background too), its output kept. */
const group = (script: string, env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string } => {
  const child = spawn('bash', ['--noprofile', '--norc', '-c', script], { cwd: repoRoot(), env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  return { child, output: () => out };
};

const stopGroup = async (child: ChildProcess | undefined): Promise<void> => {
  if (child?.pid === undefined) return;
  for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
    try {
      process.kill(-child.pid, signal);
    } catch {
      return; // the group is gone
    }
    await new Promise((r) => setTimeout(r, 3000));
  }
};

describe('README: its shell blocks pasted in order into one shell, against a fresh embedded install', function () {
  this.timeout(900_000);
  const readme = readFileSync(join(repoRoot(), 'README.md'), 'utf8');
  const blocks = shellBlocks(readme);
  const dir = mkdtempSync(join(tmpdir(), 'placebo-readme-'));
  const report = join(repoRoot(), 'report.html');
  const reportBefore = existsSync(report) ? readFileSync(report) : null;
  let env: NodeJS.ProcessEnv = {};
  let shell: ReturnType<typeof group> | undefined;
  const servers: ReturnType<typeof group>[] = [];

  before(async () => {
    // A fresh install: its own data folder and port (this machine may serve 8080 already) and cheap password hashing;
    // every other setting at the README's defaults, the log level too, as a newcomer's shell would have them.
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('PLACEBO_')));
    env = { ...inherited, PLACEBO_DATA_DIR: join(dir, 'data'), PLACEBO_PORT: String(await freePort()), PLACEBO_SCRYPT_COST: '1024' };
    // One shell, as a person pastes into one terminal: variables and background jobs carry from block to block.
    shell = group('exec bash --noprofile --norc', env);
  });
  after(async () => {
    await stopGroup(shell?.child);
    for (const s of servers) await stopGroup(s.child);
    if (reportBefore === null) rmSync(report, { force: true });
    else writeFileSync(report, reportBefore);
    rmSync(dir, { recursive: true, force: true });
  });

  it('has blocks to run, and marks only cluster blocks as not run here', () => {
    assert.ok(blocks.filter((b) => !b.clusterOnly).length >= 8);
    for (const b of blocks.filter((x) => x.clusterOnly)) assert.match(b.script, /stack:up|npm test|cluster|bench\//, `README line ${b.line}`);
  });

  for (const [i, block] of blocks.entries()) {
    if (block.clusterOnly) continue;
    it(`README line ${block.line}: ${block.script.split('\n')[0]}`, async () => {
      if (block.backgroundUntil !== null) {
        const server = group(block.script, env);
        servers.push(server);
        await eventually(`"${block.backgroundUntil}"`, async () => (server.output().includes(block.backgroundUntil ?? '') ? true : undefined), 300_000);
        return;
      }
      const sh = shell!;
      const file = join(dir, `block-${i}.sh`);
      writeFileSync(file, `${block.script}\n`);
      const from = sh.output().length;
      const done = `@@block ${i} exited `;
      sh.child.stdin?.write(`set -e -o pipefail; source ${file} 2>&1; set +e; echo "${done}$?"\n`);
      const code = await eventually(
        `block at line ${block.line}`,
        async () => {
          if (sh.child.exitCode !== null) return `shell exited ${sh.child.exitCode}`;
          return new RegExp(`${done}(\\d+)`).exec(sh.output().slice(from))?.[1];
        },
        600_000,
      );
      const output = sh.output().slice(from).split(done)[0] ?? '';
      assert.equal(code, '0', `README line ${block.line} failed:\n${output}`);
      const missing = missingLine(block.expected, output);
      assert.equal(missing, null, `README line ${block.line} did not print "${missing}"; it printed:\n${output}`);
    });
  }
});
