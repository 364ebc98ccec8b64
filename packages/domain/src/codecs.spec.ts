import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { Coins, Count, Name, PlayerId, Quantity, UnitInterval } from './codecs.js';
import { BuyItem, Fight, JoinOrg, LeaveOrg, LogIn, PlayerCommand, RegisterPlayer } from './commands.js';

const accepts = (codec: t.Mixed, value: unknown): void => {
  const decoded = codec.decode(value);
  assert.ok(E.isRight(decoded), `${codec.name} should accept ${JSON.stringify(value)}`);
  assert.deepEqual(decoded.right, value);
  assert.deepEqual(codec.decode(codec.encode(decoded.right)), E.right(value), 'encode then decode is the identity');
};
const rejects = (codec: t.Mixed, value: unknown): void =>
  assert.ok(E.isLeft(codec.decode(value)), `${codec.name} should reject ${typeof value === 'number' ? String(value) : JSON.stringify(value)}`);

describe('codecs: PlayerId', () => {
  it('accepts 1-64 letters, digits and ._:@-', () => {
    for (const ok of ['p', 'player-1', 'a.b:c@d_e-F9', 'x'.repeat(64), '123e4567-e89b-12d3-a456-426614174000']) accepts(PlayerId, ok);
  });
  it('rejects the empty string, 65 characters, spaces, slashes, non-ASCII and non-strings', () => {
    for (const bad of ['', 'x'.repeat(65), 'has space', 'a/b', 'Zoë', 'key*', 42, null, undefined]) rejects(PlayerId, bad);
  });
});

describe('codecs: Name', () => {
  it('accepts trimmed names of 1-64 characters, unicode included', () => {
    for (const ok of ['d', 'dirk', 'team ABCD', 'Zoë 🐉', 'n'.repeat(64)]) accepts(Name, ok);
  });
  it('rejects untrimmed, empty and over-long names', () => {
    for (const bad of ['', ' dirk', 'dirk ', '\tdirk', ' ', 'n'.repeat(65)]) rejects(Name, bad);
  });
  it('rejects control characters anywhere', () => {
    for (const bad of ['a\u0000b', 'a\nb', 'a\u001fb', 'a\u007fb', 'a\rb']) rejects(Name, bad);
  });
  it('rejects non-strings', () => {
    for (const bad of [1, null, ['dirk'], { name: 'dirk' }]) rejects(Name, bad);
  });
});

describe('codecs: Coins', () => {
  it('accepts whole coins from 0 to 10^12', () => {
    for (const ok of [0, 1, 7345, 1e9, 1e12]) accepts(Coins, ok);
  });
  it('rejects fractions, negatives, values above 10^12 and non-numbers', () => {
    for (const bad of [1.5, 0.1, -1, 1e12 + 1, 1e13, NaN, Infinity, -Infinity, '5', null]) rejects(Coins, bad);
  });
  it('accepts every integer in range and rejects every one outside (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => Coins.is(n) && E.isRight(Coins.decode(Coins.encode(n as Coins)))));
    fc.assert(fc.property(fc.oneof(fc.integer({ max: -1 }), fc.integer({ min: 1e12 + 1, max: 1e15 })), (n) => !Coins.is(n)));
    fc.assert(
      fc.property(
        fc.double({ noNaN: true }).filter((n) => !Number.isInteger(n)),
        (n) => !Coins.is(n),
      ),
    );
  });
});

describe('codecs: Count', () => {
  it('accepts whole numbers from 1 up to the largest safe integer', () => {
    for (const ok of [1, 2, 101, 1e6, Number.MAX_SAFE_INTEGER]) accepts(Count, ok);
  });
  it('rejects 0, negatives, fractions, unsafe integers and non-numbers', () => {
    for (const bad of [0, -1, 1.5, 2 ** 53, NaN, Infinity, '3', null]) rejects(Count, bad);
  });
});

describe('codecs: Quantity', () => {
  it('accepts whole numbers 1-100', () => {
    for (const ok of [1, 2, 50, 100]) accepts(Quantity, ok);
  });
  it('rejects 0, 101, fractions and non-numbers', () => {
    for (const bad of [0, -1, 101, 1.5, NaN, '3']) rejects(Quantity, bad);
  });
});

