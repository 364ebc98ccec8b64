import { activityAnswers } from './kpiActivity.js';
import { calendarOf } from './kpiCalendar.js';
import { economyAnswers } from './kpiEconomy.js';
import { seed000, seed001 } from './seedExpected.js';
import { factsOf, type Answers, type Facts } from './simulateFacts.js';
import type { SimEvent } from './playerModel.js';
import { distinct, groupBy, mean, orderBy, pearson, round, sum, type Cell, type Rows } from './rowMath.js';

export { round, type Cell, type Rows } from './rowMath.js';

/** Time from the first login to a first event picked by `first`, for players who signed in (queries 01–03). */
const firstTimes = (events: ReadonlyArray<SimEvent>, first: (e: SimEvent) => boolean) => {
  const byPlayer = groupBy(events, (e) => e.player);
  const out: Array<{ ms: number; first: SimEvent }> = [];
  for (const es of byPlayer.values()) {
    if (!es.some((e) => e.type === 'LoggedIn')) continue;
    const reg = es.filter((e) => e.type === 'LoggedIn' && e.at !== null).map((e) => e.at as number);
    const hits = es.filter(first);
    if (reg.length === 0 || hits.length === 0) continue;
    const at = Math.min(...hits.map((e) => e.at ?? Number.POSITIVE_INFINITY));
    const byVersion = hits.reduce((a, b) => (b.version < a.version ? b : a));
    out.push({ ms: at - Math.min(...reg), first: byVersion });
  }
  return out;
};

const timeSummary = (ms: ReadonlyArray<number>): Rows => [
  [
    ms.length,
    ms.length === 0 ? null : round((mean(ms) as number) / 1000, 3),
    ms.length === 0 ? null : round(Math.min(...ms) / 1000, 3),
    ms.length === 0 ? null : round(Math.max(...ms) / 1000, 3),
  ],
];

const wealthRanges = [0, 100, 500, 1000, 2000, 5000, 10000, 50000, 100000, 1000000];

/** Questions 01–08: how long until a first purchase or join, fights, and what wealth goes with. */
const timeAndWealth = ({ events, fights, players, played }: Facts, answers: Answers): void => {
  answers.set('time_to_first_purchase', timeSummary(firstTimes(events, (e) => e.status === 'approved_purchase').map((x) => x.ms)));
  answers.set('time_to_first_org_join', timeSummary(firstTimes(events, (e) => e.status === 'approved_join').map((x) => x.ms)));
  answers.set(
    'offers_time_to_first_purchase',
    [
      ...groupBy(
        firstTimes(events, (e) => e.status === 'approved_purchase'),
        (x) => x.first.offer_id ?? 'none',
      ).entries(),
    ]
      .sort(orderBy(([k]) => k))
      .map(([tactic, xs]) => [tactic, xs.length, round((mean(xs.map((x) => x.ms)) as number) / 1000, 3), round(mean(xs.map((x) => x.first.discount ?? 0)), 2)]),
  );
  answers.set(
    'win_rate_by_enemy',
    [...groupBy(fights, (e) => e.enemy ?? '').entries()].sort(orderBy(([k]) => k)).map(([enemy, fs]) => {
      const wins = fs.filter((f) => f.outcome === 'won').length;
      return [enemy, fs.length, wins, round(wins / fs.length, 3), round(mean(fs.map((f) => f.win_chance ?? 0)), 3)];
    }),
  );
  answers.set(
    'wealth_distribution',
    [...groupBy(players, (p) => String([...wealthRanges].reverse().find((from) => p.wealth >= from) ?? 0)).entries()]
      .map(([from, ps]) => [Number(from), wealthRanges[wealthRanges.indexOf(Number(from)) + 1] ?? null, ps.length] as Cell[])
      .sort(orderBy((r) => r[0] ?? null)),
  );
  answers.set(
    'wealth_by_time_played',
    [...groupBy(played, (x) => String(Math.floor(x.ms / 5000) * 5)).entries()]
      .map(([from, xs]) => [Number(from), xs.length, round(mean(xs.map((x) => x.p.wealth)), 2)] as Cell[])
      .sort(orderBy((r) => r[0] ?? null)),
  );
  const factor = (name: string, pairs: ReadonlyArray<readonly [number, number]>): Cell[] => [
    name,
    pairs.length,
    distinct(pairs.map((p) => p[0])) > 1 && distinct(pairs.map((p) => p[1])) > 1 ? round(pearson(pairs), 4) : null,
  ];
  answers.set('wealth_factors', [
    factor(
      'items',
      players.map((p) => [p.items, p.wealth] as const),
    ),
    factor(
      'orgs',
      players.map((p) => [p.orgs, p.wealth] as const),
    ),
    factor(
      'time_played',
      played.map((x) => [x.ms / 1000, x.p.wealth] as const),
    ),
  ]);
  {
    const xs = played.map((x) => x.ms / 1000);
    const ys = played.map((x) => x.p.wealth);
    if (distinct(xs) > 1) {
      const mx = sum(xs) / xs.length;
      const my = sum(ys) / ys.length;
      const slope = sum(xs.map((x, i) => (x - mx) * ((ys[i] ?? 0) - my))) / sum(xs.map((x) => (x - mx) ** 2));
      const intercept = my - slope * mx;
      answers.set('wealth_trend', [[played.length, round(slope, 3), round(intercept, 2), round(intercept + 600 * slope, 2)]]);
    } else answers.set('wealth_trend', [[played.length, null, null, null]]);
  }
};

