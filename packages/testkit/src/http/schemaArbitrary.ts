import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import type { JsonSchema } from '@placebo/app-api';

/** Values a JSON Schema accepts, generated from the schema itself. */

export type Hints = Readonly<Record<string, fc.Arbitrary<unknown>>>;

const ajv = new Ajv2020({ strict: true, strictTypes: false });
ajv.addFormat('password', true);
ajv.addFormat('date-time', true);
ajv.addFormat('date', true);

/** Strings a pattern may take: fast-check reads simple patterns; the others get candidates, kept when they pass. */
const patterned = (pattern: string): fc.Arbitrary<string> => {
  try {
    return fc.stringMatching(new RegExp(pattern));
  } catch {
    return fc.oneof(
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 70 }),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 70 }),
      fc.nat().map(String),
      fc.constantFrom('1000000000000', '999.0', ' 5 '),
    );
  }
};

const str = (s: JsonSchema): fc.Arbitrary<string> => {
  const min = typeof s.minLength === 'number' ? s.minLength : 0;
  const max = typeof s.maxLength === 'number' ? s.maxLength : Math.max(min, 80);
  const base =
    typeof s.pattern === 'string'
      ? patterned(s.pattern)
      : fc.oneof(fc.string({ unit: 'grapheme', minLength: min, maxLength: max }), fc.string({ unit: 'binary', minLength: min, maxLength: max }));
  const validate = ajv.compile(s);
  return base.filter((v) => validate(v));
};

const num = (s: JsonSchema, integer: boolean): fc.Arbitrary<number> => {
  const min = typeof s.minimum === 'number' ? s.minimum : -1e6;
  const max = typeof s.maximum === 'number' ? s.maximum : typeof s.exclusiveMaximum === 'number' ? s.exclusiveMaximum : 1e6;
  if (integer) return fc.oneof(fc.constantFrom(min, max), fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31) }));
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true, maxExcluded: typeof s.exclusiveMaximum === 'number' });
};

const object = (s: JsonSchema, hints: Hints): fc.Arbitrary<Record<string, unknown>> => {
  const properties = (s.properties ?? {}) as Record<string, JsonSchema>;
  const required = (s.required ?? []) as ReadonlyArray<string>;
  const model = Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, valueOf(v, hints, k)]));
  return fc.record(model, { requiredKeys: [...required] }) as fc.Arbitrary<Record<string, unknown>>;
};

/** A value `schema` accepts; `hints` add known-good values by field name (a player id, a catalogue name) half the time. */
export const valueOf = (schema: JsonSchema, hints: Hints = {}, field?: string): fc.Arbitrary<unknown> => {
  const generated = fromSchema(schema, hints);
  const hint = field === undefined ? undefined : hints[field];
  return hint === undefined ? generated : fc.oneof(hint, generated);
};

const fromSchema = (s: JsonSchema, hints: Hints): fc.Arbitrary<unknown> => {
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  if (Array.isArray(s.anyOf)) return fc.oneof(...(s.anyOf as JsonSchema[]).map((m) => fromSchema(m, hints)));
  switch (s.type) {
    case 'object':
      return object(s, hints);
    case 'array':
      return fc.array(fromSchema((s.items ?? {}) as JsonSchema, hints), { maxLength: 3 });
    case 'string':
      return str(s);
    case 'integer':
      return num(s, true);
    case 'number':
      return num(s, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      throw new Error(`no generator for the schema ${JSON.stringify(s)}`);
  }
};
