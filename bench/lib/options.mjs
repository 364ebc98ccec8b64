// Command-line options for the bench scripts: `--name value` or `--name=value`, flags, and whole numbers.

/**
 * Parses argv against `defaults` (every option a string, every flag in `flags`); throws on an unknown option.
 * Returns the options and `int(name, min)`, which reads one as a whole number or throws.
 */
export const parseOptions = (argv, defaults, flags = []) => {
  const o = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const [k, v] = argv[i].replace(/^--/, '').split('=', 2);
    if (flags.includes(k)) o[k] = true;
    else if (k in defaults) o[k] = v ?? argv[++i];
    else throw new Error(`unknown option ${argv[i]}`);
  }
  const int = (k, min) => {
    const n = Number(o[k]);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${k} must be a whole number >= ${min}, got ${o[k]}`);
    return n;
  };
  return { o, int };
};

/** A comma-separated option as a list, each entry one of `allowed`. */
export const listOption = (name, value, allowed) => {
  const list = value
    .split(',')
    .map((m) => m.trim())
    .filter((m) => m !== '');
  for (const m of list) if (!allowed.includes(m)) throw new Error(`unknown --${name} entry ${m} (${allowed.join(', ')})`);
  if (list.length === 0) throw new Error(`--${name} is empty`);
  return list;
};

/** The q-quantile of an ascending array (nearest rank). */
export const percentile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];

export const log = (msg) => process.stderr.write(`[bench] ${msg}\n`);
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
