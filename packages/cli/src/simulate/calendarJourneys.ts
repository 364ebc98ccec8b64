import {
  frontEnds,
  hostMove,
  hostName,
  pick,
  prng,
  seedCreate,
  seedHost,
  seedMove,
  v1Move,
  type Journey,
  type OrgKind,
  type Rand,
  type SimCatalogue,
  type Step,
  type Style,
} from './simulateJourney.js';

export const dayMs = 86_400_000;
const minuteMs = 60_000;

/** A journey being laid out in time: each step is sent `gap` ms after the one before. */
interface Timeline {
  readonly steps: Step[];
  readonly times: number[];
  at: number;
}

const add = (t: Timeline, step: Step, gap: number): void => {
  t.at += gap;
  t.steps.push(step);
  t.times.push(t.at);
};

/** A pause between two moves of one sitting: seconds to minutes, and now and then more than the 30 minutes that end a session. */
const moveGap = (r: Rand): number => (r() < 0.05 ? 31 * minuteMs + Math.floor(r() * 60 * minuteMs) : 2000 + Math.floor(r() * 238_000));

/** The days a player plays: the day they join, then each later day with their return chance, until they churn for good. */
const playDays = (r: Rand, days: number): number[] => {
  const joinDay = r() < 0.3 ? 0 : Math.floor(r() * days);
  const returns = 0.25 + r() * 0.6;
  const churn = 0.03 + r() * 0.2;
  const out = [joinDay];
  for (let d = joinDay + 1; d < days; d++) {
    if (r() < churn) break;
    if (r() < returns) out.push(d);
  }
  return out;
};

interface V1Player {
  readonly name: string;
  readonly password: string;
  readonly offerLover: boolean;
  readonly joined: Array<{ kind: OrgKind; org: string }>;
  registered: boolean;
}

/** One sitting of a JSON API player: (register,) log in, a few moves, and most of the time log out. */
const v1Sitting = (r: Rand, c: SimCatalogue, p: V1Player, t: Timeline): void => {
  if (!p.registered) {
    if (r() < 0.05) add(t, { op: 'register', name: p.name, password: null }, 0);
    add(t, { op: 'register', name: p.name, password: p.password }, 1000);
    p.registered = true;
  }
  if (r() < 0.08) add(t, { op: 'login', wrong: true }, 1000);
  add(t, { op: 'login', wrong: false }, 1000 + Math.floor(r() * 20_000));
  if (r() < 0.3) add(t, { op: 'catalogue' }, 1000);
  for (let moves = 2 + Math.floor(r() * 7); moves > 0; moves--) {
    const step = v1Move(r, c, p.offerLover, p.joined);
    if (step === undefined) continue;
    add(t, step, moveGap(r));
    if (step.op === 'logout') return;
  }
  if (r() < 0.7) add(t, { op: 'logout' }, moveGap(r));
};

const seedSitting = (r: Rand, t: Timeline, first: Step | null): void => {
  if (first !== null) add(t, first, 0);
  for (let moves = 2 + Math.floor(r() * 6); moves > 0; moves--) add(t, seedMove(r), moveGap(r));
};

const hostSitting = (r: Rand, t: Timeline): void => {
  for (let moves = 2 + Math.floor(r() * 6); moves > 0; moves--) add(t, hostMove(r), moveGap(r));
};

/** One player's days: one to three sittings on each day they play, at least 31 minutes apart. */
const calendarJourney = (o: CalendarOptions, index: number, style: Style): Journey => {
  const r = prng(o.seed * 1_000_003 + index + 1);
  const host = style === 'host' ? hostName(index) : style === 'seed000' ? seedHost : pick(r, frontEnds);
  const t: Timeline = { steps: [], times: [], at: 0 };
  const v1: V1Player = {
    name: `sim${o.seed}-p${index}`,
    password: `pw-${o.seed}-${index}-${Math.floor(r() * 1e9)}`,
    offerLover: r() < 0.4,
    joined: [],
    registered: false,
  };
  let created = false;
  for (const day of playDays(r, o.days)) {
    const sittings = 1 + (r() < 0.35 ? 1 : 0) + (r() < 0.1 ? 1 : 0);
    for (let s = 0; s < sittings; s++) {
      const earliest = s === 0 ? o.startMs + day * dayMs + Math.floor(r() * 10 * 3600_000) : t.at + 31 * minuteMs + Math.floor(r() * 5 * 3600_000);
      t.at = Math.max(earliest, t.at + 31 * minuteMs);
      if (style === 'v1') v1Sitting(r, o.catalogue, v1, t);
      else if (style === 'seed000') seedSitting(r, t, created ? null : seedCreate(r, o.seed, index));
      else hostSitting(r, t);
      created = true;
    }
  }
  return { index, style, host, steps: t.steps, times: t.times };
};

export interface CalendarOptions {
  readonly seed: number;
  readonly players: number;
  readonly days: number;
  /** Midnight UTC of the first simulated day, in ms. */
  readonly startMs: number;
  readonly catalogue: SimCatalogue;
}

/**
 * `--days`: every player's journey over the simulated calendar, from the seed alone. Players join on their own day
 * (a third on the first), play one to three sittings on the days they come back, and churn; the same mix of styles as
 * a burst. Each step carries the time it is sent at.
 */
export const planCalendar = (o: CalendarOptions): Journey[] => {
  const hosts = Math.min(o.players, Math.max(3, Math.min(12, Math.round(o.players * 0.04))));
  const seeds = Math.min(o.players - hosts, Math.round(o.players * 0.15));
  return Array.from({ length: o.players }, (_, i) => calendarJourney(o, i, i < hosts ? 'host' : i < hosts + seeds ? 'seed000' : 'v1'));
};
