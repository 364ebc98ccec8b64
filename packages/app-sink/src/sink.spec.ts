import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import {
  analystTables,
  Catalogue,
  createCommandHandler,
  createDecider,
  portError,
  type CommandHandler,
  type ItemKind,
  type LakeStore,
  type OffsetStore,
  type PlayerCommand,
} from '@placebo/domain';
import { createParquetEncoder, createScryptHasher, cryptoIds, openEmbedded, systemClock, type Infrastructure } from '@placebo/adapters';
import { createSink } from './sink.js';

const catalogue = E.getOrElseW(() => assert.fail('catalogue'))(Catalogue.decode(JSON.parse(readFileSync('config/catalogue.json', 'utf8'))));
const quiet = { info: () => undefined, warn: () => undefined };
const meta = { command_id: null, request: { host: 'sink.test', user_agent: 'mocha', accept: '*/*' } };

const handlerFor = (infra: Infrastructure): CommandHandler =>
  createCommandHandler({
    decider: createDecider(catalogue),
    ...infra,
    clock: systemClock,
    ids: cryptoIds,
    hasher: createScryptHasher({ cost: 1024 }),
    sessionTtlSeconds: 60,
  });

const kinds: ItemKind[] = ['sword', 'spell', 'knife', 'potion', 'arrow'];

/** Players who register, buy (some refused), join and leave orgs and fight: every analyst table gets rows. */
const play = async (handler: CommandHandler, players: number, perPlayer: number): Promise<void> => {
  for (let p = 0; p < players; p++) {
    const id = `sinkp${p}-${Math.random().toString(36).slice(2, 8)}`;
    const reg = await handler.register({ player_id: id, name: id as never, password: null, wealth: 2000 }, meta)();
    assert.ok(E.isRight(reg));
    for (let i = 0; i < perPlayer; i++) {
      const commands: PlayerCommand[] = [
        { type: 'BuyItem', kind: kinds[i % kinds.length]!, item_type: null, quantity: 1 as never, offer_id: null, client_cost: null },
        { type: 'JoinOrg', org_kind: 'team', org: 'team ABCD' as never, level: null, client_cost: null },
        { type: 'LeaveOrg', org_kind: 'team', org: 'team ABCD' as never },
        { type: 'Fight', enemy: 'goblin' as never, roll: ((i * 37) % 100) / 100 as never },
      ];
      for (const c of commands) assert.ok(E.isRight(await handler.execute(id, c, meta)()));
    }
  }
};

const counts = async (infra: Infrastructure): Promise<Record<string, number>> => {
  const out: Record<string, number> = {};
  for (const t of analystTables) {
    const r = await infra.query.query(`select count(*), count(distinct event_id) from ${t.name}`)();
    assert.ok(E.isRight(r));
    const [n, distinct] = r.right.rows[0] as [number, number];
    assert.equal(n, distinct, `${t.name} has no duplicate event_id`);
    out[t.name] = n;
  }
  return out;
};

/** What the tables must hold: each event projected by the table definitions, straight from the log. */
const expected = async (infra: Infrastructure): Promise<Record<string, number>> => {
  const out: Record<string, number> = Object.fromEntries(analystTables.map((t) => [t.name, 0]));
  const all = await infra.log.read('all_events', 0, 0, 1_000_000)();
  assert.ok(E.isRight(all));
  for (const r of all.right) for (const t of analystTables) if (t.project(r.event) !== null) out[t.name]! += 1;
  return out;
};

const sinkOver = (infra: Infrastructure, lake: LakeStore = infra.lake, offsets: OffsetStore = infra.offsets, flushRows = 10) =>
  createSink({ source: infra.log, offsets, lake, encoder: createParquetEncoder(), tables: analystTables, consumer: 'test-sink', flushRows, batchSize: 10, flushMs: 60_000, logger: quiet });

describe('sink: log → Parquet lake, exactly once', () => {
  let dir: string;
  let infra: Infrastructure;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'placebo-sink-'));
    infra = openEmbedded({ dataDir: dir });
    await play(handlerFor(infra), 6, 5);
  });
  afterEach(async () => {
    await infra.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lands every event in every table it belongs to, and a second run adds nothing', async () => {
    const want = await expected(infra);
    assert.ok(want.buys! > 0 && want.social! > 0 && want.fights! > 0);
    await sinkOver(infra).drain();
    assert.deepEqual(await counts(infra), want);
    const again = await sinkOver(infra).drain();
    assert.equal(again.rows, 0);
    assert.deepEqual(await counts(infra), want);
  });

  it('names each committed file after the log range it covers', async () => {
    await sinkOver(infra).drain();
    const files = await infra.lake.list('buys')();
    assert.ok(E.isRight(files) && files.right.length > 1);
    for (const f of files.right) assert.match(f, /^buys\/dt=\d{4}-\d{2}-\d{2}\/part-buy_events-0-\d+-\d+\.parquet$/);
  });

  it('loses and doubles nothing when it crashes between publishes or between the last publish and the offset commit', async () => {
    const want = await expected(infra);
    let crashes = 0;
    for (let round = 0; round < 200; round++) {
      // Even rounds fail the k-th publish of a run; odd rounds fail the offset commit that follows k publishes.
      const k = 1 + (round % 3);
      let published = 0;
      const lake: LakeStore = {
        ...infra.lake,
        publish: (p, b) => async () => (round % 2 === 0 && published + 1 === k ? E.left(portError('crash during publish', true)) : (published++, infra.lake.publish(p, b)())),
      };
      const offsets: OffsetStore = {
        ...infra.offsets,
        commit: (c, t, p, next) => async () => (round % 2 === 1 && published >= k ? E.left(portError('crash before commit', true)) : infra.offsets.commit(c, t, p, next)()),
      };
      try {
        await sinkOver(infra, lake, offsets).drain();
        break;
      } catch {
        crashes++;
      }
    }
    assert.ok(crashes >= 10, `crashed ${crashes} times`);
    assert.deepEqual(await counts(infra), want);
    assert.equal((await sinkOver(infra).drain()).rows, 0);
    assert.deepEqual(await counts(infra), want);
  });
});
