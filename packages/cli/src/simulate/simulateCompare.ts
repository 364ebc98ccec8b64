import type { Cell, Rows } from './simulateExpected.js';

export interface Verdict {
  readonly ok: boolean;
  /** Where the first difference is, for the report. */
  readonly why: string;
}

const tolerance = 1e-6;

/** One cell: exact for strings, nulls and whole numbers; doubles within 1e-6 relative (the queries round them first). */
export const sameCell = (expected: Cell, actual: unknown): boolean => {
  if (expected === null) return actual === null;
  if (typeof expected === 'string') return actual === expected;
  const a =
    typeof actual === 'number'
      ? actual
      : typeof actual === 'bigint'
        ? Number(actual)
        : typeof actual === 'string' && actual.trim() !== ''
          ? Number(actual)
          : Number.NaN;
  if (Number.isNaN(a)) return false;
  if (Number.isInteger(expected) && Number.isInteger(a)) return a === expected;
  return Math.abs(a - expected) <= tolerance * Math.max(Math.abs(expected), Math.abs(a), 1e-3);
};

/** Compares a query's rows with the expected ones, in order. */
export const compareRows = (expected: Rows, actual: ReadonlyArray<ReadonlyArray<unknown>>): Verdict => {
  if (expected.length !== actual.length) return { ok: false, why: `${expected.length} rows expected, ${actual.length} returned` };
  for (const [i, row] of expected.entries()) {
    const got = actual[i] ?? [];
    if (row.length !== got.length) return { ok: false, why: `row ${i + 1}: ${row.length} columns expected, ${got.length} returned` };
    for (const [c, cell] of row.entries()) {
      if (!sameCell(cell, got[c])) return { ok: false, why: `row ${i + 1} column ${c + 1}: expected ${JSON.stringify(cell)}, got ${JSON.stringify(got[c])}` };
    }
  }
  return { ok: true, why: '' };
};

/** A short rendering of an answer for the report table. */
export const brief = (rows: ReadonlyArray<ReadonlyArray<unknown>>, width = 60): string => {
  const text = rows.length === 1 ? JSON.stringify(rows[0]) : `${rows.length} rows ${JSON.stringify(rows.slice(0, 2))}`;
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
};