/** Questions 09–13: items, prices, orgs and hosts. */
const purchasesAndOrgs = ({ approved, social, joins }: Facts, answers: Answers): void => {
  answers.set(
    'items_per_type',
    [...groupBy(approved, (e) => `${e.kind ?? ''}\u0000${e.item_type ?? ''}`).values()]
      .map((es) => [es[0]?.kind ?? null, es[0]?.item_type ?? null, es.length, sum(es.map((e) => e.quantity ?? 0))] as Cell[])
      .sort(
        orderBy(
          (r) => r[0] ?? null,
          (r) => r[1] ?? null,
        ),
      ),
  );
  answers.set(
    'average_price_per_type',
    [...groupBy(approved, (e) => e.item_type ?? '').entries()]
      .sort(orderBy(([k]) => k))
      .map(([type, es]) => [
        type,
        es.length,
        round(mean(es.map((e) => e.unit_price ?? 0)), 2),
        round(sum(es.map((e) => e.cost ?? 0)) / sum(es.map((e) => e.quantity ?? 0)), 2),
        round(mean(es.map((e) => e.cost ?? 0)), 2),
      ]),
  );
  answers.set(
    'most_popular_org',
    [
      ...groupBy(
        social.filter((e) => e.status === 'approved_join' || e.status === 'insufficient_funds'),
        (e) => `${e.org_kind ?? ''}\u0000${e.org ?? ''}`,
      ).values(),
    ]
      .map((es) => {
        const ok = es.filter((e) => e.status === 'approved_join');
        return [es[0]?.org_kind ?? null, es[0]?.org ?? null, ok.length, distinct(ok.map((e) => e.player)), es.length - ok.length] as Cell[];
      })
      .sort(
        orderBy(
          (r) => -(r[2] as number),
          (r) => r[0] ?? null,
          (r) => r[1] ?? null,
        ),
      ),
  );
  answers.set(
    'average_wealth_of_joiners_per_org',
    [...groupBy(joins, (e) => e.org ?? '').entries()]
      .sort(orderBy(([k]) => k))
      .map(([org, es]) => [org, es.length, round(mean(es.map((e) => e.wealth + (e.cost ?? 0))), 2), round(mean(es.map((e) => e.wealth)), 2)]),
  );
  answers.set(
    'purchases_per_host',
    [...groupBy(approved, (e) => e.host).entries()]
      .map(([host, es]) => [host, es.length, sum(es.map((e) => e.quantity ?? 0)), round(sum(es.map((e) => e.cost ?? 0)), 2)] as Cell[])
      .sort(
        orderBy(
          (r) => -(r[1] as number),
          (r) => r[0] ?? null,
        ),
      ),
  );
};

/** The answer every catalogue query should give over exactly these events (one entry per query name; the KPIs only with every event's time). */
export const expectedAnswers = (events: ReadonlyArray<SimEvent>): ReadonlyMap<string, Rows> => {
  const facts = factsOf(events);
  const answers: Answers = new Map();
  for (const add of [timeAndWealth, purchasesAndOrgs, seed000, seed001]) add(facts, answers);
  // The KPIs count days and sessions: only a run that knows every event's time (`--days`) models them.
  const calendar = calendarOf(events);
  if (calendar !== null) for (const add of [activityAnswers, economyAnswers]) add(calendar, answers);
  return answers;
};
