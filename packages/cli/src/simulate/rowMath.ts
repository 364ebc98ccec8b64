/** The row arithmetic the simulator's expected answers are computed with, as SQL computes it. */

export type Cell = string | number | null;
export type Rows = ReadonlyArray<ReadonlyArray<Cell>>;

/** Rounds half away from zero, as round(x, d) does in DuckDB and Presto. */
export const round = (x: number | null, d: number): number | null => {
  if (x === null || !Number.isFinite(x)) return x;
  const f = 10 ** d;
  return x < 0 ? -(Math.round(-x * f) / f) : Math.round(x * f) / f;
};

export const mean = (xs: ReadonlyArray<number>): number | null => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);
export const sum = (xs: ReadonlyArray<number>): number => xs.reduce((a, b) => a + b, 0);
export const distinct = (xs: ReadonlyArray<unknown>): number => new Set(xs).size;

/** Compares as SQL's order by does for our keys: numbers numerically, strings by code unit, nulls last. */
export const cmp = (a: Cell, b: Cell): number => {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
};
export const orderBy =
  <R>(...keys: Array<(r: R) => Cell>) =>
  (a: R, b: R): number => {
    for (const k of keys) {
      const c = cmp(k(a), k(b));
      if (c !== 0) return c;
    }
    return 0;
  };

export const groupBy = <A>(xs: ReadonlyArray<A>, key: (a: A) => string): Map<string, A[]> => {
  const m = new Map<string, A[]>();
  for (const x of xs) {
    const k = key(x);
    const g = m.get(k);
    if (g === undefined) m.set(k, [x]);
    else g.push(x);
  }
  return m;
};

export const pearson = (pairs: ReadonlyArray<readonly [number, number]>): number => {
  const mx = sum(pairs.map((p) => p[0])) / pairs.length;
  const my = sum(pairs.map((p) => p[1])) / pairs.length;
  const sxy = sum(pairs.map(([x, y]) => (x - mx) * (y - my)));
  const sxx = sum(pairs.map(([x]) => (x - mx) ** 2));
  const syy = sum(pairs.map(([, y]) => (y - my) ** 2));
  return sxy / Math.sqrt(sxx * syy);
};
