import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import type { Count, ItemKind } from './codecs.js';
import type { PlayerCommand } from './commands.js';
import { createDecider } from './decider.js';
import type { RequestInfo, StoredEvent } from './envelope.js';
import { envelop, foldEvents } from './commandHandler.js';
import { addItems, canonicalState, initialState, itemCount, PlayerState, upgradeState, type InventoryItem } from './state.js';
import { buyItem, itemPurchased, loadCatalogue, name, playerRegistered, registerPlayer, stateAfter } from '@placebo/testkit/domain';

const PLAYER = 'collector';
const request: RequestInfo = { host: null, user_agent: null, accept: null };
const catalogue = loadCatalogue();
const decider = createDecider(catalogue);
const bytes = (s: PlayerState): number => JSON.stringify(s).length;

interface Run {
  readonly stored: ReadonlyArray<StoredEvent>;
  readonly final: PlayerState;
}

/** Decides and folds the commands one at a time, as the handler does; every command must be accepted. */
const run = (commands: ReadonlyArray<PlayerCommand>): Run => {
  const stored: StoredEvent[] = [];
  let state = decider.initialState(PLAYER);
  let id = 0;
  commands.forEach((command, i) => {
    const decision = decider.decide(command, state);
    if (E.isLeft(decision)) assert.fail(`command ${i} refused: ${JSON.stringify(decision.left)}`);
    const next = envelop(state, decision.right, { command_id: `c-${i}`, request, occurred_at: '2024-05-01T12:00:00.000Z' }, () => `e-${++id}`);
    stored.push(...next.stored);
    state = next.state;
  });
  return { stored, final: state };
};

const few: ReadonlyArray<readonly [ItemKind, string]> = [
  ['sword', 'cutlass'],
  ['spell', 'fireball'],
  ['arrow', 'arrow'],
  ['knife', 'dagger'],
  ['potion', 'potion'],
];
const purchaseArb = fc.record({ item: fc.constantFrom(...few), quantity: fc.integer({ min: 1, max: 100 }) });
const rich = registerPlayer('collector', 1e12);

describe('state: the counted inventory', () => {
  it('holds one entry per (kind, type), in first-bought order', () => {
    const state = stateAfter([
      playerRegistered('dirk', 5000),
      itemPurchased({ kind: 'sword', item_type: 'cutlass', unit_price: 1, cost: 1 }),
      itemPurchased({ kind: 'spell', item_type: 'charm', unit_price: 1, cost: 1 }),
      itemPurchased({ kind: 'sword', item_type: 'cutlass', quantity: 2, unit_price: 1, cost: 2 }),
    ]);
    assert.deepEqual(state.inventory, [
      { kind: 'sword', type: 'cutlass', quantity: 3 },
      { kind: 'spell', type: 'charm', quantity: 1 },
    ]);
  });

  it('keeps the same type name under two kinds, and two spellings of one type, apart', () => {
    const inventory = [
      ['sword', 'cutlass'],
      ['spell', 'cutlass'],
      ['sword', 'Cutlass'],
      ['sword', 'cutlass'],
    ].reduce<InventoryItem[]>((inv, [kind, type]) => addItems(inv, kind as ItemKind, name(type!), 1), []);
    assert.deepEqual(inventory, [
      { kind: 'sword', type: 'cutlass', quantity: 2 },
      { kind: 'spell', type: 'cutlass', quantity: 1 },
      { kind: 'sword', type: 'Cutlass', quantity: 1 },
    ]);
    assert.equal(itemCount(inventory), 4);
  });

  it('leaves the inventory it adds to unchanged', () => {
    const before = addItems([], 'sword', name('cutlass'), 1);
    const after = addItems(before, 'sword', name('cutlass'), 4);
    assert.deepEqual(before, [{ kind: 'sword', type: 'cutlass', quantity: 1 }]);
    assert.deepEqual(after, [{ kind: 'sword', type: 'cutlass', quantity: 5 }]);
  });

  it('decodes a state through JSON and refuses quantities that are not positive whole numbers', () => {
    const { final } = run([rich, buyItem('arrow', { quantity: 7 }), buyItem('sword')]);
    assert.deepEqual(PlayerState.decode(JSON.parse(JSON.stringify(final))), E.right(final));
    for (const quantity of [0, -1, 1.5, Number.NaN, '3', undefined, 2 ** 53]) {
      const bad = { ...final, inventory: [{ kind: 'arrow', type: 'arrow', quantity }] };
      assert.ok(E.isLeft(PlayerState.decode(bad)), `accepted quantity ${String(quantity)}`);
    }
  });
});

