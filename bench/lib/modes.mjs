// A bench run over several modes (servers, clients): one after the other, a failure recorded and the rest still run.
import { randomBytes } from 'node:crypto';
import { log } from './options.mjs';

/** An id unique to this run, for key prefixes and topic names. */
export const newRunId = () => `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;

/**
 * Runs `f(mode)` for each mode in turn. Returns each mode's result, or `{ error }` with the message on one line, and sets
 * the exit code to 1 when any failed.
 */
export const runEachMode = async (modes, f) => {
  const results = {};
  for (const mode of modes) {
    try {
      results[mode] = await f(mode);
    } catch (e) {
      log(`${mode}: FAILED: ${e.message}`);
      results[mode] = { error: e.message.replace(/\s*\n+\s*/g, ' — ').slice(0, 600) };
      process.exitCode = 1;
    }
  }
  return results;
};

/** Runs `f(i)` for i in 0…n-1, at most `width` at a time; the results in order. */
export const inParallel = async (n, width, f) => {
  const out = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, n) }, async () => {
      while (next < n) {
        const i = next++;
        out[i] = await f(i);
      }
    }),
  );
  return out;
};
