import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { fail, validationFailed, type Detail } from './httpError.js';

/** What a client should fix, per codec name; codecs not listed fall back to "expected <name>". */
const hints: Readonly<Record<string, string>> = {
  string: 'must be a string',
  number: 'must be a number',
  boolean: 'must be true or false',
  Name: 'must be 1–64 characters (code points), no leading or trailing spaces, no control characters or lone surrogates',
  TrimmedName: 'must be 1–64 characters (code points, after trimming), no control characters or lone surrogates',
  PlayerId: 'must be 1–64 characters of letters, digits and ._:@-',
  Coins: 'must be a whole number from 0 to 10^12',
  Quantity: 'must be a whole number from 1 to 100',
  Password: 'must be 8–256 characters (code points), no lone surrogates',
  SeedPassword: 'must be 1–256 characters (code points), no lone surrogates',
  LoginPassword: 'must be 1–256 characters (code points), no lone surrogates',
  CoinsText: 'must be a whole number from 0 to 10^12, such as 5000 or 999.0',
  CommandId: 'must be 1–128 characters of letters, digits and _.:-',
  VersionText: 'must be a whole number from 0 to 10^15',
  PageSizeText: 'must be a whole number from 1 to 1000',
  EventDate: 'must be a day as YYYY-MM-DD',
};

const isComposite = (c: t.Decoder<unknown, unknown>): boolean => {
  const tag = (c as { _tag?: string })._tag;
  return tag === 'UnionType' || tag === 'IntersectionType';
};

/** The field a failure is about: property names, array indices, minus the member indices of unions and intersections. */
const pathOf = (context: t.Context): string => {
  const keys: string[] = [];
  context.forEach((entry, i) => {
    const parent = context[i - 1];
    if (i === 0 || parent === undefined || isComposite(parent.type)) return;
    keys.push(entry.key);
  });
  return keys.length === 0 ? 'body' : keys.join('.');
};

const messageOf = (error: t.ValidationError): string => {
  const last = error.context[error.context.length - 1];
  if (error.value === undefined) return 'is required';
  if (error.message !== undefined) return error.message;
  const tag = (last?.type as { _tag?: string } | undefined)?._tag;
  if (tag === 'InterfaceType' || tag === 'PartialType' || tag === 'IntersectionType') return 'must be an object';
  const name = last?.type.name ?? 'value';
  return hints[name] ?? `expected ${name}`;
};

/** io-ts errors as `[{ path, message }]`, one per field (a union reports each member; the first one stands). */
export const report = (errors: t.Errors): ReadonlyArray<Detail> => {
  const seen = new Map<string, string>();
  for (const e of errors) {
    const path = pathOf(e.context);
    if (!seen.has(path)) seen.set(path, messageOf(e));
  }
  return [...seen].map(([path, message]) => ({ path, message }));
};

/** Decodes at the edge; a failure ends the request with 400 validation_failed. */
export const decodeOrFail = <A>(codec: t.Decoder<unknown, A>, input: unknown): A => {
  const decoded = codec.decode(input);
  return E.isRight(decoded) ? decoded.right : fail(validationFailed(report(decoded.left)));
};

/** Decodes one named value (a path parameter, a header) and reports it under `path`. */
export const decodeField = <A>(codec: t.Decoder<unknown, A>, path: string, input: unknown): A => {
  const decoded = codec.decode(input);
  return E.isRight(decoded) ? decoded.right : fail(validationFailed(report(decoded.left).map((d) => ({ ...d, path }))));
};
