import type { Router } from '@koa/router';
import { createRouter } from './router.js';
import type { Coins, CommandHandler, PlayerId, PlayerState, Quantity } from '@placebo/domain';
import type Koa from 'koa';
import { lenientBody } from './body.js';
import type { ApiDeps } from './deps.js';
import { orFail, toHttpError } from './errors.js';
import { fail, invalidField } from './httpError.js';
import { hostRoutes } from './hostRoutes.js';
import { enforce, enforceAuth } from './rateLimit.js';
import { scopedMeta } from './idempotencyScope.js';
import { plainMeta } from './meta.js';
import { reservedPlayerId, SeedBuy, SeedCreateUser, SeedJoinGuild, SeedJoinTeam, SeedUserQuery } from './requests.js';
import { noFunds, pythonJson, pythonTime, sendText } from './seedText.js';
import type { AppState } from './state.js';
import { decodeOrFail } from './validation.js';
import { eventOf } from './views.js';

type Ctx = Koa.ParameterizedContext<AppState>;

/**
 * Seed 000's profile: the seed's fields (and their names), minus the password it used to echo as "****". The seed listed
 * one type name per item; the counted inventory lists them grouped by type, in the order each type was first bought.
 */
const userData = (s: PlayerState): string =>
  `User data: \n\n${pythonJson({
    user_id: s.id,
    user_name: s.name,
    wealth: s.wealth,
    health: s.health,
    created: pythonTime(s.created_at),
    inventory: s.inventory.flatMap((i) => Array.from({ length: i.quantity }, () => i.type)),
    affiliations: s.affiliations.map((a) => ({ org: a.org, level: a.level, joined_ts: pythonTime(a.joined_at) })),
  })}\n`;

/**
 * The seed routes trust the client (no password, a client-named price), so they act only on the players they created:
 * any other player, a `/v1` one included, is answered as unknown.
 */
export const requireSeedPlayer = async (handler: CommandHandler, id: PlayerId): Promise<PlayerState> => {
  const state = await orFail(handler.read(id));
  return state.registered && state.origin === 'seed' ? state : fail(toHttpError({ _tag: 'PlayerNotFound', player_id: id }));
};

/**
 * The seeds' routes, answering in their plain text: seed 000's form posts (player named by `userid`, prices named by
 * the client's `cost`) and seed 001's GETs (player named by the Host header). Unauthenticated, as the seeds were.
 */
export const seedRouter = (deps: ApiDeps): Router<AppState> => {
  const { handler } = deps;
  const router = createRouter();

  router.post('/create/user', async (ctx) => {
    const body = decodeOrFail(SeedCreateUser, lenientBody(ctx));
    if (reservedPlayerId(body.userid)) fail(invalidField('userid', 'the prefix host- is reserved'));
    await enforceAuth(ctx, deps.limits, body.username);
    const registration = { player_id: body.userid, name: body.username, password: body.userpwd, wealth: body.wealth ?? null, origin: 'seed' as const };
    const result = await orFail(handler.register(registration, await scopedMeta(ctx, deps, body.userid, body)));
    eventOf(result.events, 'PlayerRegistered');
    sendText(ctx, 200, 'Created user +:)\n');
  });

  const buy = (kind: 'sword' | 'spell', done: string) => async (ctx: Ctx) => {
    const body = decodeOrFail(SeedBuy, lenientBody(ctx));
    const command = { type: 'BuyItem' as const, kind, item_type: body.type, quantity: 1 as Quantity, offer_id: null, client_cost: body.cost };
    await requireSeedPlayer(handler, body.userid);
    const result = await orFail(handler.execute(body.userid, command, await scopedMeta(ctx, deps, body.userid, body)));
    const e = eventOf(result.events, 'ItemPurchased', 'PurchaseRefused');
    sendText(ctx, e.data.type === 'ItemPurchased' ? 200 : 402, e.data.type === 'ItemPurchased' ? done : noFunds);
  };
  router.post('/buy/sword', buy('sword', 'Sword purchased [:)\n'));
  router.post('/buy/spell', buy('spell', 'Spell purchased <:)\n'));

  const join = (kind: 'guild' | 'team', done: string) => async (ctx: Ctx) => {
    const body = kind === 'guild' ? decodeOrFail(SeedJoinGuild, lenientBody(ctx)) : decodeOrFail(SeedJoinTeam, lenientBody(ctx));
    const command = { type: 'JoinOrg' as const, org_kind: kind, org: body.org, level: body.level, client_cost: body.cost ?? (0 as Coins) };
    await requireSeedPlayer(handler, body.userid);
    const result = await orFail(handler.execute(body.userid, command, await scopedMeta(ctx, deps, body.userid, body)));
    const e = eventOf(result.events, 'OrgJoined', 'OrgJoinRefused');
    sendText(ctx, e.data.type === 'OrgJoined' ? 200 : 402, e.data.type === 'OrgJoined' ? done : noFunds);
  };
  router.post('/join/guild', join('guild', 'Joined #guild\n'));
  router.post('/join/team', join('team', 'Joined #team\n'));

  router.get('/data/user', async (ctx) => {
    const query = decodeOrFail(SeedUserQuery, { userid: ctx.query.userid });
    const state = await requireSeedPlayer(handler, query.userid);
    await enforce(ctx, deps.limits.views, query.userid, 'userid');
    // The view is recorded, as the seed recorded every call, but a read does not wait for the disk: the answer is
    // the player as it stands, and the ProfileViewed event is appended after it.
    const meta = plainMeta(ctx);
    const log = ctx.state.log;
    deps.background.run(async () => {
      const recorded = await handler.execute(query.userid, { type: 'ViewProfile' }, meta)();
      if (recorded._tag === 'Left') log.warn('profile view not recorded', { player_id: query.userid, error: recorded.left._tag });
    });
    sendText(ctx, 200, userData(state));
  });

  hostRoutes(router, deps);
  return router;
};
