import assert from 'node:assert/strict';
import { buyItem, fightFought, given, itemPurchased, playerRegistered, purchaseRefused, stateAfter } from '@placebo/testkit/domain';

const dirk = playerRegistered('dirk', 1000);
const rich = playerRegistered('rich', 12345);
const MAX_COST = 1_000_000_000;

describe('decider: BuyItem at catalogue prices', () => {
  it('buys the named item at its catalogue price', () =>
    given([dirk])
      .when(buyItem('sword', { item_type: 'cutlass' }))
      .then([itemPurchased({ kind: 'sword', item_type: 'cutlass', unit_price: 777, cost: 777 })]));

  it('buys the first item of the kind when no item_type is named', () => {
    given([dirk])
      .when(buyItem('sword'))
      .then([itemPurchased({ kind: 'sword', item_type: 'cutlass', unit_price: 777, cost: 777 })]);
    given([dirk])
      .when(buyItem('bow'))
      .then([itemPurchased({ kind: 'bow', item_type: 'shortbow', unit_price: 300, cost: 300 })]);
  });

  it('matches the item type case-insensitively and records the catalogue spelling', () =>
    given([dirk])
      .when(buyItem('sword', { item_type: 'SaBeR' }))
      .then([itemPurchased({ kind: 'sword', item_type: 'saber', unit_price: 999, cost: 999 })]));

  it('multiplies the price by the quantity and counts that many items in one inventory entry', () => {
    const state = given([dirk])
      .when(buyItem('arrow', { quantity: 50 }))
      .then([itemPurchased({ kind: 'arrow', item_type: 'arrow', quantity: 50, unit_price: 2, cost: 100 })]);
    assert.equal(state.wealth, 900);
    assert.deepEqual(state.inventory, [{ kind: 'arrow', type: 'arrow', quantity: 50 }]);
  });

  it('adds a purchase of a type already held to its entry, keeping first-bought order', () => {
    const arrows = itemPurchased({ kind: 'arrow', item_type: 'arrow', quantity: 50, unit_price: 2, cost: 100 });
    const dagger = itemPurchased({ kind: 'knife', item_type: 'dagger', unit_price: 55, cost: 55 });
    const state = given([dirk, arrows, dagger])
      .when(buyItem('arrow', { quantity: 3 }))
      .then([itemPurchased({ kind: 'arrow', item_type: 'arrow', quantity: 3, unit_price: 2, cost: 6 })]);
    assert.deepEqual(state.inventory, [
      { kind: 'arrow', type: 'arrow', quantity: 53 },
      { kind: 'knife', type: 'dagger', quantity: 1 },
    ]);
  });

  it('allows spending exactly the whole wealth', () => {
    const state = given([playerRegistered('exact', 777)])
      .when(buyItem('sword', { item_type: 'cutlass' }))
      .then([itemPurchased({ kind: 'sword', item_type: 'cutlass', unit_price: 777, cost: 777 })]);
    assert.equal(state.wealth, 0);
  });

  it('applies WELCOME10 to any kind', () =>
    given([dirk])
      .when(buyItem('spell', { item_type: 'fireball', offer_id: 'WELCOME10' }))
      .then([itemPurchased({ kind: 'spell', item_type: 'fireball', unit_price: 300, discount: 30, cost: 270, offer_id: 'WELCOME10' })]));

  it('applies BLADES25 to a sword, rounding the discount down', () =>
    given([dirk])
      .when(buyItem('sword', { item_type: 'saber', offer_id: 'BLADES25' }))
      .then([itemPurchased({ kind: 'sword', item_type: 'saber', unit_price: 999, discount: 249, cost: 750, offer_id: 'BLADES25' })]));

  it('applies the discount to the whole quantity', () =>
    given([dirk])
      .when(buyItem('knife', { item_type: 'dagger', quantity: 2, offer_id: 'BLADES25' }))
      .then([itemPurchased({ kind: 'knife', item_type: 'dagger', quantity: 2, unit_price: 55, discount: 27, cost: 83, offer_id: 'BLADES25' })]));

  it('refuses BLADES25 on a spell with OfferNotApplicable', () =>
    given([dirk])
      .when(buyItem('spell', { item_type: 'charm', offer_id: 'BLADES25' }))
      .thenFails({ _tag: 'OfferNotApplicable', offer_id: 'BLADES25', kind: 'spell' }));

  it('refuses an offer that does not exist with UnknownOffer', () =>
    given([dirk])
      .when(buyItem('sword', { offer_id: 'FREE100' }))
      .thenFails({ _tag: 'UnknownOffer', offer_id: 'FREE100' }));

  it('refuses an item the catalogue does not list with UnknownItem', () =>
    given([dirk])
      .when(buyItem('sword', { item_type: 'lightsaber' }))
      .thenFails({ _tag: 'UnknownItem', kind: 'sword', item_type: 'lightsaber' }));

  it('refuses an item listed under another kind with UnknownItem', () =>
    given([dirk])
      .when(buyItem('spell', { item_type: 'cutlass' }))
      .thenFails({ _tag: 'UnknownItem', kind: 'spell', item_type: 'cutlass' }));
});

