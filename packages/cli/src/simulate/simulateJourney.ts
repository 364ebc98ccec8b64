/** The part of the server's catalogue (GET /v1/catalogue) the journeys choose from. */
import type { View } from '@placebo/client';

export type ItemKind = View<'Purchased'>['kind'];
export type OrgKind = View<'Joined'>['kind'];
/** Seed 001's purchase routes. */
export type HostPath = '/purchase_a_sword' | '/purchase_a_knife' | '/purchase_armor' | '/purchase_bow' | '/purchase_arrow';

export interface SimCatalogue {
  readonly items: ReadonlyArray<{ readonly kind: ItemKind; readonly type: string; readonly price: number }>;
  readonly orgs: ReadonlyArray<{
    readonly kind: OrgKind;
    readonly name: string;
    readonly levels: ReadonlyArray<{ readonly level: string; readonly cost: number }>;
  }>;
  readonly offers: ReadonlyArray<{ readonly id: string; readonly kinds: ReadonlyArray<ItemKind> }>;
  readonly enemies: ReadonlyArray<{ readonly type: string }>;
  readonly limits: { readonly host_starting_wealth: number };
}

/** A step through the JSON API (`/v1/...`). */
export type V1Step =
  | { readonly op: 'register'; readonly name: string; readonly password: string | null }
  | { readonly op: 'login'; readonly wrong: boolean }
  | { readonly op: 'catalogue' }
  | { readonly op: 'profile' }
  | { readonly op: 'buy'; readonly kind: ItemKind; readonly type: string; readonly quantity: number; readonly offer: string | null }
  | { readonly op: 'join'; readonly kind: OrgKind; readonly org: string; readonly level: string }
  | { readonly op: 'leave'; readonly kind: OrgKind; readonly org: string }
  | { readonly op: 'fight'; readonly enemy: string }
  | { readonly op: 'logout' };

/** A step through seed 000's form routes (`/create/user`, `/buy/...`, `/join/...`, `/data/user`). */
export type Seed000Step =
  | { readonly op: 'seedCreate'; readonly userid: string; readonly username: string; readonly wealth: number }
  | { readonly op: 'seedBuy'; readonly kind: 'sword' | 'spell'; readonly type: string; readonly cost: number }
  | { readonly op: 'seedJoin'; readonly kind: 'guild' | 'team'; readonly org: string; readonly level: string; readonly cost: number }
  | { readonly op: 'seedProfile' };

/** A step through seed 001's Host-named routes (`/purchase_a_sword`, `/join_guild`, `/`). */
export type HostStep = { readonly op: 'hostBuy'; readonly path: HostPath; readonly kind: ItemKind } | { readonly op: 'hostJoin' } | { readonly op: 'hostHome' };

export type Step = V1Step | Seed000Step | HostStep;

/** How a player reaches the game: the JSON API, seed 000's form routes, or seed 001's Host-named routes. */
export type Style = 'v1' | 'seed000' | 'host';

export interface Journey {
  readonly index: number;
  readonly style: Style;
  /** The Host header of every request (seed 001: the player's own host name). */
  readonly host: string;
  readonly steps: ReadonlyArray<Step>;
  /** `--days`: when each step is sent, in ms of the simulated calendar (ascending); absent for a burst. */
  readonly times?: ReadonlyArray<number>;
}

/** mulberry32: small, fast and good enough to pick moves; the same seed gives the same journeys. */
export const prng = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

export type Rand = () => number;
export const pick = <A>(r: Rand, xs: ReadonlyArray<A>): A => {
  const x = xs[Math.floor(r() * xs.length)];
  if (x === undefined) throw new Error('pick from an empty list');
  return x;
};
const weighted = <A extends string>(r: Rand, table: ReadonlyArray<readonly [A, number]>): A => {
  let u = r() * table.reduce((s, [, w]) => s + w, 0);
  for (const [a, w] of table) {
    if ((u -= w) < 0) return a;
  }
  return table[table.length - 1]?.[0] as A;
};

/** The seeds' hosts first (seed 001's queries name user3.spectrum.com), then more of the same shape. */
const isps = ['comcast.com', 'att.com', 'spectrum.com', 'verizon.net', 'cox.net', 'frontier.com'];
export const hostName = (i: number): string => `user${i + 1}.${isps[i % isps.length] ?? 'example.com'}`;
export const frontEnds = ['play.placebo.game', 'eu.placebo.game', 'us.placebo.game'];
/** Seed 000's form posts went to the Flask app on localhost:5000. */
export const seedHost = 'localhost:5000';

