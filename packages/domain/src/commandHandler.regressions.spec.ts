import assert from 'node:assert/strict';
import * as E from 'fp-ts/lib/Either.js';
import type { CommandMeta } from './commandHandler.js';
import { createDecider } from './decider.js';
import { buyItem, createMemoryWorld, loadCatalogue, name, yieldTurn } from '@placebo/testkit/domain';

const meta = (command_id: string | null = null): CommandMeta => ({ command_id, request: { host: null, user_agent: null, accept: null } });

describe('command handler regressions', () => {
  it('runs a command retried concurrently with the same command_id once', async () => {
    const world = createMemoryWorld({ pause: yieldTurn });
    assert.ok(E.isRight(await world.handler.register({ player_id: 'p-1', name: name('dirk'), password: null, wealth: 1000, origin: 'seed' }, meta())()));
    const [a, b] = await Promise.all([1, 2].map(() => world.handler.execute('p-1', buyItem('knife', { item_type: 'dagger' }), meta('buy-1'))()));
    assert.ok(a && b && E.isRight(a) && E.isRight(b));
    assert.equal(world.log.all().filter((e) => e.command_id === 'buy-1').length, 1);
    assert.deepEqual([a.right.replayed, b.right.replayed].sort(), [false, true]);
  });

  for (const wealth of [-5, 1.5, 1e13]) {
    it(`refuses a registration with wealth ${wealth} and stores nothing`, async () => {
      const world = createMemoryWorld();
      const r = await world.handler.register({ player_id: null, name: name('n'), password: null, wealth, origin: 'seed' }, meta())();
      assert.ok(E.isLeft(r));
      assert.equal(r.left._tag, 'WealthOutOfRange');
      assert.equal(world.log.all().length, 0);
    });
  }

  it('refuses an offer on a client-named price instead of recording it unchecked', () => {
    const decider = createDecider(loadCatalogue());
    const state = { ...decider.initialState('p'), registered: true, wealth: 1000 as never, health: 100 };
    const d = decider.decide({ ...buyItem('knife', { item_type: 'dagger' }), client_cost: 10 as never, offer_id: 'BOGUS' as never }, state);
    assert.ok(E.isLeft(d));
    assert.equal(d.left._tag, 'OfferNotApplicable');
  });
});
