import assert from 'node:assert/strict';
import * as E from 'fp-ts/lib/Either.js';
import type { CommandMeta } from './commandHandler.js';
import { createCommandHandler } from './commandHandler.js';
import { createDecider } from './decider.js';
import type { EventLog } from './ports/eventLog.js';
import { buyItem, createCountingIds, createMemoryWorld, fakeHasher, fixedClock, loadCatalogue, name, type MemoryWorld } from '@placebo/testkit/domain';

const meta = (command_id: string | null = null): CommandMeta => ({ command_id, request: { host: null, user_agent: null, accept: null } });

/** A handler (own lanes and cache) over the world's stores, whose log counts the command lookups asked of it. */
const countingProcess = (world: MemoryWorld) => {
  let lookups = 0;
  const log: EventLog = {
    ...world.log,
    findByCommand: (p, c) => {
      lookups++;
      return world.log.findByCommand(p, c);
    },
  };
  const handler = createCommandHandler({
    decider: createDecider(loadCatalogue()),
    log,
    snapshots: world.snapshots,
    accounts: world.accounts,
    sessions: world.sessions,
    clock: fixedClock,
    ids: createCountingIds(),
    hasher: fakeHasher,
    sessionTtlSeconds: 3600,
  });
  return { handler, lookups: () => lookups };
};

const registered = async (world: MemoryWorld, wealth: number): Promise<string> => {
  const reg = await world.handler.register({ player_id: 'p-1', name: name('dirk'), password: null, wealth, origin: 'seed' }, meta())();
  assert.ok(E.isRight(reg));
  return reg.right.player_id;
};

describe('command lanes: a retried command found by the append', () => {
  it('appends first-time commands with no lookup before, and answers a retry its first result without writing', async () => {
    const world = createMemoryWorld();
    const id = await registered(world, 1000);
    const proc = countingProcess(world);
    const first = await proc.handler.execute(id, buyItem('potion'), meta('k-1'))();
    assert.ok(E.isRight(first));
    assert.equal(proc.lookups(), 0, 'a new command costs no lookup: the append checks it');
    const size = world.log.all().length;

    const retry = await proc.handler.execute(id, buyItem('potion'), meta('k-1'))();
    assert.ok(E.isRight(retry));
    assert.equal(retry.right.replayed, true);
    assert.deepEqual(retry.right.events, first.right.events);
    assert.equal(world.log.all().length, size, 'the retry wrote nothing');
    assert.equal(proc.lookups(), 1, 'looked up once the append refused it');
  });

  it('answers a retry its first purchase even when deciding it again would now refuse it', async () => {
    const world = createMemoryWorld();
    const id = await registered(world, 120);
    const proc = countingProcess(world);
    const bought = await proc.handler.execute(id, buyItem('potion'), meta('k-rich'))();
    assert.ok(E.isRight(bought), 'the first purchase is affordable');
    // Spend the rest, so the same purchase decided again would be refused for want of money.
    const spent = await proc.handler.execute(id, buyItem('potion'), meta('spend'))();
    const refused = await proc.handler.execute(id, buyItem('potion'), meta('refused'))();
    assert.ok(E.isRight(spent) && E.isRight(refused));
    assert.equal(refused.right.events[0]?.data.type, 'PurchaseRefused');
    const size = world.log.all().length;

    const retry = await proc.handler.execute(id, buyItem('potion'), meta('k-rich'))();
    assert.ok(E.isRight(retry), `the retry answers its first result, not ${JSON.stringify(E.isLeft(retry) ? retry.left : null)}`);
    assert.equal(retry.right.replayed, true);
    assert.deepEqual(retry.right.events, bought.right.events);
    assert.equal(world.log.all().length, size);
  });

  it('refuses in another process a retry of a command this one applied', async () => {
    const world = createMemoryWorld();
    const id = await registered(world, 1000);
    const first = await world.handler.execute(id, buyItem('potion'), meta('k-2'))();
    assert.ok(E.isRight(first));
    const other = countingProcess(world);
    const retry = await other.handler.execute(id, buyItem('potion'), meta('k-2'))();
    assert.ok(E.isRight(retry) && retry.right.replayed);
    assert.deepEqual(
      world.log.all().filter((e) => e.command_id === 'k-2'),
      first.right.events,
    );
  });
});
