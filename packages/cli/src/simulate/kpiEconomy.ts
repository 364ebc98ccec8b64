/** The expected answers of the spending and economy KPIs (queries 20–25). */
import { dayMs, dayOf, type Calendar, type DatedEvent } from './kpiCalendar.js';
import { cmp, mean, round, sum, type Rows } from './rowMath.js';

const approved = (c: Calendar): ReadonlyArray<DatedEvent> => c.events.filter((e) => e.type === 'ItemPurchased');

const coinsPerActivePlayer = (c: Calendar): Rows =>
  c.days.map((day) => {
    const bought = approved(c).filter((e) => dayOf(e.at) === day);
    const dau = c.active.get(day)?.size ?? 0;
    const coins = sum(bought.map((e) => e.cost ?? 0));
    return [day, dau, new Set(bought.map((e) => e.player)).size, coins, round(coins / dau, 2)];
  });

/** Each buyer's time from registration to their first approved purchase, in ms. */
const waits = (c: Calendar): number[] => {
  const first = new Map<string, number>();
  for (const e of approved(c)) first.set(e.player, Math.min(e.at, first.get(e.player) ?? Number.POSITIVE_INFINITY));
  return [...c.registeredAt.entries()].flatMap(([p, at]) => {
    const bought = first.get(p);
    return bought === undefined ? [] : [bought - at];
  });
};

const conversion = (c: Calendar): Rows => {
  const players = c.registeredAt.size;
  if (players === 0) return [[0, 0, null, null, null]];
  const ms = waits(c);
  const avg = mean(ms);
  return [[players, ms.length, round(ms.length / players, 4), avg === null ? null : round(avg / dayMs, 3), ms.filter((x) => x < dayMs).length]];
};

const daysToFirstPurchase = (c: Calendar): Rows => {
  const counts = new Map<number, number>();
  for (const ms of waits(c)) counts.set(Math.floor(ms / dayMs), (counts.get(Math.floor(ms / dayMs)) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => a[0] - b[0]).map(([d, n]) => [d, n]);
};

const coinsIn = (e: DatedEvent): number => (e.type === 'PlayerRegistered' ? e.wealth : e.type === 'FightFought' ? (e.reward ?? 0) : 0);
const coinsOut = (e: DatedEvent): number => (e.type === 'ItemPurchased' || e.type === 'OrgJoined' ? (e.cost ?? 0) : 0);

const economy = (c: Calendar): Rows => {
  let held = 0;
  let before: number | null = null;
  return c.days.map((day) => {
    const es = c.events.filter((e) => dayOf(e.at) === day);
    const inflow = sum(es.map(coinsIn));
    const outflow = sum(es.map(coinsOut));
    const net = inflow - outflow;
    held += net;
    const inflation = before === null || before === 0 ? null : round(net / before, 4);
    before = held;
    return [day, inflow, outflow, net, held, inflation];
  });
};

const topSpenders = (c: Calendar): Rows => {
  const spent = new Map<string, number>();
  for (const e of approved(c)) spent.set(e.player, (spent.get(e.player) ?? 0) + (e.cost ?? 0));
  const ranked = [...c.registeredAt.keys()].map((p) => ({ p, spent: spent.get(p) ?? 0 })).sort((a, b) => b.spent - a.spent || cmp(a.p, b.p));
  if (ranked.length === 0) return [];
  const top = Math.ceil(ranked.length / 100);
  const topSpent = sum(ranked.slice(0, top).map((x) => x.spent));
  const total = sum(ranked.map((x) => x.spent));
  return [[ranked.length, top, topSpent, total, total === 0 ? null : round(topSpent / total, 4)]];
};

/** The first time at or after `after` of an event of `type` among a player's events, or null. */
const firstAfter = (es: ReadonlyArray<DatedEvent>, type: string, after: number | null): number | null => {
  if (after === null) return null;
  const hit = es.find((e) => e.type === type && e.at >= after);
  return hit === undefined ? null : hit.at;
};

const funnel = (c: Calendar): Rows => {
  const reached = [0, 0, 0, 0];
  for (const [p, at] of c.registeredAt) {
    const es = c.byPlayer.get(p) ?? [];
    const login = firstAfter(es, 'LoggedIn', at);
    const bought = firstAfter(es, 'ItemPurchased', login);
    const joined = firstAfter(es, 'OrgJoined', bought);
    [at, login, bought, joined].forEach((x, i) => {
      if (x !== null) reached[i] = (reached[i] ?? 0) + 1;
    });
  }
  const stages = ['registered', 'logged_in', 'first_purchase', 'first_org'];
  const first = reached[0] ?? 0;
  return stages.map((stage, i) => {
    const n = reached[i] ?? 0;
    const previous = i === 0 ? null : (reached[i - 1] ?? 0);
    return [i + 1, stage, n, first === 0 ? null : round(n / first, 4), previous === null || previous === 0 ? null : round(n / previous, 4)];
  });
};

/** Adds the spending and economy KPIs' expected answers. */
export const economyAnswers = (c: Calendar, answers: Map<string, Rows>): void => {
  answers.set('coins_spent_per_active_player', coinsPerActivePlayer(c));
  answers.set('first_purchase_conversion', conversion(c));
  answers.set('days_to_first_purchase', daysToFirstPurchase(c));
  answers.set('economy_per_day', economy(c));
  answers.set('top_spenders_share', topSpenders(c));
  answers.set('funnel', funnel(c));
};
