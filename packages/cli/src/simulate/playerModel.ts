import type { Logger } from '@placebo/adapters';
import type { SimApi } from './simulateHttp.js';
import type { Journey, SimCatalogue } from './simulateJourney.js';

/** One event the API accepted, as the simulator learnt it from the replies (and from what the routes imply). */
export interface SimEvent {
  readonly player: string;
  readonly version: number;
  readonly type: string;
  readonly action: string;
  readonly status: string;
  /** The server's occurred_at in ms, when a reply told it; null for events whose reply carries no time. */
  readonly at: number | null;
  readonly host: string;
  readonly accept: string;
  readonly kind?: string;
  readonly item_type?: string;
  readonly quantity?: number;
  readonly unit_price?: number;
  readonly discount?: number;
  readonly cost?: number;
  readonly offer_id?: string | null;
  readonly org_kind?: string;
  readonly org?: string;
  readonly level?: string;
  readonly enemy?: string;
  readonly outcome?: string;
  readonly reward?: number;
  readonly win_chance?: number;
  readonly wealth: number;
  readonly items: number;
  readonly orgs: number;
}

export interface RunStats {
  commands: number;
  accepted: number;
  refused: number;
  rejected: number;
  errors: number;
  skipped: number;
  /** Replies that disagree with the simulator's model of the player (a server or model bug). */
  divergences: number;
}

export interface RunContext {
  /** The API's calls for a journey's Host. */
  readonly api: (host: string) => SimApi;
  readonly catalogue: SimCatalogue;
  readonly logger: Logger;
  readonly events: SimEvent[];
  readonly stats: RunStats;
  readonly seed: number;
  /** `--days`: the simulated clock the server dates events by; every event recorded is dated by it. */
  readonly now?: () => number;
}

/** What the simulator believes of one player, updated from the replies. */
export interface Mirror {
  id: string | null;
  version: number;
  wealth: number;
  items: number;
  orgs: Array<{ kind: string; org: string }>;
  token: string | null;
  name: string;
  password: string;
  dead: boolean;
}

/** An event's own fields; the player, version, host and the player's totals come from the model. */
export type EventFields = Omit<SimEvent, 'player' | 'version' | 'host' | 'accept' | 'wealth' | 'items' | 'orgs'>;
export interface PurchaseFields {
  readonly kind: string;
  readonly item_type: string;
  readonly quantity: number;
  readonly unit_price: number;
  readonly discount: number;
  readonly cost: number;
  readonly offer_id: string | null;
}
export interface JoinFields {
  readonly org_kind: string;
  readonly org: string;
  readonly level: string;
  readonly cost: number;
}

/**
 * A purchase or join the server answered. `version` and `wealth` are the reply's when it tells them (the JSON API);
 * without them (the seed routes) the model predicts the outcome and counts a divergence when the server differs.
 */
export interface Outcome {
  readonly path: string;
  readonly approved: boolean;
  readonly at: number | null;
  readonly version?: number;
  readonly wealth?: number;
}

export interface PlayerModel {
  readonly state: Mirror;
  /** Records the player's next event; a reply's `version` that is not the next one counts as a divergence. */
  readonly record: (e: EventFields, path: string, version?: number) => void;
  readonly diverged: (what: string, details: Record<string, unknown>) => void;
  readonly isMember: (kind: string, org: string) => boolean;
  /** Seed 001 registers a host's player on its first request. */
  readonly hostRegistered: (path: string) => void;
  readonly purchase: (o: Outcome, f: PurchaseFields) => void;
  readonly join: (o: Outcome, f: JoinFields) => void;
}

const accept = (path: string): string => (path.startsWith('/v1') ? 'application/json' : '*/*');

export const createPlayerModel = (ctx: RunContext, j: Journey): PlayerModel => {
  const m: Mirror = { id: null, version: 0, wealth: 0, items: 0, orgs: [], token: null, name: '', password: '', dead: false };
  const diverged = (what: string, details: Record<string, unknown>): void => {
    ctx.stats.divergences++;
    ctx.logger.warn(`simulate: ${what}`, { player: m.id, ...details });
  };
  const record = (e: EventFields, path: string, version?: number): void => {
    const next = m.version + 1;
    if (version !== undefined && version !== next) {
      ctx.stats.divergences++;
      ctx.logger.warn('simulate: unexpected player version', { player: m.id, expected: next, got: version });
    }
    m.version = version ?? next;
    const now = ctx.now?.() ?? null;
    if (now !== null && e.at !== null && e.at !== now) diverged('event time differs from the simulated clock', { clock: now, got: e.at });
    ctx.events.push({
      ...e,
      at: e.at ?? now,
      player: m.id ?? '',
      version: m.version,
      host: j.host,
      accept: accept(path),
      wealth: m.wealth,
      items: m.items,
      orgs: m.orgs.length,
    });
  };
  /** Pays `cost` when approved; takes the reply's wealth when it tells it, else checks the model's prediction. */
  const settle = (what: string, o: Outcome, cost: number): void => {
    if (o.wealth === undefined && cost <= m.wealth !== o.approved)
      diverged(`${what} outcome differs from the model`, { cost, wealth: m.wealth, approved: o.approved });
    if (o.approved) m.wealth = o.wealth ?? m.wealth - cost;
    else if (o.wealth !== undefined) m.wealth = o.wealth;
  };
  return {
    state: m,
    record,
    diverged,
    isMember: (kind, org) => m.orgs.some((x) => x.kind === kind && x.org.toLowerCase() === org.toLowerCase()),
    hostRegistered: (path) => {
      if (m.id !== null) return;
      m.id = `host-${j.host.toLowerCase()}`;
      m.wealth = ctx.catalogue.limits.host_starting_wealth;
      record({ type: 'PlayerRegistered', action: 'create_user', status: 'ok', at: null }, path);
    },
    purchase: (o, f) => {
      settle('purchase', o, f.cost);
      if (o.approved) m.items += f.quantity;
      record(
        {
          type: o.approved ? 'ItemPurchased' : 'PurchaseRefused',
          action: `buy_${f.kind}`,
          status: o.approved ? 'approved_purchase' : 'insufficient_funds',
          at: o.at,
          ...f,
        },
        o.path,
        o.version,
      );
    },
    join: (o, f) => {
      settle('join', o, f.cost);
      if (o.approved) m.orgs.push({ kind: f.org_kind, org: f.org });
      record(
        {
          type: o.approved ? 'OrgJoined' : 'OrgJoinRefused',
          action: `join_${f.org_kind}`,
          status: o.approved ? 'approved_join' : 'insufficient_funds',
          at: o.at,
          ...f,
        },
        o.path,
        o.version,
      );
    },
  };
};
