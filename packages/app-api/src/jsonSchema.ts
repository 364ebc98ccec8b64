import type * as t from 'io-ts';
import { namePattern } from '@placebo/domain';
import { anyPasswordPattern, passwordPattern, trimmedNamePattern } from './requests.js';

export type JsonSchema = { readonly [key: string]: unknown };

/**
 * What a brand or a hand-written codec adds to its base type. The codec's predicate is code, so the bounds it
 * enforces are restated here, next to each other, by codec name.
 */
export const knownSchemas: Readonly<Record<string, JsonSchema>> = {
  PlayerId: { type: 'string', pattern: '^[A-Za-z0-9._:@-]{1,64}$', minLength: 1, maxLength: 64 },
  Name: {
    type: 'string',
    pattern: namePattern,
    minLength: 1,
    maxLength: 64,
    description: '1–64 code points; no control characters or lone surrogates; no white space at either end',
  },
  TrimmedName: { type: 'string', pattern: trimmedNamePattern, minLength: 1, description: 'white space at either end is dropped, then the Name rules apply' },
  Coins: { type: 'integer', minimum: 0, maximum: 1e12 },
  Quantity: { type: 'integer', minimum: 1, maximum: 100 },
  Count: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER },
  UnitInterval: { type: 'number', minimum: 0, exclusiveMaximum: 1 },
  Password: { type: 'string', pattern: passwordPattern, minLength: 8, maxLength: 256, format: 'password', description: '8–256 code points, well-formed' },
  LoginPassword: { type: 'string', pattern: anyPasswordPattern, minLength: 1, maxLength: 256, format: 'password' },
  SeedPassword: { type: 'string', pattern: anyPasswordPattern, minLength: 1, maxLength: 256, format: 'password' },
  CommandId: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{1,128}$' },
  Instant: { type: 'string', format: 'date-time' },
  VersionText: { type: 'string', pattern: '^[0-9]{1,15}$', description: 'a player version, 0 to 10^15' },
  PageSizeText: { type: 'string', pattern: '^(?:[1-9][0-9]{0,2}|1000)$', description: '1 to 1000' },
  EventDate: { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'a UTC day, YYYY-MM-DD' },
  CoinsText: {
    type: 'string',
    pattern: '^\\s*(?=[0-9]{1,13}(?:\\.0+)?\\s*$)0*(?:[0-9]{1,12}|1000000000000)(?:\\.0+)?\\s*$',
    description: 'whole coins as text, 0 to 10^12, e.g. 5000 or 999.0',
  },
};

type Tagged = t.Mixed & { readonly _tag?: string };
interface Props {
  readonly props: Record<string, t.Mixed>;
}

const isObjectSchema = (s: JsonSchema): boolean => s.type === 'object' && s.properties !== undefined;

/** Intersections of objects (required + optional fields) become one object schema, as a reader expects. */
const merge = (schemas: ReadonlyArray<JsonSchema>): JsonSchema =>
  schemas.every(isObjectSchema)
    ? {
        type: 'object',
        properties: Object.assign({}, ...schemas.map((s) => s.properties)) as JsonSchema,
        required: schemas.flatMap((s) => (s.required as ReadonlyArray<string> | undefined) ?? []),
      }
    : { allOf: schemas };

/** JSON Schema (2020-12, as OpenAPI 3.1 uses) of an io-ts codec, so the documented shape is the decoded shape. */
export const toJsonSchema = (codec: t.Mixed): JsonSchema => {
  const c = codec as Tagged;
  switch (c._tag) {
    case 'InterfaceType': {
      const props = (c as unknown as Props).props;
      return { type: 'object', properties: mapProps(props), required: Object.keys(props) };
    }
    case 'PartialType':
      return { type: 'object', properties: mapProps((c as unknown as Props).props) };
    case 'IntersectionType':
      return merge((c as unknown as t.IntersectionType<t.Mixed[]>).types.map(toJsonSchema));
    case 'UnionType': {
      const members = (c as unknown as t.UnionType<t.Mixed[]>).types;
      const literals = members.map((m) => (m as Tagged)._tag === 'LiteralType');
      return literals.every(Boolean) ? { enum: members.map((m) => (m as unknown as t.LiteralType<string>).value) } : { anyOf: members.map(toJsonSchema) };
    }
    case 'LiteralType':
      return { const: (c as unknown as t.LiteralType<string>).value };
    case 'KeyofType':
      return { type: 'string', enum: Object.keys((c as unknown as t.KeyofType<Record<string, unknown>>).keys) };
    case 'RefinementType':
      return { ...toJsonSchema((c as unknown as t.RefinementType<t.Mixed>).type), ...knownSchemas[c.name] };
    case 'ReadonlyType':
      return toJsonSchema((c as unknown as { readonly type: t.Mixed }).type);
    case 'ExactType':
      return { ...toJsonSchema((c as unknown as { readonly type: t.Mixed }).type), additionalProperties: false };
    case 'ArrayType':
    case 'ReadonlyArrayType':
      return { type: 'array', items: toJsonSchema((c as unknown as { readonly type: t.Mixed }).type) };
    default:
      return leafSchema(c);
  }
};

const primitiveTypes: Readonly<Record<string, string>> = { StringType: 'string', NumberType: 'number', BooleanType: 'boolean', NullType: 'null' };

/** A primitive codec's JSON type, else a named codec's known schema, else anything. */
const leafSchema = (c: Tagged): JsonSchema => {
  if (c._tag !== undefined && Object.hasOwn(primitiveTypes, c._tag)) return { type: primitiveTypes[c._tag] };
  return knownSchemas[c.name] ?? {};
};

const mapProps = (props: Record<string, t.Mixed>): JsonSchema => Object.fromEntries(Object.entries(props).map(([k, v]) => [k, toJsonSchema(v)]));
