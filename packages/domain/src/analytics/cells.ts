import type { StoredEvent } from '../envelope.js';
import type { PlayerEventType } from '../events.js';
import type { Cell, Column, ColumnType, Row } from './columns.js';

/**
 * Where a column's value comes from in a stored event, as data: the sink projects rows in JavaScript from it
 * (`compileRow`) and an engine that reads the records' JSON itself generates its SQL from the same declarations.
 */
export type CellSource =
  /** A value at a path of the event's JSON; absent is null. */
  | { readonly _tag: 'Field'; readonly path: ReadonlyArray<string> }
  | { readonly _tag: 'Text'; readonly value: string }
  | { readonly _tag: 'Null' }
  /** `prefix` followed by the text at `path`. */
  | { readonly _tag: 'Prefixed'; readonly prefix: string; readonly path: ReadonlyArray<string> }
  /** A choice on `data.type`: every event type is named, so a new one cannot be forgotten. */
  | { readonly _tag: 'ByType'; readonly cases: Readonly<Record<PlayerEventType, CellSource>> }
  /** An ISO-8601 UTC instant at `path` as epoch milliseconds. */
  | { readonly _tag: 'Millis'; readonly path: ReadonlyArray<string> }
  /** An ISO-8601 UTC instant at `path` as "YYYY-MM-DD HH:MM:SS.mmm". */
  | { readonly _tag: 'SpaceTime'; readonly path: ReadonlyArray<string> }
  /** The date of an ISO-8601 instant at `path`, YYYY-MM-DD. */
  | { readonly _tag: 'DateOf'; readonly path: ReadonlyArray<string> }
  /** The whole record as JSON. */
  | { readonly _tag: 'Record' };

const pathOf = (dotted: string): ReadonlyArray<string> => dotted.split('.');

export const field = (dotted: string): CellSource => ({ _tag: 'Field', path: pathOf(dotted) });
export const text = (value: string): CellSource => ({ _tag: 'Text', value });
export const none: CellSource = { _tag: 'Null' };
export const prefixed = (prefix: string, dotted: string): CellSource => ({ _tag: 'Prefixed', prefix, path: pathOf(dotted) });
export const byType = (cases: Readonly<Record<PlayerEventType, CellSource>>): CellSource => ({ _tag: 'ByType', cases });
export const millis = (dotted: string): CellSource => ({ _tag: 'Millis', path: pathOf(dotted) });
export const spaceTime = (dotted: string): CellSource => ({ _tag: 'SpaceTime', path: pathOf(dotted) });
export const dateOf = (dotted: string): CellSource => ({ _tag: 'DateOf', path: pathOf(dotted) });
export const wholeRecord: CellSource = { _tag: 'Record' };

/** `source` for the listed event types, null for every other. */
export const onlyFor = (types: ReadonlyArray<PlayerEventType>, source: CellSource, all: ReadonlyArray<PlayerEventType>): CellSource =>
  byType(Object.fromEntries(all.map((t) => [t, types.includes(t) ? source : none])) as Record<PlayerEventType, CellSource>);

/** A column of an analyst table: its name, type and doc, and where its value comes from. */
export interface ProjectedColumn extends Column {
  readonly from: CellSource;
}

export const cell = (name: string, type: ColumnType, doc: string, from: CellSource): ProjectedColumn => ({ name, type, doc, from });

type Read = (e: StoredEvent) => Cell;
type Json = Record<string, unknown>;

const at = (path: ReadonlyArray<string>): ((e: StoredEvent) => unknown) => {
  const [a, b, c] = path;
  if (a === undefined) return (e) => e;
  if (b === undefined) return (e) => (e as unknown as Json)[a];
  if (c === undefined) return (e) => ((e as unknown as Json)[a] as Json | undefined)?.[b];
  return (e) => path.reduce<unknown>((v, k) => (v as Json | null | undefined)?.[k], e);
};

const asCell = (v: unknown): Cell => (v === undefined || v === null ? null : (v as Cell));

const compileCell = (s: CellSource): Read => {
  switch (s._tag) {
    case 'Field': {
      const get = at(s.path);
      return (e) => asCell(get(e));
    }
    case 'Text':
      return () => s.value;
    case 'Null':
      return () => null;
    case 'Prefixed': {
      const get = at(s.path);
      return (e) => s.prefix + String(get(e));
    }
    case 'ByType': {
      const cases = new Map(Object.entries(s.cases).map(([t, c]) => [t, compileCell(c)]));
      return (e) => cases.get(e.data.type)?.(e) ?? null;
    }
    case 'Millis': {
      const get = at(s.path);
      return (e) => Date.parse(String(get(e)));
    }
    case 'SpaceTime': {
      const get = at(s.path);
      return (e) => String(get(e)).replace('T', ' ').replace('Z', '');
    }
    case 'DateOf': {
      const get = at(s.path);
      return (e) => String(get(e)).slice(0, 10);
    }
    case 'Record':
      return (e) => JSON.stringify(e);
    default: {
      const never: never = s;
      return never;
    }
  }
};

/** Evaluates one cell source on an event (the JavaScript side of the declarations). */
export const cellOf = (s: CellSource, e: StoredEvent): Cell => compileCell(s)(e);

/** The row of an event of one of `types`, or null; built column by column in declaration order. */
export const compileRow = (columns: ReadonlyArray<ProjectedColumn>, types: ReadonlyArray<PlayerEventType>): ((e: StoredEvent) => Row | null) => {
  const names = columns.map((c) => c.name);
  const reads = columns.map((c) => compileCell(c.from));
  const accepted = new Set<string>(types);
  return (e) => {
    if (!accepted.has(e.data.type)) return null;
    const row: Record<string, Cell> = {};
    for (let i = 0; i < names.length; i++) row[names[i]!] = reads[i]!(e);
    return row;
  };
};
