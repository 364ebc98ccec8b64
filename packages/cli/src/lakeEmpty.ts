import * as E from 'fp-ts/lib/Either.js';
import type { Config } from '@placebo/adapters';
import type { QueryEngine } from '@placebo/domain';

/** True when the lake holds no event yet (no file landed, or in cluster mode no table made yet). */
export const lakeIsEmpty = async (engine: QueryEngine): Promise<boolean> => {
  const r = await engine.query('select count(*) as n from all_events')();
  return E.isLeft(r) || Number(r.right.rows[0]?.[0] ?? 0) === 0;
};

/** What to do about an empty lake, in one line. */
export const emptyLakeHint = (config: Config): string =>
  `the lake holds no event yet${config.PLACEBO_MODE === 'embedded' ? ` (${config.PLACEBO_DATA_DIR}/lake)` : ` (${config.PLACEBO_LAKE_ROOT})`} — ` +
  `send some traffic (the README's walkthroughs, or placebo simulate) and wait for the sink's flush (PLACEBO_SINK_FLUSH_MS, ${config.PLACEBO_SINK_FLUSH_MS} ms), or run placebo sink --catch-up`;
