import assert from 'node:assert/strict';
import { fight, fightFought, given, itemPurchased, playerRegistered } from '@placebo/testkit/domain';

const dirk = playerRegistered('dirk', 1000);
const lostTo = (enemy: string, damage: number) => fightFought({ enemy, outcome: 'lost', power: 10, win_chance: 0.1, roll: 0.9, reward: 0, damage });

describe('decider: Fight', () => {
  it('wins when the roll is below the win chance: full reward, half damage', () => {
    const state = given([dirk])
      .when(fight('goblin', 0.25))
      .then([fightFought({ enemy: 'goblin', outcome: 'won', power: 10, win_chance: 0.5, roll: 0.25, reward: 50, damage: 5 })]);
    assert.equal(state.wealth, 1050);
    assert.equal(state.health, 95);
  });

  it('loses when the roll equals the win chance: no reward, full damage', () => {
    const state = given([dirk])
      .when(fight('goblin', 0.5))
      .then([fightFought({ enemy: 'goblin', outcome: 'lost', power: 10, win_chance: 0.5, roll: 0.5, reward: 0, damage: 10 })]);
    assert.equal(state.wealth, 1000);
    assert.equal(state.health, 90);
  });

  it('matches the enemy case-insensitively and records the catalogue spelling', () =>
    given([dirk])
      .when(fight('GOBLIN', 0))
      .then([fightFought({ enemy: 'goblin', outcome: 'won', power: 10, win_chance: 0.5, roll: 0, reward: 50, damage: 5 })]));

  it('refuses an enemy the catalogue does not list with UnknownEnemy', () =>
    given([dirk]).when(fight('troll', 0.1)).thenFails({ _tag: 'UnknownEnemy', enemy: 'troll' }));

  it('never takes more health than the player has', () =>
    given([dirk, lostTo('dragon', 80)])
      .when(fight('orc', 0.99))
      .then([fightFought({ enemy: 'orc', outcome: 'lost', power: 10, win_chance: 0.2, roll: 0.99, reward: 0, damage: 20 })]));

  it('refuses a player at health 0 with PlayerExhausted', () =>
    given([dirk, lostTo('dragon', 80), lostTo('orc', 20)])
      .when(fight('goblin', 0))
      .thenFails({ _tag: 'PlayerExhausted', health: 0 }));

  it('adds the power of every inventory item to the base power', () => {
    const cutlass = itemPurchased({ kind: 'sword', item_type: 'cutlass', unit_price: 777, cost: 777 });
    const arrows = itemPurchased({ kind: 'arrow', item_type: 'arrow', quantity: 3, unit_price: 2, cost: 6 });
    const longbows = itemPurchased({ kind: 'bow', item_type: 'longbow', quantity: 2, unit_price: 1, cost: 2, pricing: 'client' });
    const unlisted = itemPurchased({ kind: 'sword', item_type: 'excalibur', unit_price: 1, cost: 1, pricing: 'client' });
    const power = 10 + 12 + 2 * 10;
    given([playerRegistered('dirk', 5000), cutlass, arrows, longbows, unlisted])
      .when(fight('orc', 0.5))
      .then([fightFought({ enemy: 'orc', outcome: 'won', power, win_chance: power / (power + 40), roll: 0.5, reward: 200, damage: 12 })]);
  });

  it('counts an item bought in several purchases once per item', () => {
    const cutlass = itemPurchased({ kind: 'sword', item_type: 'cutlass', unit_price: 777, cost: 777 });
    const twoMore = itemPurchased({ kind: 'sword', item_type: 'cutlass', quantity: 2, unit_price: 777, cost: 1554 });
    const power = 10 + 3 * 12;
    given([playerRegistered('dirk', 5000), cutlass, twoMore])
      .when(fight('orc', 0.5))
      .then([fightFought({ enemy: 'orc', outcome: 'won', power, win_chance: power / (power + 40), roll: 0.5, reward: 200, damage: 12 })]);
  });

  it('caps the reward so wealth never passes max_wealth', () => {
    const state = given([playerRegistered('rich', 1e12 - 10)])
      .when(fight('goblin', 0))
      .then([fightFought({ enemy: 'goblin', outcome: 'won', power: 10, win_chance: 0.5, roll: 0, reward: 10, damage: 5 })]);
    assert.equal(state.wealth, 1e12);
  });

  it('rewards nothing at max_wealth', () =>
    given([playerRegistered('richest', 1e12)])
      .when(fight('dragon', 0))
      .then([fightFought({ enemy: 'dragon', outcome: 'won', power: 10, win_chance: 10 / 410, roll: 0, reward: 0, damage: 40 })]));
});
