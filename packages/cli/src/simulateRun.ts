import type { Logger } from '@placebo/adapters';
import type { HttpReply, HttpRequest } from './simulateHttp.js';
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
  readonly send: (r: HttpRequest) => Promise<HttpReply>;
  readonly catalogue: SimCatalogue;
  readonly logger: Logger;
  readonly events: SimEvent[];
  readonly stats: RunStats;
  readonly seed: number;
}

const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));
const str = (v: unknown): string => (typeof v === 'string' ? v : String(v));
const time = (v: unknown): number | null => (typeof v === 'string' ? Date.parse(v) : null);
const retriable = (r: HttpReply): boolean => r.status === 503 || r.status === 0;

/** Sends a command; retries the ones with an idempotency key (a retry returns the first answer and writes nothing). */
const sendCommand = async (ctx: RunContext, r: HttpRequest): Promise<HttpReply> => {
  for (let attempt = 0; ; attempt++) {
    let reply: HttpReply;
    try {
      reply = await ctx.send(r);
    } catch (e) {
      reply = { status: 0, text: e instanceof Error ? e.message : String(e), json: null };
    }
    if (!retriable(reply) || r.idempotencyKey === undefined || attempt >= 6) return reply;
    ctx.logger.warn('simulate: retrying a command', { path: r.path, status: reply.status, attempt: attempt + 1 });
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

  const step = async (s: Step, i: number): Promise<number> => {
    const v1 = (method: HttpRequest['method'], path: string, json?: unknown, withKey = true): Promise<HttpReply> =>
      sendCommand(ctx, { method, path, host: j.host, json, token: m.token ?? undefined, idempotencyKey: withKey ? key(i) : undefined });
    const form = (path: string, fields: Record<string, string>): Promise<HttpReply> => sendCommand(ctx, { method: 'POST', path, host: j.host, form: fields });
    const get = (path: string): Promise<HttpReply> => sendCommand(ctx, { method: 'GET', path, host: j.host });
    const me = `/v1/players/${encodeURIComponent(m.id ?? '')}`;
    switch (s.op) {
      case 'register': {
        const body = { name: s.name, ...(s.password === null ? {} : { password: s.password }), ...(s.wealth === null ? {} : { wealth: s.wealth }) };
        const r = await v1('POST', '/v1/players', body, s.password !== null);
        if (r.status === 201 && r.json !== null) {
          m.id = str(r.json.player_id);
          m.name = s.name;
          m.password = s.password ?? '';
          m.wealth = num(r.json.wealth);
          record({ type: 'PlayerRegistered', action: 'create_user', status: 'ok', at: time(r.json.created_at) }, '/v1/players');
        } else if (s.password !== null) m.dead = true;
        return r.status;
      }
      case 'login': {
        const r = await v1('POST', '/v1/sessions', { name: m.name, password: s.wrong ? `${m.password}-nope` : m.password }, false);
        if (r.status === 201 && r.json !== null) {
          m.token = str(r.json.token);
          record({ type: 'LoggedIn', action: 'login', status: 'ok', at: time(r.json.occurred_at) }, '/v1/sessions');
        } else if (r.status === 401 && s.wrong) record({ type: 'LoginFailed', action: 'login_failed', status: 'wrong_password', at: null }, '/v1/sessions');
        return r.status;
      }
      case 'catalogue':
        return (await v1('GET', '/v1/catalogue', undefined, false)).status;
      case 'profile': {
        const r = await v1('GET', me, undefined, false);
        if (r.status === 200 && r.json !== null) {
          if (num(r.json.wealth) !== m.wealth) diverged('profile wealth differs from the model', { model: m.wealth, got: r.json.wealth });
          record({ type: 'ProfileViewed', action: 'view_profile', status: 'ok', at: null }, me, num(r.json.version));
        }
        return r.status;
      }
      case 'buy': {
        const r = await v1('POST', `${me}/purchases`, { kind: s.kind, type: s.type, quantity: s.quantity, ...(s.offer === null ? {} : { offer_id: s.offer }) });
        const b = r.json;
        if ((r.status === 201 || r.status === 402) && b !== null) {
          const fields = { kind: str(b.kind), item_type: str(b.type), quantity: num(b.quantity), unit_price: num(b.unit_price), discount: num(b.discount), cost: num(b.cost), offer_id: b.offer_id === null ? null : str(b.offer_id) };
          purchase(`${me}/purchases`, r.status === 201, fields, time(b.occurred_at), num(b.player_version), num(b.wealth));
        }
        return r.status;
      }
      case 'join': {
        const r = await v1('POST', `${me}/orgs`, { kind: s.kind, org: s.org, level: s.level });
        const b = r.json;
        if ((r.status === 201 || r.status === 402) && b !== null) {
          join(`${me}/orgs`, r.status === 201, { org_kind: str(b.kind), org: str(b.org), level: str(b.level), cost: num(b.cost) }, time(b.occurred_at), num(b.player_version), num(b.wealth));
        }
        return r.status;
      }
      case 'leave': {
        const path = `${me}/orgs/${encodeURIComponent(s.kind)}/${encodeURIComponent(s.org)}`;
        const r = await v1('DELETE', path, {});
        if (r.status === 200 && r.json !== null) {
          const b = r.json;
          m.orgs = m.orgs.filter((o) => !(o.kind === str(b.kind) && o.org === str(b.org)));
          record({ type: 'OrgLeft', action: `leave_${str(b.kind)}`, status: 'left', at: time(b.occurred_at), org_kind: str(b.kind), org: str(b.org), level: str(b.level) }, path, num(b.player_version));
        }
        return r.status;
      }
      case 'fight': {
        const r = await v1('POST', `${me}/fights`, { enemy: s.enemy });
        const b = r.json;
        if (r.status === 201 && b !== null) {
          m.wealth = num(b.wealth);
          record(
            { type: 'FightFought', action: 'fight', status: str(b.outcome), at: time(b.occurred_at), enemy: str(b.enemy), outcome: str(b.outcome), reward: num(b.reward), win_chance: num(b.win_chance) },
            `${me}/fights`,
            num(b.player_version),
          );
        }
        return r.status;
      }
      case 'logout': {
        const r = await v1('DELETE', '/v1/sessions', {});
        if (r.status === 204) {
          m.token = null;
          record({ type: 'LoggedOut', action: 'logout', status: 'ok', at: null }, '/v1/sessions');
        }
        return r.status;
      }
      case 'seedCreate': {
        const r = await form('/create/user', { userid: s.userid, userpwd: `pw${j.index}`, username: s.username, wealth: String(s.wealth) });
        if (r.status === 200) {
          m.id = s.userid;
          m.wealth = s.wealth;
          record({ type: 'PlayerRegistered', action: 'create_user', status: 'ok', at: null }, '/create/user');
        } else m.dead = true;
        return r.status;
      }
      case 'seedBuy': {
        const r = await form(`/buy/${s.kind}`, { userid: m.id ?? '', type: s.type, cost: String(s.cost) });
        if (r.status === 200 || r.status === 402) {
          purchase(`/buy/${s.kind}`, r.status === 200, { kind: s.kind, item_type: s.type, quantity: 1, unit_price: s.cost, discount: 0, cost: s.cost, offer_id: null }, null);
        }
        return r.status;
      }
      case 'seedJoin': {
        const member = isMember(s.kind, s.org);
        const r = await form(`/join/${s.kind}`, { userid: m.id ?? '', org: s.org, level: s.level, cost: String(s.cost) });
        if (member !== (r.status === 409)) diverged('membership differs from the model', { org: s.org, member, status: r.status });
        if (r.status === 200 || r.status === 402) join(`/join/${s.kind}`, r.status === 200, { org_kind: s.kind, org: s.org, level: s.level, cost: s.cost }, null);
        return r.status;
      }
      case 'seedProfile': {
        const r = await get(`/data/user?userid=${encodeURIComponent(m.id ?? '')}`);
        if (r.status === 200) record({ type: 'ProfileViewed', action: 'view_profile', status: 'ok', at: null }, '/data/user');
        return r.status;
      }
      case 'hostBuy': {
        const item = ctx.catalogue.items.find((x) => x.kind === s.kind);
        const r = await get(s.path);
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
        const r = await get('/join_guild');
        if (member !== (r.status === 409)) diverged('membership differs from the model', { org: guild?.name, member, status: r.status });
        if ((r.status === 200 || r.status === 402) && guild !== undefined && level !== undefined) {
          hostRegistered('/join_guild');
          join('/join_guild', r.status === 200, { org_kind: 'guild', org: guild.name, level: level.level, cost: level.cost }, null);
        }
        return r.status;
      }
      case 'hostHome': {
        const r = await get('/');
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
