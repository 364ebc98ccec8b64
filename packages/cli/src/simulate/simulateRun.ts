import type { Logger } from '@placebo/adapters';
import type { Reply, SimApi } from './simulateHttp.js';
import type { Journey, SimCatalogue, Step } from './simulateJourney.js';

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

interface Mirror {
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

export interface RunContext {
  /** The API's calls for a journey's Host. */
  readonly api: (host: string) => SimApi;
  readonly catalogue: SimCatalogue;
  readonly logger: Logger;
  readonly events: SimEvent[];
  readonly stats: RunStats;
  readonly seed: number;
}

const time = (v: string | null): number | null => (v === null ? null : Date.parse(v));
const retriable = (status: number): boolean => status === 503 || status === 0;

/** Sends a call; retries the ones with an idempotency key (a retry returns the first answer and writes nothing). */
const sendCommand = async <B>(ctx: RunContext, path: string, keyed: boolean, call: () => Promise<Reply<B>>): Promise<Reply<B>> => {
  for (let attempt = 0; ; attempt++) {
    let reply: Reply<B>;
    try {
      reply = await call();
    } catch {
      reply = { status: 0, body: undefined };
    }
    if (!retriable(reply.status) || !keyed || attempt >= 6) return reply;
    ctx.logger.warn('simulate: retrying a command', { path, status: reply.status, attempt: attempt + 1 });
    await new Promise((res) => setTimeout(res, 200 * 2 ** attempt));
  }
};

const statusClass = (ctx: RunContext, status: number): void => {
  if (status >= 200 && status < 300) ctx.stats.accepted++;
  else if (status === 402) ctx.stats.refused++;
  else if (status >= 400 && status < 500) ctx.stats.rejected++;
  else ctx.stats.errors++;
};

/** Runs one player's journey in order; `slot` paces and bounds the requests of all players together. */
export const runJourney = async (ctx: RunContext, j: Journey, slot: <A>(f: () => Promise<A>) => Promise<A>, tick: () => void): Promise<void> => {
  const m: Mirror = { id: null, version: 0, wealth: 0, items: 0, orgs: [], token: null, name: '', password: '', dead: false };
  const accept = (path: string): string => (path.startsWith('/v1') ? 'application/json' : '*/*');
  const record = (e: Omit<SimEvent, 'player' | 'version' | 'host' | 'accept' | 'wealth' | 'items' | 'orgs'>, path: string, version?: number): void => {
    const next = m.version + 1;
    if (version !== undefined && version !== next) {
      ctx.stats.divergences++;
      ctx.logger.warn('simulate: unexpected player version', { player: m.id, expected: next, got: version });
    }
    m.version = version ?? next;
    ctx.events.push({ ...e, player: m.id ?? '', version: m.version, host: j.host, accept: accept(path), wealth: m.wealth, items: m.items, orgs: m.orgs.length });
  };
  const diverged = (what: string, details: Record<string, unknown>): void => {
    ctx.stats.divergences++;
    ctx.logger.warn(`simulate: ${what}`, { player: m.id, ...details });
  };
  const key = (i: number): string => `sim${ctx.seed}-${j.index}-${i}`;
  const isMember = (kind: string, org: string): boolean => m.orgs.some((o) => o.kind === kind && o.org.toLowerCase() === org.toLowerCase());
  const hostRegistered = (path: string): void => {
    if (m.id !== null) return;
    m.id = `host-${j.host.toLowerCase()}`;
    m.wealth = ctx.catalogue.limits.host_starting_wealth;
    record({ type: 'PlayerRegistered', action: 'create_user', status: 'ok', at: null }, path);
  };
  const purchase = (path: string, approved: boolean, f: { kind: string; item_type: string; quantity: number; unit_price: number; discount: number; cost: number; offer_id: string | null }, at: number | null, version?: number, wealth?: number): void => {
    const predicted = f.cost <= m.wealth;
    if (wealth === undefined && predicted !== approved) diverged('purchase outcome differs from the model', { cost: f.cost, wealth: m.wealth, approved });
    if (approved) {
      m.wealth = wealth ?? m.wealth - f.cost;
      m.items += f.quantity;
    } else if (wealth !== undefined) m.wealth = wealth;
    record({ type: approved ? 'ItemPurchased' : 'PurchaseRefused', action: `buy_${f.kind}`, status: approved ? 'approved_purchase' : 'insufficient_funds', at, ...f }, path, version);
  };
  const join = (path: string, approved: boolean, f: { org_kind: string; org: string; level: string; cost: number }, at: number | null, version?: number, wealth?: number): void => {
    if (wealth === undefined && f.cost <= m.wealth !== approved) diverged('join outcome differs from the model', { cost: f.cost, wealth: m.wealth, approved });
    if (approved) {
      m.wealth = wealth ?? m.wealth - f.cost;
      m.orgs.push({ kind: f.org_kind, org: f.org });
    } else if (wealth !== undefined) m.wealth = wealth;
    record({ type: approved ? 'OrgJoined' : 'OrgJoinRefused', action: `join_${f.org_kind}`, status: approved ? 'approved_join' : 'insufficient_funds', at, ...f }, path, version);
  };

  const api = ctx.api(j.host);
  const step = async (s: Step, i: number): Promise<number> => {
    const token = m.token;
    const me = m.id ?? '';
    const mePath = `/v1/players/${encodeURIComponent(me)}`;
    const keyed = <B>(call: () => Promise<Reply<B>>): Promise<Reply<B>> => sendCommand(ctx, mePath, true, call);
    const once = <B>(call: () => Promise<Reply<B>>): Promise<Reply<B>> => sendCommand(ctx, mePath, false, call);
    switch (s.op) {
      case 'register': {
        const body = { name: s.name, ...(s.password === null ? {} : { password: s.password }) };
        const r = await (s.password === null ? once(() => api.register(body)) : keyed(() => api.register(body, key(i))));
        const b = r.body;
        if (r.status === 201 && b !== undefined && 'player_id' in b) {
          m.id = b.player_id;
          m.name = s.name;
          m.password = s.password ?? '';
          m.wealth = b.wealth;
          record({ type: 'PlayerRegistered', action: 'create_user', status: 'ok', at: time(b.created_at) }, '/v1/players');
        } else if (s.password !== null) m.dead = true;
        return r.status;
      }
      case 'login': {
        const r = await once(() => api.login({ name: m.name, password: s.wrong ? `${m.password}-nope` : m.password }));
        const b = r.body;
        if (r.status === 201 && b !== undefined && 'token' in b) {
          m.token = b.token;
          record({ type: 'LoggedIn', action: 'login', status: 'ok', at: time(b.occurred_at) }, '/v1/sessions');
        } else if (r.status === 401 && s.wrong) record({ type: 'LoginFailed', action: 'login_failed', status: 'wrong_password', at: null }, '/v1/sessions');
        return r.status;
      }
      case 'catalogue':
        return (await once(() => api.catalogue())).status;
      case 'profile': {
        const r = await once(() => api.profile(token, me));
        const b = r.body;
        if (r.status === 200 && b !== undefined && 'version' in b) {
          if (b.wealth !== m.wealth) diverged('profile wealth differs from the model', { model: m.wealth, got: b.wealth });
          record({ type: 'ProfileViewed', action: 'view_profile', status: 'ok', at: null }, mePath, b.version);
        }
        return r.status;
      }
      case 'buy': {
        const r = await keyed(() => api.buy(token, me, { kind: s.kind, type: s.type, quantity: s.quantity, ...(s.offer === null ? {} : { offer_id: s.offer }) }, key(i)));
        const b = r.body;
        if ((r.status === 201 || r.status === 402) && b !== undefined && 'unit_price' in b) {
          const fields = { kind: b.kind, item_type: b.type, quantity: b.quantity, unit_price: b.unit_price, discount: b.discount, cost: b.cost, offer_id: b.offer_id };
          purchase(`${mePath}/purchases`, r.status === 201, fields, time(b.occurred_at), b.player_version, b.wealth);
        }
        return r.status;
      }
      case 'join': {
        const r = await keyed(() => api.join(token, me, { kind: s.kind, org: s.org, level: s.level }, key(i)));
        const b = r.body;
        if ((r.status === 201 || r.status === 402) && b !== undefined && 'org' in b) {
          join(`${mePath}/orgs`, r.status === 201, { org_kind: b.kind, org: b.org, level: b.level, cost: b.cost }, time(b.occurred_at), b.player_version, b.wealth);
        }
        return r.status;
      }
      case 'leave': {
        const path = `${mePath}/orgs/${encodeURIComponent(s.kind)}/${encodeURIComponent(s.org)}`;
        const r = await keyed(() => api.leave(token, me, s.kind, s.org, key(i)));
        const b = r.body;
        if (r.status === 200 && b !== undefined && 'org' in b) {
          m.orgs = m.orgs.filter((o) => !(o.kind === b.kind && o.org === b.org));
          record({ type: 'OrgLeft', action: `leave_${b.kind}`, status: 'left', at: time(b.occurred_at), org_kind: b.kind, org: b.org, level: b.level }, path, b.player_version);
        }
        return r.status;
      }
      case 'fight': {
        const r = await keyed(() => api.fight(token, me, { enemy: s.enemy }, key(i)));
        const b = r.body;
        if (r.status === 201 && b !== undefined && 'outcome' in b) {
          m.wealth = b.wealth;
          record(
            { type: 'FightFought', action: 'fight', status: b.outcome, at: time(b.occurred_at), enemy: b.enemy, outcome: b.outcome, reward: b.reward, win_chance: b.win_chance },
            `${mePath}/fights`,
            b.player_version,
          );
        }
        return r.status;
      }
      case 'logout': {
        const r = await keyed(() => api.logout(token, key(i)));
        if (r.status === 204) {
          m.token = null;
          record({ type: 'LoggedOut', action: 'logout', status: 'ok', at: null }, '/v1/sessions');
        }
        return r.status;
      }
      case 'seedCreate': {
        const r = await once(() => api.seedCreate({ userid: s.userid, userpwd: `pw${j.index}`, username: s.username, wealth: String(s.wealth) }));
        if (r.status === 200) {
          m.id = s.userid;
          m.wealth = s.wealth;
          record({ type: 'PlayerRegistered', action: 'create_user', status: 'ok', at: null }, '/create/user');
        } else m.dead = true;
        return r.status;
      }
      case 'seedBuy': {
        const r = await once(() => api.seedBuy(s.kind, { userid: me, type: s.type, cost: String(s.cost) }));
        if (r.status === 200 || r.status === 402) {
          purchase(`/buy/${s.kind}`, r.status === 200, { kind: s.kind, item_type: s.type, quantity: 1, unit_price: s.cost, discount: 0, cost: s.cost, offer_id: null }, null);
        }
        return r.status;
      }
      case 'seedJoin': {
        const member = isMember(s.kind, s.org);
        const r = await once(() => api.seedJoin(s.kind, { userid: me, org: s.org, level: s.level, cost: String(s.cost) }));
        if (member !== (r.status === 409)) diverged('membership differs from the model', { org: s.org, member, status: r.status });
        if (r.status === 200 || r.status === 402) join(`/join/${s.kind}`, r.status === 200, { org_kind: s.kind, org: s.org, level: s.level, cost: s.cost }, null);
        return r.status;
      }
      case 'seedProfile': {
        const r = await once(() => api.seedProfile(me));
        if (r.status === 200) record({ type: 'ProfileViewed', action: 'view_profile', status: 'ok', at: null }, '/data/user');
        return r.status;
      }
      case 'hostBuy': {
        const item = ctx.catalogue.items.find((x) => x.kind === s.kind);
        const r = await once(() => api.hostGet(s.path));
        if ((r.status === 200 || r.status === 402) && item !== undefined) {
          hostRegistered(s.path);
          purchase(s.path, r.status === 200, { kind: s.kind, item_type: item.type, quantity: 1, unit_price: item.price, discount: 0, cost: item.price, offer_id: null }, null);
        }
        return r.status;
      }
      case 'hostJoin': {
        const guild = ctx.catalogue.orgs.find((o) => o.kind === 'guild');
        const level = guild?.levels[0];
        const member = guild !== undefined && isMember('guild', guild.name);
        const r = await once(() => api.hostGet('/join_guild'));
        if (member !== (r.status === 409)) diverged('membership differs from the model', { org: guild?.name, member, status: r.status });
        if ((r.status === 200 || r.status === 402) && guild !== undefined && level !== undefined) {
          hostRegistered('/join_guild');
          join('/join_guild', r.status === 200, { org_kind: 'guild', org: guild.name, level: level.level, cost: level.cost }, null);
        }
        return r.status;
      }
      case 'hostHome': {
        const r = await once(() => api.hostGet('/'));
        if (r.status === 200) {
          hostRegistered('/');
          record({ type: 'HomeVisited', action: 'default', status: 'ok', at: null }, '/');
        }
        return r.status;
      }
      default:
        return s satisfies never;
    }
  };

  for (const [i, s] of j.steps.entries()) {
    if (m.dead) {
      ctx.stats.skipped++;
      tick();
      continue;
    }
    const status = await slot(() => step(s, i));
    ctx.stats.commands++;
    statusClass(ctx, status);
    if (status >= 500 || status === 0) ctx.logger.warn('simulate: command failed', { player: m.id, op: s.op, status });
    tick();
  }
};
