import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { Name, PlayerId } from '@placebo/domain';
import { knownSchemas } from './jsonSchema.js';
import { CoinsText, CommandId, LoginPassword, Password, SeedPassword, TrimmedName } from './requests.js';

const ajv = new Ajv2020({ strict: true, strictTypes: false });
ajv.addFormat('password', true);

/** Pieces that sit at the edges of the rules: astral characters, lone surrogates, spaces of every kind, controls. */
const piece = fc.oneof(
  fc.constantFrom(
    'a',
    'Z',
    '7',
    '.',
    '-',
    '_',
    ':',
    '@',
    ' ',
    '\t',
    '\n',
    '\u00a0',
    '\u2028',
    '\ufeff',
    '\u0001',
    '\u007f',
    '\u001f',
    'é',
    '😀',
    '\ud800',
    '\udc00',
    '0',
    '.0',
  ),
  fc.string({ unit: 'binary', maxLength: 3 }),
);
const text = fc.oneof(
  fc.array(piece, { maxLength: 80 }).map((ps) => ps.join('')),
  fc
    .tuple(fc.constantFrom('', ' ', '😀'), fc.integer({ min: 0, max: 300 }), fc.constantFrom('a', '😀', 'é', ' '))
    .map(([edge, n, c]) => edge + c.repeat(n) + edge),
  fc.bigInt({ min: 0n, max: 10n ** 14n }).map((n) => String(n)),
);

const codecs: ReadonlyArray<t.Mixed> = [Name, TrimmedName, PlayerId, Password, LoginPassword, SeedPassword, CommandId, CoinsText];

describe('the documented rules are the rules the code applies', () => {
  for (const codec of codecs) {
    it(`${codec.name}: the schema accepts exactly the strings the codec decodes`, () => {
      const schema = knownSchemas[codec.name];
      assert.ok(schema !== undefined);
      const validate = ajv.compile(schema);
      fc.assert(
        fc.property(text, (s) => {
          assert.equal(validate(s), E.isRight(codec.decode(s)), JSON.stringify(s));
        }),
        { numRuns: 3000 },
      );
    });
  }

  it('counts code points, not UTF-16 units, and refuses lone surrogates', () => {
    assert.ok(Name.is('😀'.repeat(64)), '64 emoji are a 64-character name');
    assert.ok(!Name.is('😀'.repeat(65)));
    assert.ok(!Name.is('ab\ud800'));
    assert.ok(!Password.is('😀'.repeat(4)), 'four emoji are four characters, too short a password');
    assert.ok(Password.is('😀'.repeat(8)));
    assert.ok(!Password.is('long enough \udc00'));
  });
});
