import assert from 'node:assert/strict';
import * as E from 'fp-ts/lib/Either.js';
import type { CommandMeta } from './commandHandler.js';
import { foldEvents } from './commandHandler.js';
import { initialState } from './state.js';
import { buyItem, createMemoryWorld, fakeHash, name, yieldTurn } from '@placebo/testkit/domain';

const meta = (command_id: string | null = null): CommandMeta => ({ command_id, request: { host: null, user_agent: null, accept: null } });

describe('command handler under concurrency', () => {
  for (const [item, price, wealth, buyers] of [
    ['cutlass', 777, 1000, 5],
    ['dagger', 55, 200, 6],
  ] as const) {
    it(`never overspends: ${buyers} concurrent ${item} purchases (${price} each) on ${wealth} coins`, async () => {
      const world = createMemoryWorld({ pause: yieldTurn });
      const reg = await world.handler.register({ player_id: 'p-1', name: name('dirk'), password: null, wealth, origin: 'seed' }, meta())();
      assert.ok(E.isRight(reg));
      const kind = item === 'cutlass' ? 'sword' : 'knife';
      const results = await Promise.all(Array.from({ length: buyers }, () => world.handler.execute('p-1', buyItem(kind, { item_type: item }), meta())()));
      assert.ok(results.every(E.isRight), 'every purchase is decided, none fails for contention');

      const log = world.log.all();
      const affordable = Math.floor(wealth / price);
      assert.equal(log.filter((e) => e.data.type === 'ItemPurchased').length, Math.min(affordable, buyers));
      assert.equal(log.filter((e) => e.data.type === 'PurchaseRefused').length, buyers - Math.min(affordable, buyers));
      assert.deepEqual(
        log.map((e) => e.player_version),
        log.map((_, i) => i + 1),
      );
      for (const e of log) assert.ok(e.player.wealth >= 0, `wealth ${e.player.wealth} at version ${e.player_version}`);
      const replayed = foldEvents(initialState('p-1'), log);
      assert.equal(replayed.wealth, wealth - Math.min(affordable, buyers) * price);
      assert.ok(world.log.appendCalls() < buyers + 1, 'concurrent purchases of one player were appended together');
    });
  }
});

describe('secrets stay out of the log', () => {
  it('never writes a password or its hash into a stored event', async () => {
    const world = createMemoryWorld();
    const password = 'Tr0ub4dor&3-secret';
    const wrong = 'wrong-guess-secret';
    const reg = await world.handler.register({ player_id: null, name: name('dirk'), password, wealth: null, origin: 'v1' }, meta('r'))();
    assert.ok(E.isRight(reg));
    assert.ok(E.isRight(await world.handler.login('dirk', password, meta())()));
    assert.ok(E.isLeft(await world.handler.login('dirk', wrong, meta())()));
    assert.ok(E.isRight(await world.handler.execute(reg.right.player_id, buyItem('potion'), meta())()));

    const text = JSON.stringify(world.log.all());
    assert.equal(world.log.all().length, 4);
    for (const secret of [password, fakeHash(password), wrong, fakeHash(wrong)]) assert.ok(!text.includes(secret), `the log holds ${secret}`);
  });
});