const seedSwords: ReadonlyArray<readonly [string, number]> = [
  ['cutlass', 777],
  ['saber', 999],
  ['broadsword', 1034],
  ['longsword', 10000],
];
const seedSpells: ReadonlyArray<readonly [string, number]> = [
  ['charm', 4999],
  ['potion', 50],
];
const seedGuilds: ReadonlyArray<readonly [string, string, number]> = [
  ['soldiers', 'recruit', 100],
  ['soldiers', 'masterofarms', 9999],
  ['magicians', 'accolyte', 99],
  ['Golds Gym', 'member', 250],
  ['santas shop', 'elf', 500],
];
const seedTeams: ReadonlyArray<readonly [string, string, number]> = [
  ['team ABCD', 'member', 0],
  ['team BLAH', 'member', 0],
  ['Magician Guild', 'apprentice', 150],
];

const buyStep = (r: Rand, c: SimCatalogue, offerLover: boolean): V1Step => {
  const item = pick(r, c.items);
  const offers = c.offers.filter((o) => o.kinds.length === 0 || o.kinds.includes(item.kind));
  const misuse = r() < 0.02 ? c.offers.find((o) => o.kinds.length > 0 && !o.kinds.includes(item.kind)) : undefined;
  const offer = misuse ?? (offers.length > 0 && r() < (offerLover ? 0.6 : 0.1) ? pick(r, offers) : undefined);
  const quantity = item.kind === 'arrow' ? 10 + Math.floor(r() * 40) : r() < 0.85 ? 1 : 2 + Math.floor(r() * 3);
  return { op: 'buy', kind: item.kind, type: item.type, quantity, offer: offer?.id ?? null };
};

/** Joins an org (at its first level most of the time); `joined` learns it, so a later step may leave it. */
const joinStep = (r: Rand, c: SimCatalogue, joined: Array<{ kind: OrgKind; org: string }>): V1Step => {
  const org = pick(r, c.orgs);
  const level = r() < 0.75 ? org.levels[0] : pick(r, org.levels);
  if (!joined.some((j) => j.kind === org.kind && j.org === org.name)) joined.push({ kind: org.kind, org: org.name });
  return { op: 'join', kind: org.kind, org: org.name, level: level?.level ?? '' };
};

const leaveStep = (r: Rand, joined: Array<{ kind: OrgKind; org: string }>): V1Step | undefined => {
  const at = Math.floor(r() * joined.length);
  const [left] = joined.splice(at, 1);
  return left === undefined ? undefined : { op: 'leave', kind: left.kind, org: left.org };
};

/** A logged-in player's next move: mostly buying and fighting, some joining and leaving. */
export const v1Move = (r: Rand, c: SimCatalogue, offerLover: boolean, joined: Array<{ kind: OrgKind; org: string }>): V1Step | undefined => {
  const move = weighted(r, [
    ['buy', 36],
    ['fight', 22],
    ['join', 12],
    ['leave', joined.length > 0 ? 7 : 0],
    ['profile', 8],
    ['catalogue', 3],
    ['logout', 4],
  ] as const);
  switch (move) {
    case 'buy':
      return buyStep(r, c, offerLover);
    case 'fight':
      return {
        op: 'fight',
        enemy: weighted(
          r,
          c.enemies.map((e, i) => [e.type, i === 0 ? 5 : i === 1 ? 3 : 1] as const),
        ),
      };
    case 'join':
      return joinStep(r, c, joined);
    case 'leave':
      return leaveStep(r, joined);
    default:
      return { op: move };
  }
};

const v1Journey = (r: Rand, c: SimCatalogue, seed: number, index: number, length: number): Step[] => {
  const steps: Step[] = [];
  const name = `sim${seed}-p${index}`;
  const password = `pw-${seed}-${index}-${Math.floor(r() * 1e9)}`;
  if (r() < 0.05) steps.push({ op: 'register', name, password: null });
  steps.push({ op: 'register', name, password });
  if (r() < 0.1) steps.push({ op: 'login', wrong: true });
  steps.push({ op: 'login', wrong: false });
  if (r() < 0.5) steps.push({ op: 'catalogue' });
  const offerLover = r() < 0.4;
  const joined: Array<{ kind: OrgKind; org: string }> = [];
  let loggedIn = true;
  while (steps.length < length - 1) {
    if (!loggedIn) {
      const wrong = r() < 0.05;
      steps.push({ op: 'login', wrong });
      loggedIn = !wrong;
      continue;
    }
    const step = v1Move(r, c, offerLover, joined);
    if (step !== undefined) steps.push(step);
    if (step?.op === 'logout') loggedIn = false;
  }
  if (loggedIn) steps.push({ op: 'logout' });
  return steps;
};

