import type { StepHandlers } from './steps.js';
import { idempotencyKey as key, keyed, once } from './steps.js';
import type { V1Step } from './simulateJourney.js';

const time = (v: string | null): number | null => (v === null ? null : Date.parse(v));

/** The JSON API's steps: every reply tells the player's version and wealth, which the model checks. */
export const v1Steps: StepHandlers<V1Step> = {
  register: async (t, s) => {
    const body = { name: s.name, ...(s.password === null ? {} : { password: s.password }) };
    const r = await (s.password === null ? once(t, () => t.api.register(body)) : keyed(t, () => t.api.register(body, key(t))));
    const b = r.body;
    const m = t.model.state;
    if (r.status === 201 && b !== undefined && 'player_id' in b) {
      m.id = b.player_id;
      m.name = s.name;
      m.password = s.password ?? '';
      m.wealth = b.wealth;
      t.model.record({ type: 'PlayerRegistered', action: 'create_user', status: 'ok', at: time(b.created_at) }, '/v1/players');
    } else if (s.password !== null) m.dead = true;
    return r.status;
  },
  login: async (t, s) => {
    const m = t.model.state;
    const r = await once(t, () => t.api.login({ name: m.name, password: s.wrong ? `${m.password}-nope` : m.password }));
    const b = r.body;
    if (r.status === 201 && b !== undefined && 'token' in b) {
      m.token = b.token;
      t.model.record({ type: 'LoggedIn', action: 'login', status: 'ok', at: time(b.occurred_at) }, '/v1/sessions');
    } else if (r.status === 401 && s.wrong) t.model.record({ type: 'LoginFailed', action: 'login_failed', status: 'wrong_password', at: null }, '/v1/sessions');
    return r.status;
  },
  catalogue: async (t) => (await once(t, () => t.api.catalogue())).status,
  profile: async (t) => {
    const r = await once(t, () => t.api.profile(t.token, t.me));
    const b = r.body;
    if (r.status === 200 && b !== undefined && 'version' in b) {
      if (b.wealth !== t.model.state.wealth) t.model.diverged('profile wealth differs from the model', { model: t.model.state.wealth, got: b.wealth });
      t.model.record({ type: 'ProfileViewed', action: 'view_profile', status: 'ok', at: null }, t.mePath, b.version);
    }
    return r.status;
  },
  buy: async (t, s) => {
    const r = await keyed(t, () =>
      t.api.buy(t.token, t.me, { kind: s.kind, type: s.type, quantity: s.quantity, ...(s.offer === null ? {} : { offer_id: s.offer }) }, key(t)),
    );
    const b = r.body;
    if ((r.status === 201 || r.status === 402) && b !== undefined && 'unit_price' in b) {
      const fields = {
        kind: b.kind,
        item_type: b.type,
        quantity: b.quantity,
        unit_price: b.unit_price,
        discount: b.discount,
        cost: b.cost,
        offer_id: b.offer_id,
      };
      t.model.purchase(
        { path: `${t.mePath}/purchases`, approved: r.status === 201, at: time(b.occurred_at), version: b.player_version, wealth: b.wealth },
        fields,
      );
    }
    return r.status;
  },
  join: async (t, s) => {
    const r = await keyed(t, () => t.api.join(t.token, t.me, { kind: s.kind, org: s.org, level: s.level }, key(t)));
    const b = r.body;
    if ((r.status === 201 || r.status === 402) && b !== undefined && 'org' in b) {
      const outcome = { path: `${t.mePath}/orgs`, approved: r.status === 201, at: time(b.occurred_at), version: b.player_version, wealth: b.wealth };
      t.model.join(outcome, { org_kind: b.kind, org: b.org, level: b.level, cost: b.cost });
    }
    return r.status;
  },
  leave: async (t, s) => {
    const path = `${t.mePath}/orgs/${encodeURIComponent(s.kind)}/${encodeURIComponent(s.org)}`;
    const r = await keyed(t, () => t.api.leave(t.token, t.me, s.kind, s.org, key(t)));
    const b = r.body;
    if (r.status === 200 && b !== undefined && 'org' in b) {
      t.model.state.orgs = t.model.state.orgs.filter((o) => !(o.kind === b.kind && o.org === b.org));
      t.model.record(
        { type: 'OrgLeft', action: `leave_${b.kind}`, status: 'left', at: time(b.occurred_at), org_kind: b.kind, org: b.org, level: b.level },
        path,
        b.player_version,
      );
    }
    return r.status;
  },
  fight: async (t, s) => {
    const r = await keyed(t, () => t.api.fight(t.token, t.me, { enemy: s.enemy }, key(t)));
    const b = r.body;
    if (r.status === 201 && b !== undefined && 'outcome' in b) {
      t.model.state.wealth = b.wealth;
      const fields = { enemy: b.enemy, outcome: b.outcome, reward: b.reward, win_chance: b.win_chance };
      t.model.record({ type: 'FightFought', action: 'fight', status: b.outcome, at: time(b.occurred_at), ...fields }, `${t.mePath}/fights`, b.player_version);
    }
    return r.status;
  },
  logout: async (t) => {
    const r = await keyed(t, () => t.api.logout(t.token, key(t)));
    if (r.status === 204) {
      t.model.state.token = null;
      t.model.record({ type: 'LoggedOut', action: 'logout', status: 'ok', at: null }, '/v1/sessions');
    }
    return r.status;
  },
};
