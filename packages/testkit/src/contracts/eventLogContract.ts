import assert from 'node:assert/strict';
import * as E from 'fp-ts/lib/Either.js';
import {
  initialState,
  type EventLog,
  type ItemKind,
  type LogRecord,
  type LogSource,
  type PlayerEvent,
  type PlayerState,
  type SnapshotStore,
  type Topic,
} from '@placebo/domain';
import { storedEvent, unique } from './fixtures.js';

export interface EventLogHarness<L extends EventLog = EventLog & LogSource> {
  readonly log: L;
  /** The snapshots the log stores with its appends. */
  readonly snapshots: SnapshotStore;
  readonly close: () => Promise<void>;
}

const ok = async <A>(te: () => Promise<E.Either<unknown, A>>): Promise<A> => {
  const r = await te();
  if (E.isLeft(r)) assert.fail(`expected Right, got ${JSON.stringify(r.left)}`);
  return r.right;
};

const purchase = {
  type: 'ItemPurchased',
  kind: 'sword' as ItemKind,
  item_type: 'cutlass',
  quantity: 1,
  unit_price: 5,
  discount: 0,
  cost: 5,
  offer_id: null,
  pricing: 'catalogue',
  heal: 0,
} as unknown as PlayerEvent;

/** The harness `open` makes, filled in by a `before` hook and closed by an `after` hook of the current suite. */
const opened = <H extends { readonly close: () => Promise<void> }>(open: () => Promise<H>): H => {
  const h = {} as H;
  before(async () => {
    Object.assign(h, await open());
  });
  after(async () => h.close());
  return h;
};

/** The guarantees every EventLog + LogSource gives, whatever the technology behind it. */
export const eventLogContract = (name: string, open: () => Promise<EventLogHarness>): void => {
  describe(`EventLog contract: ${name}`, () => {
    const h = opened(open);
    appendGuarantees(h);
    sourceGuarantees(h);
  });
};

/** The EventLog guarantees alone, for a log that serves no topics to readers (the in-memory fake). */
export const appendOnlyLogContract = (name: string, open: () => Promise<EventLogHarness<EventLog>>): void => {
  describe(`EventLog contract: ${name}`, () => appendGuarantees(opened(open)));
};

const appendGuarantees = (h: EventLogHarness<EventLog>): void => {
  it('appends at the expected version and reads the player back in version order', async () => {
    const p = unique('p');
    await ok(h.log.append(p, 0, [storedEvent(p, 1), storedEvent(p, 2)]));
    await ok(h.log.append(p, 2, [storedEvent(p, 3)]));
    const all = await ok(h.log.readPlayer(p, 0));
    assert.deepEqual(
      all.map((e) => e.player_version),
      [1, 2, 3],
    );
    assert.deepEqual(
      (await ok(h.log.readPlayer(p, 2))).map((e) => e.player_version),
      [3],
    );
  });

  it('refuses an append at a stale version and stores none of its events', async () => {
    const p = unique('p');
    await ok(h.log.append(p, 0, [storedEvent(p, 1)]));
    const stale = await h.log.append(p, 0, [storedEvent(p, 1), storedEvent(p, 2)])();
    assert.ok(E.isLeft(stale));
    assert.equal(stale.left._tag, 'VersionConflict');
    assert.equal((await ok(h.log.readPlayer(p, 0))).length, 1);
  });

  it('lets exactly one of many concurrent appends at the same version win', async () => {
    const p = unique('p');
    const results = await Promise.all(Array.from({ length: 20 }, () => h.log.append(p, 0, [storedEvent(p, 1)])()));
    assert.equal(results.filter(E.isRight).length, 1);
    assert.equal((await ok(h.log.readPlayer(p, 0))).length, 1);
  });

  it('finds the events of a command by its id, and nothing for an unknown id', async () => {
    const p = unique('p');
    await ok(h.log.append(p, 0, [storedEvent(p, 1, undefined, 'c-1'), storedEvent(p, 2, undefined, 'c-1')]));
    assert.deepEqual(
      (await ok(h.log.findByCommand(p, 'c-1'))).map((e) => e.player_version),
      [1, 2],
    );
    assert.deepEqual(await ok(h.log.findByCommand(p, 'c-2')), []);
  });

  it('refuses an append naming a command that ran before as unseen, and writes none of its events', async () => {
    const p = unique('p');
    await ok(h.log.append(p, 0, [storedEvent(p, 1, undefined, 'c-1')], undefined, ['c-1']));
    const again = await h.log.append(p, 1, [storedEvent(p, 2, undefined, 'c-2'), storedEvent(p, 3, undefined, 'c-1')], undefined, ['c-2', 'c-1'])();
    assert.ok(E.isLeft(again));
    assert.deepEqual(again.left, { _tag: 'CommandApplied', player_id: p, command_id: 'c-1' });
    assert.deepEqual(
      (await ok(h.log.readPlayer(p, 0))).map((e) => e.command_id),
      ['c-1'],
    );
    assert.deepEqual(await ok(h.log.findByCommand(p, 'c-2')), []);
    // Unnamed, the same command is the caller's business: the log appends it.
    await ok(h.log.append(p, 1, [storedEvent(p, 2, undefined, 'c-1')], undefined, ['c-2']));
    assert.equal((await ok(h.log.readPlayer(p, 0))).length, 2);
  });

  it('indexes each command of a write that holds several, and stores the snapshot with it', async () => {
    const p = unique('p');
    const events = [storedEvent(p, 1, undefined, 'c-a'), storedEvent(p, 2, undefined, 'c-b'), storedEvent(p, 3, undefined, 'c-b')];
    const after: PlayerState = { ...initialState(p), version: 3, registered: true };
    await ok(h.log.append(p, 0, events, after));
    assert.deepEqual(
      (await ok(h.log.findByCommand(p, 'c-a'))).map((e) => e.player_version),
      [1],
    );
    assert.deepEqual(
      (await ok(h.log.findByCommand(p, 'c-b'))).map((e) => e.player_version),
      [2, 3],
    );
    const snap = await ok(h.snapshots.get(p));
    assert.ok(snap._tag === 'Some', 'the snapshot was stored by the append');
    assert.equal(snap.value.version, 3);
    // The snapshot holds every event: a reader from it finds nothing after it, a reader from scratch all three.
    assert.deepEqual(await ok(h.log.readPlayer(p, 3)), []);
    const stale = await h.log.append(p, 2, [storedEvent(p, 3)])();
    assert.ok(E.isLeft(stale) && stale.left._tag === 'VersionConflict');
  });
};