describe('state: a player with a long purchase history', () => {
  it('keeps the serialized state bounded after 10,000 purchases of a few types (property)', () =>
    fc.assert(
      fc.property(fc.array(purchaseArb, { minLength: 10_000, maxLength: 10_000 }), (purchases) => {
        const { stored, final } = run([rich, ...purchases.map((p) => buyItem(p.item[0], { item_type: p.item[1], quantity: p.quantity }))]);
        const distinct = new Set(purchases.map((p) => p.item[1])).size;
        assert.equal(final.inventory.length, distinct);
        // The same items held once each, plus room for every quantity's digits: the history itself leaves no trace.
        const once = { ...final, inventory: final.inventory.map((i) => ({ ...i, quantity: 1 as Count })) };
        assert.ok(bytes(final) <= bytes(once) + distinct * String(Number.MAX_SAFE_INTEGER).length, `${bytes(final)} bytes`);
        assert.ok(bytes(final) < 1_000, `${bytes(final)} bytes`);
        const total = purchases.reduce((n, p) => n + p.quantity, 0);
        assert.equal(itemCount(final.inventory), total);
        assert.equal(stored.at(-1)?.player.items, total);
        assert.equal(canonicalState(foldEvents(initialState(PLAYER), stored)), canonicalState(final));
      }),
      { numRuns: 5 },
    ));

  it('folds the log from scratch to exactly the incrementally evolved state (property)', () =>
    fc.assert(
      fc.property(fc.array(purchaseArb, { minLength: 1, maxLength: 10_000 }), (purchases) => {
        const { stored, final } = run([rich, ...purchases.map((p) => buyItem(p.item[0], { item_type: p.item[1], quantity: p.quantity }))]);
        const replayed = foldEvents(initialState(PLAYER), stored);
        assert.equal(canonicalState(replayed), canonicalState(final));
        assert.deepEqual(replayed, final);
        for (const i of final.inventory) {
          const bought = purchases.filter((p) => p.item[0] === i.kind && p.item[1] === i.type).reduce((n, p) => n + p.quantity, 0);
          assert.equal(i.quantity, bought, `${i.kind}/${i.type}`);
        }
      }),
      { numRuns: 20 },
    ));
});

describe('state: snapshots stored before the inventory was counted', () => {
  const legacy = (types: ReadonlyArray<readonly [ItemKind, string]>): PlayerState =>
    ({ ...initialState(PLAYER), inventory: types.map(([kind, type]) => ({ kind, type })) }) as unknown as PlayerState;

  it('counts a one-entry-per-item inventory in purchase order, as the log folds now', () => {
    const old = legacy([
      ['sword', 'cutlass'],
      ['spell', 'charm'],
      ['sword', 'cutlass'],
    ]);
    assert.deepEqual(upgradeState(old).inventory, [
      { kind: 'sword', type: 'cutlass', quantity: 2 },
      { kind: 'spell', type: 'charm', quantity: 1 },
    ]);
  });

  it('returns a current state unchanged', () => {
    const { final } = run([rich, buyItem('arrow', { quantity: 7 })]);
    assert.equal(upgradeState(final), final);
    assert.equal(upgradeState(initialState(PLAYER)).inventory.length, 0);
  });
});