describe('decider: BuyItem without the funds', () => {
  const refused = purchaseRefused({ kind: 'sword', item_type: 'longsword', unit_price: 10000, cost: 10000 });

  it('records PurchaseRefused (insufficient_funds) with the price asked', () =>
    given([dirk])
      .when(buyItem('sword', { item_type: 'longsword' }))
      .then([refused]));

  it('leaves wealth, health and inventory unchanged; only the version moves', () => {
    const before = stateAfter([dirk]);
    const after = given([dirk])
      .when(buyItem('sword', { item_type: 'longsword' }))
      .then([refused]);
    assert.deepEqual(after, { ...before, version: before.version + 1 });
  });

  it('refuses when the discounted total is one coin more than the wealth', () =>
    given([playerRegistered('short', 749)])
      .when(buyItem('sword', { item_type: 'saber', offer_id: 'BLADES25' }))
      .then([purchaseRefused({ kind: 'sword', item_type: 'saber', unit_price: 999, discount: 249, cost: 750, offer_id: 'BLADES25' })]));
});

describe('decider: BuyItem at a client cost (seed routes)', () => {
  it('charges the client cost and records pricing client', () =>
    given([rich])
      .when(buyItem('sword', { item_type: 'cutlass', client_cost: 5000 }))
      .then([itemPurchased({ kind: 'sword', item_type: 'cutlass', unit_price: 5000, cost: 5000, pricing: 'client' })]));

  it('allows an item type the catalogue does not list', () =>
    given([rich])
      .when(buyItem('sword', { item_type: 'excalibur', client_cost: 500 }))
      .then([itemPurchased({ kind: 'sword', item_type: 'excalibur', unit_price: 500, cost: 500, pricing: 'client' })]));

  it("names the kind's first item when no item_type is given", () =>
    given([rich])
      .when(buyItem('spell', { client_cost: 10 }))
      .then([itemPurchased({ kind: 'spell', item_type: 'charm', unit_price: 10, cost: 10, pricing: 'client' })]));

  it('multiplies the client cost by the quantity', () =>
    given([rich])
      .when(buyItem('knife', { item_type: 'dagger', quantity: 3, client_cost: 500 }))
      .then([itemPurchased({ kind: 'knife', item_type: 'dagger', quantity: 3, unit_price: 500, cost: 1500, pricing: 'client' })]));

  it('refuses a cost of 0 with CostOutOfRange', () =>
    given([rich])
      .when(buyItem('sword', { client_cost: 0 }))
      .thenFails({ _tag: 'CostOutOfRange', cost: 0, max: MAX_COST }));

  it('accepts a cost of exactly max_cost (refused only for want of funds)', () =>
    given([rich])
      .when(buyItem('sword', { client_cost: MAX_COST }))
      .then([purchaseRefused({ kind: 'sword', item_type: 'cutlass', unit_price: MAX_COST, cost: MAX_COST, pricing: 'client' })]));

  it('refuses a cost above max_cost with CostOutOfRange', () =>
    given([rich])
      .when(buyItem('sword', { client_cost: MAX_COST + 1 }))
      .thenFails({ _tag: 'CostOutOfRange', cost: MAX_COST + 1, max: MAX_COST }));

  it('refuses a total (cost × quantity) above max_cost with CostOutOfRange', () =>
    given([rich])
      .when(buyItem('arrow', { quantity: 2, client_cost: MAX_COST }))
      .thenFails({ _tag: 'CostOutOfRange', cost: 2 * MAX_COST, max: MAX_COST }));

  it('records PurchaseRefused when the client cost exceeds the wealth', () =>
    given([dirk])
      .when(buyItem('sword', { item_type: 'longsword', client_cost: 1001 }))
      .then([purchaseRefused({ kind: 'sword', item_type: 'longsword', unit_price: 1001, cost: 1001, pricing: 'client' })]));
});

describe('decider: potions heal, capped at max_health', () => {
  const hurt = (damage: number) => fightFought({ enemy: 'dragon', outcome: 'lost', power: 10, win_chance: 10 / 410, roll: 0.9, reward: 0, damage });

  it('heals nothing at full health', () =>
    given([dirk])
      .when(buyItem('potion'))
      .then([itemPurchased({ kind: 'potion', item_type: 'potion', unit_price: 50, cost: 50, heal: 0 })]));

  it('heals only up to max_health', () => {
    const state = given([dirk, hurt(10)])
      .when(buyItem('potion'))
      .then([itemPurchased({ kind: 'potion', item_type: 'potion', unit_price: 50, cost: 50, heal: 10 })]);
    assert.equal(state.health, 100);
  });

  it('heals the full amount per potion when there is room', () => {
    const state = given([dirk, hurt(80)])
      .when(buyItem('potion', { quantity: 2 }))
      .then([itemPurchased({ kind: 'potion', item_type: 'potion', quantity: 2, unit_price: 50, cost: 100, heal: 50 })]);
    assert.equal(state.health, 70);
  });

  it('heals at a client cost too', () =>
    given([dirk, hurt(80)])
      .when(buyItem('potion', { quantity: 4, client_cost: 1 }))
      .then([itemPurchased({ kind: 'potion', item_type: 'potion', quantity: 4, unit_price: 1, cost: 4, heal: 80, pricing: 'client' })]));
});
