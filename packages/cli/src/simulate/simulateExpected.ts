import { userAgent } from './simulateHttp.js';
import type { SimEvent } from './playerModel.js';
import { distinct, groupBy, mean, orderBy, pearson, round, sum, type Cell, type Rows } from './rowMath.js';

export { round, type Cell, type Rows } from './rowMath.js';

const actions = new Set(['ItemPurchased', 'PurchaseRefused', 'OrgJoined', 'OrgJoinRefused', 'OrgLeft', 'FightFought']);

interface PlayerFigures {
  readonly wealth: number;
  readonly items: number;
  readonly orgs: number;
  readonly firstLoginAt: number | null;
  readonly lastActionAt: number | null;
  readonly logins: number;
}

const figuresOf = (events: ReadonlyArray<SimEvent>): PlayerFigures[] =>
  [...groupBy(events, (e) => e.player).values()].map((es) => {
    const latest = es.reduce((a, b) => (b.version > a.version ? b : a));
    const times = (f: (e: SimEvent) => boolean): number[] => es.filter((e) => f(e) && e.at !== null).map((e) => e.at as number);
    const logins = times((e) => e.type === 'LoggedIn');
    const act = times((e) => actions.has(e.type));
    return {
      wealth: latest.wealth,
      items: latest.items,
      orgs: latest.orgs,
      firstLoginAt: logins.length === 0 ? null : Math.min(...logins),
      lastActionAt: act.length === 0 ? null : Math.max(...act),
      logins: es.filter((e) => e.type === 'LoggedIn').length,
    };
  });

/** Milliseconds played (first login → latest action) of the players who signed in, as queries 06–08 define it. */
const playedMs = (p: PlayerFigures): number | null =>
  p.logins > 0 && p.lastActionAt !== null && p.firstLoginAt !== null ? p.lastActionAt - p.firstLoginAt : null;

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

/** What the expected answers are computed from: the events, and the players' figures they add up to. */
interface Facts {
  readonly events: ReadonlyArray<SimEvent>;
  readonly buys: ReadonlyArray<SimEvent>;
  readonly approved: ReadonlyArray<SimEvent>;
  readonly social: ReadonlyArray<SimEvent>;
  readonly joins: ReadonlyArray<SimEvent>;
  readonly fights: ReadonlyArray<SimEvent>;
  readonly players: ReadonlyArray<PlayerFigures>;
  readonly played: ReadonlyArray<{ readonly p: PlayerFigures; readonly ms: number }>;
}

const factsOf = (events: ReadonlyArray<SimEvent>): Facts => {
  const buys = events.filter((e) => e.type === 'ItemPurchased' || e.type === 'PurchaseRefused');
  const social = events.filter((e) => e.type === 'OrgJoined' || e.type === 'OrgJoinRefused' || e.type === 'OrgLeft');
  const players = figuresOf(events);
  return {
    events,
    buys,
    approved: buys.filter((e) => e.status === 'approved_purchase'),
    social,
    joins: social.filter((e) => e.status === 'approved_join'),
    fights: events.filter((e) => e.type === 'FightFought'),
    players,
    played: players.map((p) => ({ p, ms: playedMs(p) })).filter((x) => x.ms !== null) as Array<{ p: PlayerFigures; ms: number }>,
  };
};

type Answers = Map<string, Rows>;

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

/** Seed 000's queries, over its form routes' events. */
const seed000 = ({ buys, approved, social }: Facts, answers: Answers): void => {
  answers.set(
    'seed000_buys',
    buys
      .map((e) => [e.status, e.item_type ?? null, e.cost ?? null] as Cell[])
      .sort(
        orderBy(
          (r) => r[0] ?? null,
          (r) => r[1] ?? null,
          (r) => r[2] ?? null,
        ),
      ),
  );
  answers.set(
    'seed000_items_per_type',
    [...groupBy(buys, (e) => `${e.status}\u0000${e.item_type ?? ''}`).values()]
      .map((es) => [es[0]?.status ?? null, es[0]?.item_type ?? null, es.length] as Cell[])
      .sort(
        orderBy(
          (r) => r[0] ?? null,
          (r) => r[1] ?? null,
        ),
      ),
  );
  answers.set(
    'seed000_average_price_per_type',
    [...groupBy(approved, (e) => e.item_type ?? '').entries()]
      .sort(orderBy(([k]) => k))
      .map(([type, es]) => [type, round(mean(es.map((e) => e.cost ?? 0)), 2)]),
  );
  answers.set(
    'seed000_most_popular_org',
    [...groupBy(social, (e) => `${e.action}\u0000${e.org ?? ''}`).values()]
      .map((es) => [es[0]?.action ?? null, es[0]?.org ?? null, es.length] as Cell[])
      .sort(
        orderBy(
          (r) => -(r[2] as number),
          (r) => r[0] ?? null,
          (r) => r[1] ?? null,
        ),
      ),
  );
  answers.set(
    'seed000_average_wealth_per_org',
    [...groupBy(social, (e) => e.org ?? '').entries()].sort(orderBy(([k]) => k)).map(([org, es]) => [org, round(mean(es.map((e) => e.wealth)), 2)]),
  );
};

const purchaseType = (e: SimEvent): string => `purchase_${e.kind ?? ''}`;

/** Seed 001's queries, over its Host-named routes' events. */
const seed001 = ({ approved, joins }: Facts, answers: Answers): void => {
  answers.set(
    'seed001_purchases',
    approved
      .map((e) => [e.accept, e.host, userAgent, purchaseType(e), e.quantity ?? null, e.player] as Cell[])
      .sort(
        orderBy(
          (r) => r[1] ?? null,
          (r) => r[3] ?? null,
          (r) => r[5] ?? null,
          (r) => r[4] ?? null,
          (r) => r[0] ?? null,
          (r) => r[2] ?? null,
        ),
      ),
  );
  answers.set('seed001_purchase_count', [[approved.length]]);
  const guildJoins = joins.filter((e) => e.action === 'join_guild');
  answers.set('seed001_guild_membership_count', [[guildJoins.length]]);
  answers.set(
    'seed001_purchases_per_host',
    [...groupBy(approved, (e) => e.host).entries()].sort(orderBy(([k]) => k)).map(([host, es]) => [host, es.length]),
  );
  const perType = (es: ReadonlyArray<SimEvent>): Rows =>
    [...groupBy(es, purchaseType).entries()]
      .map(([t, xs]) => [t, xs.length] as Cell[])
      .sort(
        orderBy(
          (r) => r[1] ?? null,
          (r) => r[0] ?? null,
        ),
      );
  answers.set('seed001_purchases_per_event_type', perType(approved));
  answers.set('seed001_purchases_of_user3', perType(approved.filter((e) => e.host === 'user3.spectrum.com')));
  answers.set('seed001_bow_purchases', []);
  answers.set('seed001_arrow_purchases', []);
  answers.set('seed001_guild_event_types', guildJoins.length > 0 ? [['join_guild']] : []);
};

/** The answer every catalogue query should give over exactly these events (one entry per query name). */
export const expectedAnswers = (events: ReadonlyArray<SimEvent>): ReadonlyMap<string, Rows> => {
  const facts = factsOf(events);
  const answers: Answers = new Map();
  for (const add of [timeAndWealth, purchasesAndOrgs, seed000, seed001]) add(facts, answers);
  return answers;
};
