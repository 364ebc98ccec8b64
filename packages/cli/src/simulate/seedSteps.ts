import type { HostStep, Seed000Step } from './simulateJourney.js';
import { once, type StepHandlers } from './steps.js';

/**
 * Seed 000's form routes: replies are text, so the model predicts each outcome (and counts a divergence when the
 * server's differs) and numbers the events itself.
 */
export const seed000Steps: StepHandlers<Seed000Step> = {
  seedCreate: async (t, s) => {
    const r = await once(t, () => t.api.seedCreate({ userid: s.userid, userpwd: `pw${t.journey.index}`, username: s.username, wealth: String(s.wealth) }));
    const m = t.model.state;
    if (r.status === 200) {
      m.id = s.userid;
      m.wealth = s.wealth;
      t.model.record({ type: 'PlayerRegistered', action: 'create_user', status: 'ok', at: null }, '/create/user');
    } else m.dead = true;
    return r.status;
  },
  seedBuy: async (t, s) => {
    const r = await once(t, () => t.api.seedBuy(s.kind, { userid: t.me, type: s.type, cost: String(s.cost) }));
    if (r.status === 200 || r.status === 402) {
      t.model.purchase(
        { path: `/buy/${s.kind}`, approved: r.status === 200, at: null },
        { kind: s.kind, item_type: s.type, quantity: 1, unit_price: s.cost, discount: 0, cost: s.cost, offer_id: null },
      );
    }
    return r.status;
  },
  seedJoin: async (t, s) => {
    const member = t.model.isMember(s.kind, s.org);
    const r = await once(t, () => t.api.seedJoin(s.kind, { userid: t.me, org: s.org, level: s.level, cost: String(s.cost) }));
    if (member !== (r.status === 409)) t.model.diverged('membership differs from the model', { org: s.org, member, status: r.status });
    if (r.status === 200 || r.status === 402)
      t.model.join({ path: `/join/${s.kind}`, approved: r.status === 200, at: null }, { org_kind: s.kind, org: s.org, level: s.level, cost: s.cost });
    return r.status;
  },
  seedProfile: async (t) => {
    const r = await once(t, () => t.api.seedProfile(t.me));
    if (r.status === 200) t.model.record({ type: 'ProfileViewed', action: 'view_profile', status: 'ok', at: null }, '/data/user');
    return r.status;
  },
};

/** Seed 001's Host-named routes: the Host names the player, registered by its first request. */
export const hostSteps: StepHandlers<HostStep> = {
  hostBuy: async (t, s) => {
    const item = t.ctx.catalogue.items.find((x) => x.kind === s.kind);
    const r = await once(t, () => t.api.hostGet(s.path));
    if ((r.status === 200 || r.status === 402) && item !== undefined) {
      t.model.hostRegistered(s.path);
      t.model.purchase(
        { path: s.path, approved: r.status === 200, at: null },
        { kind: s.kind, item_type: item.type, quantity: 1, unit_price: item.price, discount: 0, cost: item.price, offer_id: null },
      );
    }
    return r.status;
  },
  hostJoin: async (t) => {
    const guild = t.ctx.catalogue.orgs.find((o) => o.kind === 'guild');
    const level = guild?.levels[0];
    const member = guild !== undefined && t.model.isMember('guild', guild.name);
    const r = await once(t, () => t.api.hostGet('/join_guild'));
    if (member !== (r.status === 409)) t.model.diverged('membership differs from the model', { org: guild?.name, member, status: r.status });
    if ((r.status === 200 || r.status === 402) && guild !== undefined && level !== undefined) {
      t.model.hostRegistered('/join_guild');
      t.model.join({ path: '/join_guild', approved: r.status === 200, at: null }, { org_kind: 'guild', org: guild.name, level: level.level, cost: level.cost });
    }
    return r.status;
  },
  hostHome: async (t) => {
    const r = await once(t, () => t.api.hostGet('/'));
    // The home page records a visit of a Host player who exists, and creates no one.
    if (r.status === 200 && t.model.state.id !== null) {
      t.model.record({ type: 'HomeVisited', action: 'default', status: 'ok', at: null }, '/');
    }
    return r.status;
  },
};