/** A seed 000 form player's next move. */
export const seedMove = (r: Rand): Seed000Step => {
  const move = weighted(r, [
    ['sword', 40],
    ['spell', 20],
    ['guild', 15],
    ['team', 15],
    ['profile', 10],
  ] as const);
  if (move === 'sword' || move === 'spell') {
    const [type, cost] = pick(r, move === 'sword' ? seedSwords : seedSpells);
    return { op: 'seedBuy', kind: move, type, cost };
  }
  if (move === 'guild' || move === 'team') {
    const [org, level, cost] = pick(r, move === 'guild' ? seedGuilds : seedTeams);
    return { op: 'seedJoin', kind: move, org, level, cost };
  }
  return { op: 'seedProfile' };
};

/** Seed 000's form registration, with one of the seeds' starting wealths. */
export const seedCreate = (r: Rand, seed: number, index: number): Seed000Step => ({
  op: 'seedCreate',
  userid: `sim${seed}-u${index}`,
  username: `sim${seed}-seed${index}`,
  wealth: pick(r, [1000, 5000, 12345, 98712, 1234500]),
});

const seedJourney = (r: Rand, seed: number, index: number, length: number): Step[] => {
  const steps: Step[] = [seedCreate(r, seed, index)];
  while (steps.length < length) steps.push(seedMove(r));
  return steps;
};

const hostPaths: ReadonlyArray<readonly [HostPath, ItemKind, number]> = [
  ['/purchase_a_sword', 'sword', 8],
  ['/purchase_a_knife', 'knife', 6],
  ['/purchase_armor', 'armor', 7],
  ['/purchase_bow', 'bow', 7],
  ['/purchase_arrow', 'arrow', 5],
];
/** A seed 001 Host player's next move: mostly purchases. */
export const hostMove = (r: Rand): HostStep => {
  const move = weighted(r, [...hostPaths.map(([p, , w]) => [p, w] as const), ['join', 3], ['home', 2]]);
  if (move === 'join') return { op: 'hostJoin' };
  if (move === 'home') return { op: 'hostHome' };
  return { op: 'hostBuy', path: move, kind: hostPaths.find(([p]) => p === move)?.[1] ?? 'sword' };
};

const hostJourney = (r: Rand, length: number): Step[] => {
  const steps: Step[] = [];
  while (steps.length < length) steps.push(hostMove(r));
  return steps;
};

/** Cuts `total` into `n` positive lengths around the mean, each at least `min`. */
const lengths = (r: Rand, n: number, total: number, min: number): number[] => {
  const weights = Array.from({ length: n }, () => 0.3 + r() * 1.4);
  const sum = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w) => Math.max(min, Math.floor((w / sum) * total)));
  let diff = total - out.reduce((a, b) => a + b, 0);
  for (let i = 0; diff !== 0 && n > 0; i = (i + 1) % n) {
    const cur = out[i] ?? min;
    if (diff > 0) {
      out[i] = cur + 1;
      diff--;
    } else if (cur > min) {
      out[i] = cur - 1;
      diff++;
    } else if (out.every((x) => x <= min)) break;
  }
  return out;
};

/**
 * Every player's journey, from the seed alone: a few seed 001 hosts, some seed 000 form players, the rest on the JSON
 * API. Lengths add up to `commands` (when each journey can hold its minimum). Outcomes (refusals, fights) are the server's.
 */
export const planJourneys = (options: {
  readonly seed: number;
  readonly players: number;
  readonly commands: number;
  readonly catalogue: SimCatalogue;
}): Journey[] => {
  const { seed, players } = options;
  const r = prng(seed);
  const hosts = Math.min(players, Math.max(3, Math.min(12, Math.round(players * 0.04))));
  const seeds = Math.min(players - hosts, Math.round(players * 0.15));
  const styles: Style[] = Array.from({ length: players }, (_, i) => (i < hosts ? 'host' : i < hosts + seeds ? 'seed000' : 'v1'));
  const sizes = lengths(r, players, options.commands, 4);
  return styles.map((style, index) => {
    const jr = prng(seed * 1_000_003 + index + 1);
    const length = sizes[index] ?? 4;
    if (style === 'host') return { index, style, host: hostName(index), steps: hostJourney(jr, length) };
    if (style === 'seed000') return { index, style, host: seedHost, steps: seedJourney(jr, seed, index, length) };
    return { index, style, host: pick(jr, frontEnds), steps: v1Journey(jr, options.catalogue, seed, index, length) };
  });
};
