/** The expected answers of the activity KPIs (queries 15–19): active players, new players, sessions, retention. */
import { dayOf, daysBetween, type Calendar, type DatedEvent } from './kpiCalendar.js';
import { round, sum, type Cell, type Rows } from './rowMath.js';

const sessionGapMs = 30 * 60_000;

const activePlayers = ({ days, active }: Calendar): Rows =>
  days.map((day) => {
    const within = (n: number): number => {
      const players = new Set<string>();
      for (const d of days) if (d <= day && daysBetween(d, day) < n) for (const p of active.get(d) ?? []) players.add(p);
      return players.size;
    };
    const dau = active.get(day)?.size ?? 0;
    const mau = within(30);
    return [day, dau, within(7), mau, round(dau / mau, 4)];
  });

const newPlayers = ({ days, registeredAt }: Calendar): Rows => {
  let soFar = 0;
  return days.map((day) => {
    const n = [...registeredAt.values()].filter((at) => dayOf(at) === day).length;
    soFar += n;
    return [day, n, soFar];
  });
};

interface Session {
  readonly player: string;
  readonly day: string;
  readonly ms: number;
}

/** A player's sessions: a LoggedIn starts one, a LoggedOut ends one, and so does a pause of more than 30 minutes. */
const sessionsOf = (player: string, es: ReadonlyArray<DatedEvent>): Session[] => {
  const out: Session[] = [];
  let start: DatedEvent | null = null;
  let last: DatedEvent | null = null;
  for (const e of es) {
    const starts = last === null || e.type === 'LoggedIn' || last.type === 'LoggedOut' || e.at - last.at > sessionGapMs;
    if (starts && start !== null && last !== null) out.push({ player, day: dayOf(start.at), ms: last.at - start.at });
    if (starts) start = e;
    last = e;
  }
  if (start !== null && last !== null) out.push({ player, day: dayOf(start.at), ms: last.at - start.at });
  return out;
};

const sessionsPerDay = ({ days, byPlayer }: Calendar): Rows => {
  const sessions = [...byPlayer.entries()].flatMap(([p, es]) => sessionsOf(p, es));
  return days.flatMap((day) => {
    const ss = sessions.filter((s) => s.day === day);
    if (ss.length === 0) return [];
    const players = new Set(ss.map((s) => s.player)).size;
    const total = sum(ss.map((s) => s.ms));
    return [[day, players, ss.length, round(ss.length / players, 3), round(total / ss.length / 1000, 3), round(total / players / 1000, 3)]];
  });
};

/** Each registered player's cohort day and the days they were active on. */
const cohorts = ({ byPlayer, registeredAt }: Calendar) =>
  [...registeredAt.entries()].map(([player, at]) => ({ player, day: dayOf(at), activeOn: new Set((byPlayer.get(player) ?? []).map((e) => dayOf(e.at))) }));

const retention = (c: Calendar): Rows => {
  const lastDay = c.days[c.days.length - 1] ?? '';
  const all = cohorts(c);
  if (all.length === 0) return [];
  return [1, 7, 30].map((n) => {
    const eligible = all.filter((p) => daysBetween(p.day, lastDay) >= n);
    const retained = eligible.filter((p) => [...p.activeOn].some((d) => daysBetween(p.day, d) === n)).length;
    return [n, eligible.length, retained, eligible.length === 0 ? null : round(retained / eligible.length, 4)];
  });
};

const retentionCohorts = (c: Calendar): Rows => {
  const all = cohorts(c);
  const rows: Cell[][] = [];
  for (const day of [...new Set(all.map((p) => p.day))].sort()) {
    const cohort = all.filter((p) => p.day === day);
    for (const d of c.days.filter((x) => x >= day)) {
      const activeN = cohort.filter((p) => p.activeOn.has(d)).length;
      rows.push([day, daysBetween(day, d), cohort.length, activeN, round(activeN / cohort.length, 4)]);
    }
  }
  return rows;
};

/** Adds the activity KPIs' expected answers. */
export const activityAnswers = (c: Calendar, answers: Map<string, Rows>): void => {
  answers.set('active_players', activePlayers(c));
  answers.set('new_players_per_day', newPlayers(c));
  answers.set('sessions_per_day', sessionsPerDay(c));
  answers.set('retention', retention(c));
  answers.set('retention_cohorts', retentionCohorts(c));
};
