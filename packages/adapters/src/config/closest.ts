/** Edit distance (insertions, deletions, substitutions, swaps of neighbours): how far a typo is from a name. */
const distance = (a: string, b: string): number => {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
};

/** The candidate a mistyped word most likely meant, or null when none is close (at most a third of it differs). */
export const closest = (word: string, candidates: ReadonlyArray<string>): string | null => {
  const w = word.toLowerCase();
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const lc = c.toLowerCase();
    // A word cut short (`--catch`) or run on (`--output` for `--out`) is as good as a typo of one letter.
    const prefix = (lc.startsWith(w) && w.replace(/^-+/, '').length >= 2) || (w.startsWith(lc) && lc.replace(/^-+/, '').length >= 3);
    const d = prefix ? 0.5 : distance(w, lc);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return bestDistance <= Math.max(1, Math.floor(word.length / 3)) ? best : null;
};
