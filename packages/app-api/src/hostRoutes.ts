import type { Router } from '@koa/router';
import * as E from 'fp-ts/lib/Either.js';
import { findOrg, Name, PlayerId, type CommandMeta, type ItemKind, type PlayerCommand, type Quantity } from '@placebo/domain';
import type Koa from 'koa';
import type { ApiDeps } from './deps.js';
import { orFail, toHttpError } from './errors.js';
import { fail, invalidField } from './httpError.js';
import { scopedMeta } from './idempotencyScope.js';
import { clientAddress, enforce } from './rateLimit.js';
import { noFunds, sendText } from './seedText.js';
import type { AppState } from './state.js';
import { decodeField } from './validation.js';
import { eventOf } from './views.js';

type Ctx = Koa.ParameterizedContext<AppState>;

/** A Host that names a player: `host-` plus the host must be a PlayerId, so letters, digits, `._@-`, then a port. */
export const hostHeaderPattern = '^[A-Za-z0-9._@-]{1,59}(:[0-9]{0,5})?$';
const hostHeader = new RegExp(hostHeaderPattern, 'u');

/** Seed 001 named players by the Host header they sent: `Host: user1.comcast.com` is player host-user1.comcast.com. */
const hostPlayer = (ctx: Ctx): { readonly id: PlayerId; readonly name: Name } => {
  if (!hostHeader.test(ctx.get('host'))) {
    fail(invalidField('host', 'send a Host of letters, digits and ._@- (at most 59), with an optional :port'));
  }
  const host = ctx.hostname.toLowerCase();
  return { id: decodeField(PlayerId, 'host', `host-${host}`), name: decodeField(Name, 'host', host) };
};

/** Seed 001's routes: GETs whose player is the Host, registered on first use with the catalogue's host wealth. */
export const hostRoutes = (router: Router<AppState>, deps: ApiDeps): void => {
  const { handler, catalogue } = deps;

  const register = async (ctx: Ctx, player: { readonly id: PlayerId; readonly name: Name }, meta: CommandMeta): Promise<void> => {
    // A new Host is a new player: creating them counts against the address's budget, as registrations do.
    await enforce(ctx, deps.limits.authIp, clientAddress(ctx), 'ip');
    // The account is claimed under the player id (host-…), a namespace no other registration may use: a Host player
    // and a /v1 or seed player of the same name cannot squat each other.
    const registration = {
      player_id: player.id,
      name: player.name,
      password: null,
      wealth: catalogue.limits.host_starting_wealth,
      origin: 'host' as const,
      account_name: player.id,
    };
    const result = await handler.register(registration, { ...meta, command_id: null })();
    if (E.isRight(result) || result.left._tag === 'PlayerAlreadyExists') return; // a concurrent request registered it first
    fail(toHttpError(result.left), result.left);
  };

  /** Runs the command for the Host's player, registering the player first when it does not exist yet. */
  const run = async (ctx: Ctx, command: PlayerCommand) => {
    const player = hostPlayer(ctx);
    const meta = await scopedMeta(ctx, deps, player.id, {});
    const first = await handler.execute(player.id, command, meta)();
    if (E.isRight(first)) return first.right;
    if (first.left._tag !== 'PlayerNotFound') return fail(toHttpError(first.left), first.left);
    await register(ctx, player, meta);
    return orFail(handler.execute(player.id, command, meta));
  };

  const purchase = (path: string, kind: ItemKind, done: string): void => {
    router.get(path, async (ctx) => {
      const command = { type: 'BuyItem' as const, kind, item_type: null, quantity: 1 as Quantity, offer_id: null, client_cost: null };
      const e = eventOf((await run(ctx, command)).events, 'ItemPurchased', 'PurchaseRefused');
      sendText(ctx, e.data.type === 'ItemPurchased' ? 200 : 402, e.data.type === 'ItemPurchased' ? done : noFunds);
    });
  };
  purchase('/purchase_a_sword', 'sword', 'Sword Purchased!\n');
  purchase('/purchase_a_knife', 'knife', 'Knife Purchased!\n');
  purchase('/purchase_armor', 'armor', 'Armor Purchased!\n');
  purchase('/purchase_bow', 'bow', 'Bow Purchased!\n');
  purchase('/purchase_arrow', 'arrow', 'Arrow Purchased!\n');

  const guild = findOrg(catalogue, 'guild', null);
  const joinGuild = async (ctx: Ctx): Promise<void> => {
    const command = { type: 'JoinOrg' as const, org_kind: 'guild' as const, org: guild?.name ?? null, level: null, client_cost: null };
    const e = eventOf((await run(ctx, command)).events, 'OrgJoined', 'OrgJoinRefused');
    sendText(ctx, e.data.type === 'OrgJoined' ? 200 : 402, e.data.type === 'OrgJoined' ? 'Joined Guild!\n' : noFunds);
  };
  // The seed's Flask app served /join_guild, but its Apache Bench runs called /join_a_guild: both work.
  router.get('/join_guild', joinGuild);
  router.get('/join_a_guild', joinGuild);

  // The home page is what probes, browsers and load balancers ask for, with any Host: it records a visit of a Host player
  // who exists, and creates no one.
  router.get('/', async (ctx) => {
    if (hostHeader.test(ctx.get('host'))) {
      const player = hostPlayer(ctx);
      const visited = await handler.execute(player.id, { type: 'VisitHome' }, await scopedMeta(ctx, deps, player.id, {}))();
      if (E.isLeft(visited) && visited.left._tag !== 'PlayerNotFound') fail(toHttpError(visited.left), visited.left);
      if (E.isRight(visited)) eventOf(visited.right.events, 'HomeVisited');
    }
    sendText(ctx, 200, 'This is the default response!\n');
  });
};