describe('codecs: UnitInterval', () => {
  it('accepts draws in [0, 1)', () => {
    for (const ok of [0, 0.5, 0.999999, Number.MIN_VALUE, 1 - Number.EPSILON / 2]) accepts(UnitInterval, ok);
  });
  it('rejects 1, negatives, NaN and infinities', () => {
    for (const bad of [1, 1.0001, -0.1, NaN, Infinity, -Infinity, '0.5', null]) rejects(UnitInterval, bad);
  });
});

describe('codecs: commands', () => {
  const valid: ReadonlyArray<[t.Mixed, unknown]> = [
    [RegisterPlayer, { type: 'RegisterPlayer', name: 'dirk', wealth: 12345, origin: 'seed' }],
    [RegisterPlayer, { type: 'RegisterPlayer', name: 'dirk', wealth: null, origin: 'seed' }],
    [LogIn, { type: 'LogIn', password_ok: true }],
    [PlayerCommand, { type: 'LogOut' }],
    [BuyItem, { type: 'BuyItem', kind: 'sword', item_type: 'cutlass', quantity: 1, offer_id: null, client_cost: 5000 }],
    [BuyItem, { type: 'BuyItem', kind: 'potion', item_type: null, quantity: 100, offer_id: 'WELCOME10', client_cost: null }],
    [JoinOrg, { type: 'JoinOrg', org_kind: 'guild', org: 'soldiers', level: 'masterofarms', client_cost: 9999 }],
    [JoinOrg, { type: 'JoinOrg', org_kind: 'team', org: null, level: null, client_cost: null }],
    [LeaveOrg, { type: 'LeaveOrg', org_kind: 'team', org: 'team ABCD' }],
    [Fight, { type: 'Fight', enemy: 'goblin', roll: 0.25 }],
    [PlayerCommand, { type: 'ViewProfile' }],
    [PlayerCommand, { type: 'VisitHome' }],
  ];
  for (const [codec, value] of valid) {
    it(`decodes a valid ${(value as { type: string }).type} with its own codec and with PlayerCommand`, () => {
      accepts(codec, value);
      accepts(PlayerCommand, value);
    });
  }

  const invalid: ReadonlyArray<[string, unknown]> = [
    ['an unknown command type', { type: 'DeleteEverything' }],
    ['no type', { name: 'dirk', wealth: null }],
    ['a missing wealth (null must be explicit)', { type: 'RegisterPlayer', name: 'dirk' }],
    ['an untrimmed name', { type: 'RegisterPlayer', name: ' dirk', wealth: null }],
    ['a fractional wealth', { type: 'RegisterPlayer', name: 'dirk', wealth: 1.5 }],
    ['a string password_ok', { type: 'LogIn', password_ok: 'yes' }],
    ['an unknown item kind', { type: 'BuyItem', kind: 'laser', item_type: null, quantity: 1, offer_id: null, client_cost: null }],
    ['quantity 0', { type: 'BuyItem', kind: 'sword', item_type: null, quantity: 0, offer_id: null, client_cost: null }],
    ['quantity 101', { type: 'BuyItem', kind: 'sword', item_type: null, quantity: 101, offer_id: null, client_cost: null }],
    ['a negative client cost', { type: 'BuyItem', kind: 'sword', item_type: null, quantity: 1, offer_id: null, client_cost: -1 }],
    ['an unknown org kind', { type: 'JoinOrg', org_kind: 'clan', org: null, level: null, client_cost: null }],
    ['a null org on LeaveOrg', { type: 'LeaveOrg', org_kind: 'guild', org: null }],
    ['a roll of 1', { type: 'Fight', enemy: 'goblin', roll: 1 }],
    ['an empty enemy', { type: 'Fight', enemy: '', roll: 0.5 }],
    ['a non-object', 'BuyItem'],
  ];
  for (const [label, value] of invalid) {
    it(`rejects ${label}`, () => rejects(PlayerCommand, value));
  }
});
