import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import {
  analystTables,
  createCommandHandler,
  createDecider,
  parseFileName,
  portError,
  topicsOf,
  type CommandHandler,
  type ItemKind,
  type LakeStore,
  type LogRecord,
  type LogSource,
  type OffsetStore,
  type PlayerCommand,
  type RowFileEncoder,
  type StoredEvent,
  type TablePartition,
  type TableRegistry,
} from '@placebo/domain';
import {
  createDuckDbParquetEncoder,
  createParquetEncoder,
  createScryptHasher,
  cryptoIds,
  openEmbedded,
  systemClock,
  type Infrastructure,
} from '@placebo/adapters';
import { loadCatalogue } from '@placebo/testkit/domain';
import { createSink, type SinkOptions } from './sink.js';

const catalogue = loadCatalogue();
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
    const reg = await handler.register({ player_id: id, name: id as never, password: null, wealth: 2000, origin: 'seed' }, meta)();
    assert.ok(E.isRight(reg));
    for (let i = 0; i < perPlayer; i++) {
      const commands: PlayerCommand[] = [
        { type: 'BuyItem', kind: kinds[i % kinds.length]!, item_type: null, quantity: 1 as never, offer_id: null, client_cost: null },
        { type: 'JoinOrg', org_kind: 'team', org: 'team ABCD' as never, level: null, client_cost: null },
        { type: 'LeaveOrg', org_kind: 'team', org: 'team ABCD' as never },
        { type: 'Fight', enemy: 'goblin' as never, roll: (((i * 37) % 100) / 100) as never },
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

const noRegistry: TableRegistry = { register: () => TE.right(undefined) };

const sinkOver = (infra: Infrastructure, lake: LakeStore = infra.lake, offsets: OffsetStore = infra.offsets, flushRows = 10, more: Partial<SinkOptions> = {}) =>
  createSink({
    source: infra.log,
    offsets,
    lake,
    encoder: createParquetEncoder(),
    registry: noRegistry,
    tables: analystTables,
    consumer: 'test-sink',
    flushRows,
    batchSize: 10,
    flushMs: 60_000,
    logger: quiet,
    ...more,
  });

const everyEvent = async (infra: Infrastructure): Promise<StoredEvent[]> => {
  const all = await infra.log.read('all_events', 0, 0, 1_000_000)();
  assert.ok(E.isRight(all));
  return all.right.map((r) => r.event);
};

/** A log holding `events` in this order (copies included), one partition per topic, offsets shared like the embedded log's. */
const logOf = (events: ReadonlyArray<StoredEvent>): LogSource => {
  const records = (topic: LogRecord['topic']): LogRecord[] =>
    events.flatMap((event, offset) => (topicsOf(event.data).includes(topic) ? [{ topic, partition: 0, offset, event }] : []));
  return {
    partitions: () => TE.right([0]),
    read: (topic, _p, from, max) =>
      TE.right(
        records(topic)
          .filter((r) => r.offset >= from)
          .slice(0, max),
      ),
    end: () => TE.right(events.length),
  };
};

type Entry =
  | { readonly kind: 'register'; readonly partitions: ReadonlyArray<TablePartition> }
  | { readonly kind: 'publish'; readonly path: string }
  | { readonly kind: 'commit' };

/** Every publish, registration and offset commit of a sink, in order. */
const journal = (infra: Infrastructure) => {
  const entries: Entry[] = [];
  const registry: TableRegistry = {
    register: (partitions) => {
      entries.push({ kind: 'register', partitions });
      return TE.right(undefined);
    },
  };
  const lake: LakeStore = {
    ...infra.lake,
    publish: (path, bytes) => {
      entries.push({ kind: 'publish', path });
      return infra.lake.publish(path, bytes);
    },
  };
  const offsets: OffsetStore = {
    ...infra.offsets,
    commit: (c, t, p, next) => {
      entries.push({ kind: 'commit' });
      return infra.offsets.commit(c, t, p, next);
    },
  };
  return { entries, registry, lake, offsets };
};

const partitionOf = (p: { readonly table: string; readonly dt: string }): string => `${p.table}|${p.dt}`;

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

  const encoders: ReadonlyArray<readonly [string, () => { readonly encoder: RowFileEncoder; readonly close: () => void }]> = [
    ['parquetjs', () => ({ encoder: createParquetEncoder(), close: () => undefined })],
    [
      'duckdb',
      () => {
        const encoder = createDuckDbParquetEncoder();
        return { encoder, close: encoder.close };
      },
    ],
  ];
  for (const [name, encoderOf] of encoders) {
    it(`lands every event in every table it belongs to, and a second run adds nothing (${name} encoder)`, async () => {
      const want = await expected(infra);
      assert.ok(want.buys! > 0 && want.social! > 0 && want.fights! > 0);
      const made = encoderOf();
      const { encoder } = made;
      try {
        await sinkOver(infra, infra.lake, infra.offsets, 10, { encoder }).drain();
        assert.deepEqual(await counts(infra), want);
        const again = await sinkOver(infra, infra.lake, infra.offsets, 10, { encoder }).drain();
        assert.equal(again.rows, 0);
        assert.deepEqual(await counts(infra), want);
      } finally {
        made.close();
      }
    });
  }

  it('names each committed file after the log range it covers', async () => {
    await sinkOver(infra).drain();
    const files = await infra.lake.list('buys')();
    assert.ok(E.isRight(files) && files.right.length > 1);
    for (const f of files.right) assert.match(f, /^buys\/dt=\d{4}-\d{2}-\d{2}\/part-buy_events-0-\d+-\d+\.parquet$/);
  });

  // With DuckDB the files of a commit are published side by side: a failed one must not leave another landing later.
  for (const [name, encoderOf] of encoders) {
    it(`loses and doubles nothing when it crashes between publishes or between the last publish and the offset commit (${name} encoder)`, async () => {
      const want = await expected(infra);
      const made = encoderOf();
      const { encoder } = made;
      let crashes = 0;
      for (let round = 0; round < 200; round++) {
        // Even rounds fail the k-th publish of a run; odd rounds fail the offset commit that follows k publishes.
        const k = 1 + (round % 3);
        let published = 0;
        const lake: LakeStore = {
          ...infra.lake,
          publish: (p, b) => async () =>
            round % 2 === 0 && published + 1 === k ? E.left(portError('crash during publish', true)) : (published++, infra.lake.publish(p, b)()),
        };
        const offsets: OffsetStore = {
          ...infra.offsets,
          commit: (c, t, p, next) => async () =>
            round % 2 === 1 && published >= k ? E.left(portError('crash before commit', true)) : infra.offsets.commit(c, t, p, next)(),
        };
        try {
          await sinkOver(infra, lake, offsets, 10, { encoder }).drain();
          break;
        } catch {
          crashes++;
        }
      }
      made.close();
      assert.ok(crashes >= 10, `crashed ${crashes} times`);
      assert.deepEqual(await counts(infra), want);
      assert.equal((await sinkOver(infra).drain()).rows, 0);
      assert.deepEqual(await counts(infra), want);
    });
  }

  it('commits before the buffered rows reach flushBytes, whatever flushRows allows', async () => {
    const want = await expected(infra);
    const sizes: number[] = [];
    const encoder = createParquetEncoder();
    const measuring: RowFileEncoder = {
      extension: encoder.extension,
      encode: (columns, rows) => {
        sizes.push(rows.reduce((n, r) => n + Object.values(r).reduce<number>((m, v) => m + (typeof v === 'string' ? v.length : 8), 0), 0));
        return encoder.encode(columns, rows);
      },
    };
    const flushBytes = 20_000;
    const stats = await sinkOver(infra, infra.lake, infra.offsets, 1_000_000, { encoder: measuring, flushBytes }).drain();
    assert.deepEqual(await counts(infra), want);
    assert.ok(stats.files > 2 * analystTables.length, `${stats.files} files`);
    // At most one read batch (10 records, a few kB each) past the bound.
    for (const bytes of sizes) assert.ok(bytes < flushBytes + 40_000, `${bytes} bytes encoded at once`);
  });

  it('commits before the buffered records reach flushBytes when the encoder projects their JSON itself', async () => {
    const want = await expected(infra);
    const sizes: number[] = [];
    const duckdb = createDuckDbParquetEncoder();
    const measuring: RowFileEncoder = {
      extension: duckdb.extension,
      encode: () => assert.fail('rows are projected by the encoder'),
      encodeRecords: (table, records) => {
        sizes.push(records.reduce((n, r) => n + r.length, 0));
        return duckdb.encodeRecords(table, records);
      },
    };
    const flushBytes = 20_000;
    try {
      const stats = await sinkOver(infra, infra.lake, infra.offsets, 1_000_000, { encoder: measuring, flushBytes }).drain();
      assert.deepEqual(await counts(infra), want);
      assert.ok(stats.files > 2 * analystTables.length, `${stats.files} files`);
      // At most one read batch (10 records of about a kilobyte) past the bound.
      for (const bytes of sizes) assert.ok(bytes < flushBytes + 12_000, `${bytes} bytes of records encoded at once`);
    } finally {
      duckdb.close();
    }
  });

  it('registers the partitions of published files before committing their offset, and every listed partition at start', async () => {
    const run = journal(infra);
    await sinkOver(infra, run.lake, run.offsets, 10, { registry: run.registry }).drain();
    assert.deepEqual(run.entries[0], { kind: 'register', partitions: [] }, 'start: an empty lake has nothing to register');
    const registered = new Set<string>();
    const published = new Set<string>();
    let commits = 0;
    for (const e of run.entries) {
      if (e.kind === 'publish') published.add(partitionOf(parseFileName(e.path)!));
      else if (e.kind === 'register') {
        for (const p of e.partitions) {
          assert.ok(!registered.has(partitionOf(p)), `${partitionOf(p)} registered once by this process`);
          registered.add(partitionOf(p));
        }
      } else {
        commits++;
        for (const p of published) assert.ok(registered.has(p), `${p} registered before the offset commit`);
      }
    }
    assert.ok(commits > 1);
    assert.deepEqual([...registered].sort(), [...published].sort());

    const restart = journal(infra);
    await sinkOver(infra, restart.lake, restart.offsets, 10, { registry: restart.registry }).drain();
    const first = restart.entries[0];
    assert.ok(first?.kind === 'register');
    assert.deepEqual(first.partitions.map(partitionOf).sort(), [...published].sort());
  });

  it('commits no offset past files whose registration failed, and registers them after a restart', async () => {
    const want = await expected(infra);
    const registered = new Set<string>();
    let calls = 0;
    const failing: TableRegistry = {
      register: (partitions) => async () => {
        if (++calls === 3) return E.left(portError('metastore down', true));
        for (const p of partitions) registered.add(partitionOf(p));
        return E.right(undefined);
      },
    };
    await assert.rejects(sinkOver(infra, infra.lake, infra.offsets, 10, { registry: failing }).drain());
    await sinkOver(infra, infra.lake, infra.offsets, 10, { registry: failing }).drain();
    assert.deepEqual(await counts(infra), want);
    const files = await infra.lake.list('')();
    assert.ok(E.isRight(files));
    for (const f of files.right) {
      const r = parseFileName(f);
      if (r !== null) assert.ok(registered.has(partitionOf(r)), `${f} registered`);
    }
  });

  describe('duplicates (a record the log carries twice)', () => {
    /** A copy is dropped once in every topic that carries it. */
    const dropsFor = (copies: ReadonlyArray<StoredEvent>): number => copies.reduce((n, e) => n + topicsOf(e.data).length, 0);

    it('drops a copy that follows its original, copies of several events, and copies committed flushes later', async () => {
      const want = await expected(infra);
      const events = await everyEvent(infra);
      const players = [...new Set(events.map((e) => e.player_id))];
      const of = (p: number) => events.filter((e) => e.player_id === players[p]);
      const [a, b, c] = [of(0), of(1), of(2)];
      const withCopies: StoredEvent[] = [];
      const copies: StoredEvent[] = [];
      for (const e of events) {
        withCopies.push(e);
        // One event copied right after itself; a decision of three events re-produced after its last one.
        const copied = e === c[2] ? [e] : e === b[4] ? b.slice(2, 5) : [];
        withCopies.push(...copied);
        copies.push(...copied);
      }
      // The last events of a player, copied at the end of the log: many flushes after the originals were committed.
      withCopies.push(...a.slice(-2));
      copies.push(...a.slice(-2));
      const stats = await sinkOver(infra, infra.lake, infra.offsets, 10, { source: logOf(withCopies) }).drain();
      assert.deepEqual(await counts(infra), want);
      assert.equal(stats.duplicates, dropsFor(copies));
    });

    it('drops a copy of any age after a restart, also of players no longer in memory', async () => {
      const want = await expected(infra);
      const events = await everyEvent(infra);
      const players = [...new Set(events.map((e) => e.player_id))];
      const b = events.filter((e) => e.player_id === players[1]);
      // The oldest record of the log, and two of another player, copied after everything was committed.
      const copies = [events[0]!, ...b.slice(1, 3)];
      await sinkOver(infra, infra.lake, infra.offsets, 10, { source: logOf(events) }).drain();
      const again = await sinkOver(infra, infra.lake, infra.offsets, 10, { source: logOf([...events, ...copies]), dedupPlayers: 1 }).drain();
      assert.equal(again.duplicates, dropsFor(copies));
      assert.equal(again.rows, 0);
      assert.deepEqual(await counts(infra), want);
    });

    it('lands a later version of a player after a restart: only copies are dropped', async () => {
      const events = await everyEvent(infra);
      const last = events[events.length - 1]!;
      await sinkOver(infra, infra.lake, infra.offsets, 10, { source: logOf(events) }).drain();
      const next: StoredEvent = { ...last, event_id: `${last.event_id}-next`, player_version: last.player_version + 1 };
      const again = await sinkOver(infra, infra.lake, infra.offsets, 10, { source: logOf([...events, next]), dedupPlayers: 1 }).drain();
      assert.equal(again.duplicates, 0);
      assert.equal(again.rows, analystTables.filter((t) => t.project(next) !== null).length);
    });

    it('loses and doubles nothing with copies in the log when it crashes between publishes or before the offset commit', async () => {
      const want = await expected(infra);
      const events = await everyEvent(infra);
      const players = [...new Set(events.map((e) => e.player_id))];
      const a = events.filter((e) => e.player_id === players[0]);
      const source = logOf([...events.slice(0, events.length - 7), ...a.slice(-3), ...events.slice(events.length - 7)]);
      let crashes = 0;
      for (let round = 0; round < 100; round++) {
        const k = 1 + (round % 3);
        let published = 0;
        const lake: LakeStore = {
          ...infra.lake,
          publish: (p, b) => async () =>
            round % 2 === 0 && published + 1 === k ? E.left(portError('crash during publish', true)) : (published++, infra.lake.publish(p, b)()),
        };
        const offsets: OffsetStore = {
          ...infra.offsets,
          commit: (c, t, p, next) => async () =>
            round % 2 === 1 && published >= k ? E.left(portError('crash before commit', true)) : infra.offsets.commit(c, t, p, next)(),
        };
        try {
          await sinkOver(infra, lake, offsets, 10, { source }).drain();
          break;
        } catch {
          crashes++;
        }
      }
      assert.ok(crashes >= 10, `crashed ${crashes} times`);
      assert.deepEqual(await counts(infra), want);
    });
  });
});