const sourceGuarantees = (h: EventLogHarness): void => {
  /** Where each partition of a topic ends now. */
  const ends = async (topic: Topic): Promise<Map<number, number>> => {
    const parts = await ok(h.log.partitions(topic));
    assert.ok(parts.length > 0, `${topic} has partitions`);
    return new Map(await Promise.all(parts.map(async (p) => [p, await ok(h.log.end(topic, p))] as const)));
  };
  /** A player's records written since `from`, with the partition holding them (one player, one partition). */
  const since = async (topic: Topic, from: Map<number, number>, player: string): Promise<LogRecord[]> => {
    const found: LogRecord[] = [];
    for (const [p, start] of from) found.push(...(await ok(h.log.read(topic, p, start, 1000))).filter((r) => r.event.player_id === player));
    assert.ok(new Set(found.map((r) => r.partition)).size <= 1, "a player's records share one partition");
    return found;
  };

  it('serves appended records to readers by topic with increasing offsets, purchases also on buy_events', async () => {
    const p = unique('p');
    const startAll = await ends('all_events');
    const startBuy = await ends('buy_events');
    await ok(h.log.append(p, 0, [storedEvent(p, 1), storedEvent(p, 2, purchase)]));
    const all = await since('all_events', startAll, p);
    assert.deepEqual(
      all.map((r) => r.event.player_version),
      [1, 2],
    );
    assert.ok(all[0]!.offset < all[1]!.offset);
    const buys = await since('buy_events', startBuy, p);
    assert.deepEqual(
      buys.map((r) => r.event.data.type),
      ['ItemPurchased'],
    );
    assert.ok((await ok(h.log.end('all_events', all[1]!.partition))) > all[1]!.offset);
  });

  it('reads from an offset onwards and honours the maximum', async () => {
    const p = unique('p');
    const start = await ends('all_events');
    await ok(
      h.log.append(
        p,
        0,
        Array.from({ length: 5 }, (_, i) => storedEvent(p, i + 1)),
      ),
    );
    const partition = (await since('all_events', start, p))[0]!.partition;
    const first = await ok(h.log.read('all_events', partition, start.get(partition)!, 2));
    assert.equal(first.length, 2);
    const rest = await ok(h.log.read('all_events', partition, first[1]!.offset + 1, 100));
    assert.deepEqual(
      [...first, ...rest].filter((r) => r.event.player_id === p).map((r) => r.event.player_version),
      [1, 2, 3, 4, 5],
    );
  });
};
