import assert from 'node:assert/strict';
import * as E from 'fp-ts/lib/Either.js';
import type { CommandHandler, CommandMeta } from './commandHandler.js';
import { createCommandHandler, foldEvents } from './commandHandler.js';
import { createDecider } from './decider.js';
import { portError } from './ports/portError.js';
import { initialState } from './state.js';
import {
  buyItem,
  createCountingIds,
  createMemoryWorld,
  fakeHasher,
  fixedClock,
  loadCatalogue,
  name,
  yieldTurn,
  type MemoryWorld,
} from '@placebo/testkit/domain';

const meta = (command_id: string | null = null): CommandMeta => ({ command_id, request: { host: null, user_agent: null, accept: null } });

/** A second API process: its own handler (own lanes and cache) over the same log and stores. */
const otherProcess = (world: MemoryWorld, ids = 'q'): CommandHandler => {
  const counting = createCountingIds();
  return createCommandHandler({
    decider: createDecider(loadCatalogue()),
    log: world.log,
    snapshots: world.snapshots,
    accounts: world.accounts,
    sessions: world.sessions,
    clock: fixedClock,
    ids: { ...counting, uuid: () => `${ids}-${counting.uuid()}` },
    hasher: fakeHasher,
    sessionTtlSeconds: 3600,
  });
};

const registered = async (world: MemoryWorld, wealth: number): Promise<string> => {
  const reg = await world.handler.register({ player_id: 'p-1', name: name('dirk'), password: null, wealth, origin: 'seed' }, meta())();
  assert.ok(E.isRight(reg));
  return reg.right.player_id;
};

describe('per-player command lanes', () => {
  it('decides a hot player’s queued commands together and appends them in one write each round', async () => {
    const world = createMemoryWorld({ pause: yieldTurn });
    const id = await registered(world, 1000);
    const before = world.log.appendCalls();
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => world.handler.execute(id, buyItem('potion'), meta(`buy-${i}`))()));

    const writes = world.log.appendCalls() - before;
    assert.ok(writes <= 3, `50 queued purchases took ${writes} appends`);
    const log = world.log.all();
    assert.deepEqual(
      log.map((e) => e.player_version),
      log.map((_, i) => i + 1),
      'versions stay gapless',
    );
    results.forEach((r, i) => {
      assert.ok(E.isRight(r));
      assert.deepEqual(
        r.right.events.map((e) => e.command_id),
        [`buy-${i}`],
        'each command answers its own events',
      );
      assert.equal(r.right.state.version, r.right.events[0]?.player_version, 'and the state right after them');
    });
    const bought = log.filter((e) => e.data.type === 'ItemPurchased').length;
    const refused = log.filter((e) => e.data.type === 'PurchaseRefused').length;
    assert.equal(bought + refused, 50);
    assert.equal(foldEvents(initialState(id), log).wealth, 1000 - bought * 50);
    assert.ok(log.every((e) => e.player.wealth >= 0));
  });

  it('answers a command repeated inside one batch with its first result, writing it once', async () => {
    const world = createMemoryWorld({ pause: yieldTurn });
    const id = await registered(world, 1000);
    const [a, b, c] = await Promise.all([
      world.handler.execute(id, buyItem('potion'), meta('same'))(),
      world.handler.execute(id, buyItem('potion'), meta('same'))(),
      world.handler.execute(id, buyItem('potion'), meta('other'))(),
    ]);
    assert.ok(E.isRight(a) && E.isRight(b) && E.isRight(c));
    assert.equal(a.right.replayed, false);
    assert.equal(b.right.replayed, true);
    assert.deepEqual(b.right.events, a.right.events);
    assert.equal(world.log.all().filter((e) => e.command_id === 'same').length, 1);
  });

  it('never overspends when two processes write one player: conflicts re-decide against the other’s events', async () => {
    const world = createMemoryWorld({ pause: yieldTurn });
    const id = await registered(world, 1000);
    const other = otherProcess(world);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? world.handler : other).execute(id, buyItem('sword', { item_type: 'cutlass' }), meta())()),
    );
    assert.ok(results.every(E.isRight), 'every purchase is decided, none fails for contention');
    const log = world.log.all();
    assert.equal(log.filter((e) => e.data.type === 'ItemPurchased').length, 1, '1000 coins buy one 777-coin cutlass');
    assert.deepEqual(
      log.map((e) => e.player_version),
      log.map((_, i) => i + 1),
    );
    assert.ok(log.every((e) => e.player.wealth >= 0));
    const writes = log.length - 1;
    assert.ok(world.log.appendCalls() - 1 > writes / 12, 'the two processes really raced');
  });

  it('does not trust its cached state once another process wrote the player', async () => {
    const world = createMemoryWorld();
    const id = await registered(world, 1000);
    const other = otherProcess(world);
    assert.ok(E.isRight(await world.handler.execute(id, buyItem('sword', { item_type: 'cutlass' }), meta())()));
    assert.ok(E.isRight(await other.execute(id, buyItem('potion'), meta())()));
    const third = await world.handler.execute(id, buyItem('sword', { item_type: 'cutlass' }), meta())();
    assert.ok(E.isRight(third));
    assert.deepEqual(
      third.right.events.map((e) => e.data.type),
      ['PurchaseRefused'],
      '1000 − 777 − 50 coins cannot buy a cutlass',
    );
    assert.equal(third.right.state.wealth, 1000 - 777 - 50);
    assert.equal(third.right.events[0]?.player_version, 4);
  });

  it('answers every command of a batch with the log’s failure, then reloads for the next', async () => {
    let failing = true;
    const world = createMemoryWorld({ pause: yieldTurn });
    const id = await registered(world, 1000);
    const flaky: CommandHandler = createCommandHandler({
      decider: createDecider(loadCatalogue()),
      log: { ...world.log, append: (p, v, events, s) => (failing ? async () => E.left(portError('disk I/O error', true)) : world.log.append(p, v, events, s)) },
      snapshots: world.snapshots,
      accounts: world.accounts,
      sessions: world.sessions,
      clock: fixedClock,
      ids: createCountingIds(),
      hasher: fakeHasher,
      sessionTtlSeconds: 3600,
    });
    const failed = await Promise.all(Array.from({ length: 5 }, () => flaky.execute(id, buyItem('potion'), meta())()));
    assert.ok(failed.every((r) => E.isLeft(r) && r.left._tag === 'PortError' && r.left.retriable));
    assert.equal(world.log.all().length, 1, 'nothing was written');
    failing = false;
    const ok = await flaky.execute(id, buyItem('potion'), meta())();
    assert.ok(E.isRight(ok));
    assert.equal(ok.right.state.wealth, 950);
    assert.equal(ok.right.events[0]?.player_version, 2);
  });

  it('stores the snapshot with the append: the snapshot equals the fold of the log after every command', async () => {
    const world = createMemoryWorld({ pause: yieldTurn });
    const id = await registered(world, 1000);
    await Promise.all(Array.from({ length: 7 }, () => world.handler.execute(id, buyItem('potion'), meta())()));
    const snap = await world.snapshots.get(id)();
    assert.ok(E.isRight(snap) && snap.right._tag === 'Some');
    assert.deepEqual(snap.right.value, foldEvents(initialState(id), world.log.all()));
  });
});
