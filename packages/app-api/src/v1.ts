import type { Router } from '@koa/router';
import { createRouter } from './router.js';
import { Name, OrgKind, PlayerId, UnitInterval, type Quantity } from '@placebo/domain';
import type Koa from 'koa';
import { addAnalyticsRoutes } from './analytics/analyticsRoutes.js';
import { requireOwner, sessionPlayer } from './auth.js';
import { addHistoryRoute } from './historyRoute.js';
import { addOperatorRoutes } from './operator/operatorRoutes.js';
import { strictBody } from './body.js';
import type { ApiDeps } from './deps.js';
import { enforceAuth, nameBucket } from './rateLimit.js';
import { orFail } from './errors.js';
import { fail, invalidField } from './httpError.js';
import { scopedMeta } from './idempotencyScope.js';
import { plainMeta } from './meta.js';
import { AllFlag, CommandBody, CreatePlayerBody, FightBody, JoinBody, LoginBody, PurchaseBody, reservedPlayerId } from './requests.js';
import type { AppState } from './state.js';
import { decodeField, decodeOrFail } from './validation.js';
import { eventOf, fightView, joinView, leftView, profileView, purchaseView, registeredView, sessionView, type Reply } from './views.js';

type Ctx = Koa.ParameterizedContext<AppState>;

const send = (ctx: Ctx, reply: Reply): void => {
  ctx.status = reply.status;
  ctx.body = reply.body;
};

/** Registration, log-in and log-out. */
const addAccountRoutes = (router: Router<AppState>, deps: ApiDeps): void => {
  const { handler } = deps;

  router.post('/players', async (ctx) => {
    const raw = strictBody(ctx);
    if (raw !== null && typeof raw === 'object' && 'wealth' in raw)
      fail(invalidField('wealth', "is not the client's to choose: players start with the catalogue's starting wealth"));
    const body = decodeOrFail(CreatePlayerBody, raw);
    await enforceAuth(ctx, deps.limits, body.name);
    if (body.player_id !== undefined && reservedPlayerId(body.player_id)) {
      fail(invalidField('player_id', 'the prefix host- is reserved'));
    }
    const registration = { player_id: body.player_id ?? null, name: body.name, password: body.password, wealth: null, origin: 'v1' as const };
    const result = await orFail(handler.register(registration, await scopedMeta(ctx, deps, `name:${nameBucket(body.name)}`, body, body.command_id)));
    send(ctx, registeredView(result.events));
  });

  router.post('/sessions', async (ctx) => {
    const body = decodeOrFail(LoginBody, strictBody(ctx));
    await enforceAuth(ctx, deps.limits, body.name, () => orFail(handler.loginThrottled(body.name, plainMeta(ctx))));
    const result = await orFail(handler.login(body.name, body.password, plainMeta(ctx)));
    send(ctx, sessionView(result));
  });

  router.delete('/sessions', async (ctx) => {
    const session = await sessionPlayer(ctx, handler);
    const body = decodeOrFail(CommandBody, strictBody(ctx));
    const all = decodeField(AllFlag, 'all', ctx.query.all ?? 'false') === 'true';
    const meta = await scopedMeta(ctx, deps, session.playerId, { ...body, all }, body.command_id);
    const result = await orFail(all ? handler.logoutAll(session.playerId, meta) : handler.logout(session.playerId, session.token, meta));
    eventOf(result.events, 'LoggedOut');
    ctx.status = 204;
  });
};

/** A player's own routes: each needs the session of the player in the path. */
const addPlayerRoutes = (router: Router<AppState>, deps: ApiDeps): void => {
  const { handler } = deps;

  /** The path's player, once the caller proved to be that player. */
  const owner = async (ctx: Ctx, raw: string | undefined): Promise<PlayerId> => {
    const id = decodeField(PlayerId, 'id', raw);
    await requireOwner(ctx, handler, id);
    return id;
  };

  router.get('/players/:id', async (ctx) => {
    const id = await owner(ctx, ctx.params.id);
    const result = await orFail(handler.execute(id, { type: 'ViewProfile' }, plainMeta(ctx)));
    send(ctx, profileView(result.state));
  });

  router.post('/players/:id/purchases', async (ctx) => {
    const id = await owner(ctx, ctx.params.id);
    const body = decodeOrFail(PurchaseBody, strictBody(ctx));
    const command = {
      type: 'BuyItem' as const,
      kind: body.kind,
      item_type: body.type ?? null,
      quantity: body.quantity ?? (1 as Quantity),
      offer_id: body.offer_id ?? null,
      client_cost: null,
    };
    const result = await orFail(handler.execute(id, command, await scopedMeta(ctx, deps, id, body, body.command_id)));
    send(ctx, purchaseView(result.events));
  });

  router.post('/players/:id/orgs', async (ctx) => {
    const id = await owner(ctx, ctx.params.id);
    const body = decodeOrFail(JoinBody, strictBody(ctx));
    const command = { type: 'JoinOrg' as const, org_kind: body.kind, org: body.org, level: body.level ?? null, client_cost: null };
    const result = await orFail(handler.execute(id, command, await scopedMeta(ctx, deps, id, body, body.command_id)));
    send(ctx, joinView(result.events));
  });

  router.delete('/players/:id/orgs/:kind/:org', async (ctx) => {
    const id = await owner(ctx, ctx.params.id);
    const kind = decodeField(OrgKind, 'kind', ctx.params.kind);
    const org = decodeField(Name, 'org', ctx.params.org);
    const body = decodeOrFail(CommandBody, strictBody(ctx));
    const result = await orFail(handler.execute(id, { type: 'LeaveOrg', org_kind: kind, org }, await scopedMeta(ctx, deps, id, body, body.command_id)));
    send(ctx, leftView(result.events));
  });

  router.post('/players/:id/fights', async (ctx) => {
    const id = await owner(ctx, ctx.params.id);
    const body = decodeOrFail(FightBody, strictBody(ctx));
    const roll = UnitInterval.decode(deps.roll());
    if (roll._tag === 'Left') throw new Error('roll() left [0, 1)');
    const result = await orFail(
      handler.execute(id, { type: 'Fight', enemy: body.enemy, roll: roll.right }, await scopedMeta(ctx, deps, id, body, body.command_id)),
    );
    send(ctx, fightView(result.events));
  });
};

/** The JSON API: bodies decoded with io-ts at the edge into domain commands; every player route needs its owner's session. */
export const v1Router = (deps: ApiDeps): Router<AppState> => {
  const router = createRouter('/v1');
  addAccountRoutes(router, deps);
  addPlayerRoutes(router, deps);
  addHistoryRoute(router, deps);
  addAnalyticsRoutes(router, deps);
  addOperatorRoutes(router, deps);
  router.get('/catalogue', (ctx) => {
    ctx.body = deps.catalogue;
  });
  return router;
};
