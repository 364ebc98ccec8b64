/** The calendar arithmetic the KPI questions use: UTC days, and each player's events in time order. */
import type { SimEvent } from './playerModel.js';
import { groupBy } from './rowMath.js';

export const dayMs = 86_400_000;

/** An event with its time known (every event of a `--days` run). */
export type DatedEvent = SimEvent & { readonly at: number };

/** The UTC day of a time, YYYY-MM-DD, as the sink's event_date. */
export const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Whole days from one YYYY-MM-DD to another, as date_diff('day', …) on dates. */
export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);

/** The facts every KPI is computed from. */
export interface Calendar {
  readonly events: ReadonlyArray<DatedEvent>;
  /** Each player's events ordered by time, then version (the queries' window order). */
  readonly byPlayer: ReadonlyMap<string, ReadonlyArray<DatedEvent>>;
  /** Every day with any event, ascending. */
  readonly days: ReadonlyArray<string>;
  /** The players active (with any event) on each day. */
  readonly active: ReadonlyMap<string, ReadonlySet<string>>;
  /** Each registered player's registration time. */
  readonly registeredAt: ReadonlyMap<string, number>;
}

/** The calendar of `events`, or null when some event's time is unknown (a burst against another API). */
export const calendarOf = (events: ReadonlyArray<SimEvent>): Calendar | null => {
  if (events.some((e) => e.at === null)) return null;
  const dated = events as ReadonlyArray<DatedEvent>;
  const byPlayer = new Map<string, DatedEvent[]>();
  for (const [p, es] of groupBy(dated, (e) => e.player))
    byPlayer.set(
      p,
      es.sort((a, b) => a.at - b.at || a.version - b.version),
    );
  const active = new Map<string, Set<string>>();
  for (const e of dated) {
    const d = dayOf(e.at);
    const set = active.get(d) ?? new Set<string>();
    set.add(e.player);
    active.set(d, set);
  }
  const registeredAt = new Map<string, number>();
  for (const e of dated) if (e.type === 'PlayerRegistered') registeredAt.set(e.player, Math.min(e.at, registeredAt.get(e.player) ?? Number.POSITIVE_INFINITY));
  return { events: dated, byPlayer, days: [...active.keys()].sort(), active, registeredAt };
};
