import * as E from 'fp-ts/lib/Either.js';
import { findEnemy, findItem, findOffer, findOrg, stateCaps, type Catalogue, type Limits } from './catalogue.js';
import { legacyOrigin, type Coins, type Name } from './codecs.js';
import type { BuyItem, Fight, JoinOrg, LeaveOrg, PlayerCommand, RegisterPlayer } from './commands.js';
import { absurd, type StoredEvent } from './envelope.js';
import type { PlayerError } from './errors.js';
import type { PlayerEvent } from './events.js';
import { addItems, initialState, type PlayerState } from './state.js';

export type Decision = E.Either<PlayerError, ReadonlyArray<PlayerEvent>>;
/** What evolve needs of a stored event: its data plus the envelope's time and version. */
export type Recorded = Pick<StoredEvent, 'data' | 'occurred_at' | 'player_version'>;

export interface Decider {
  readonly decide: (command: PlayerCommand, state: PlayerState) => Decision;
  readonly evolve: (state: PlayerState, event: Recorded) => PlayerState;
  readonly initialState: (playerId: string) => PlayerState;
}

const coins = (n: number): Coins => n as Coins;
const one = (e: PlayerEvent): Decision => E.right([e]);

interface Rules {
  readonly catalogue: Catalogue;
  readonly limits: Limits;
  readonly caps: ReturnType<typeof stateCaps>;
}

const pricingOf = (clientCost: Coins | null): 'catalogue' | 'client' => (clientCost === null ? 'catalogue' : 'client');

interface PricedItem {
  readonly item_type: Name;
  readonly unit_price: Coins;
  readonly discount: Coins;
  readonly cost: Coins;
  readonly heal: number;
  readonly offer_id: Name | null;
}

const priceByClient = ({ catalogue, limits }: Rules, c: BuyItem, clientCost: Coins): E.Either<PlayerError, PricedItem> => {
  // Offers discount catalogue prices; a client-named price has none to apply.
  if (c.offer_id !== null) return E.left({ _tag: 'OfferNotApplicable', offer_id: c.offer_id, kind: c.kind });
  if (clientCost < 1 || clientCost > limits.max_cost) {
    return E.left({ _tag: 'CostOutOfRange', cost: clientCost, max: limits.max_cost });
  }
  const listed = findItem(catalogue, c.kind, c.item_type);
  const item_type = c.item_type ?? listed?.type;
  if (item_type === undefined) return E.left({ _tag: 'UnknownItem', kind: c.kind, item_type: c.item_type });
  const cost = clientCost * c.quantity;
  if (cost > limits.max_cost) return E.left({ _tag: 'CostOutOfRange', cost, max: limits.max_cost });
  return E.right({ item_type, unit_price: clientCost, discount: coins(0), cost: coins(cost), heal: listed?.heal ?? 0, offer_id: null });
};

const offerFor = (catalogue: Catalogue, c: BuyItem): E.Either<PlayerError, { percent: number; offerId: Name | null }> => {
  if (c.offer_id === null) return E.right({ percent: 0, offerId: null });
  const offer = findOffer(catalogue, c.offer_id);
  if (offer === undefined) return E.left({ _tag: 'UnknownOffer', offer_id: c.offer_id });
  if (offer.kinds.length > 0 && !offer.kinds.includes(c.kind)) {
    return E.left({ _tag: 'OfferNotApplicable', offer_id: c.offer_id, kind: c.kind });
  }
  return E.right({ percent: offer.percent_off, offerId: offer.id });
};

const priceFromCatalogue = ({ catalogue }: Rules, c: BuyItem): E.Either<PlayerError, PricedItem> => {
  const item = findItem(catalogue, c.kind, c.item_type);
  if (item === undefined) return E.left({ _tag: 'UnknownItem', kind: c.kind, item_type: c.item_type });
  const offer = offerFor(catalogue, c);
  if (E.isLeft(offer)) return offer;
  const { percent, offerId } = offer.right;
  const gross = item.price * c.quantity;
  const discount = Math.floor((gross * percent) / 100);
  return E.right({
    item_type: item.type,
    unit_price: item.price,
    discount: coins(discount),
    cost: coins(gross - discount),
    heal: item.heal,
    offer_id: offerId,
  });
};

const decideBuy = (rules: Rules, c: BuyItem, s: PlayerState): Decision => {
  const { limits, caps } = rules;
  const pricedOrError = c.client_cost !== null ? priceByClient(rules, c, c.client_cost) : priceFromCatalogue(rules, c);
  if (E.isLeft(pricedOrError)) return pricedOrError;
  const priced = pricedOrError.right;
  const fields = {
    kind: c.kind,
    item_type: priced.item_type,
    quantity: c.quantity,
    unit_price: priced.unit_price,
    discount: priced.discount,
    cost: priced.cost,
    offer_id: priced.offer_id,
    pricing: pricingOf(c.client_cost),
  };
  const newType = !s.inventory.some((i) => i.kind === c.kind && i.type === priced.item_type);
  if (newType && s.inventory.length >= caps.itemTypes) return E.left({ _tag: 'TooManyItemTypes', max: caps.itemTypes });
  return priced.cost > s.wealth
    ? one({ type: 'PurchaseRefused', ...fields, reason: 'insufficient_funds' })
    : one({ type: 'ItemPurchased', ...fields, heal: Math.min(priced.heal * c.quantity, Math.max(0, limits.max_health - s.health)) });
};

interface PricedMembership {
  readonly org: Name;
  readonly level: Name;
  readonly cost: Coins;
}

const membershipByClient = ({ catalogue, limits }: Rules, c: JoinOrg, clientCost: Coins): E.Either<PlayerError, PricedMembership> => {
  if (clientCost > limits.max_cost) return E.left({ _tag: 'CostOutOfRange', cost: clientCost, max: limits.max_cost });
  const listed = findOrg(catalogue, c.org_kind, c.org);
  const org = c.org ?? listed?.name;
  const level = c.level ?? listed?.levels[0]?.level;
  if (org === undefined || level === undefined) return E.left({ _tag: 'UnknownOrg', org_kind: c.org_kind, org: c.org });
  return E.right({ org, level, cost: clientCost });
};

const membershipFromCatalogue = ({ catalogue }: Rules, c: JoinOrg): E.Either<PlayerError, PricedMembership> => {
  const org = findOrg(catalogue, c.org_kind, c.org);
  if (org === undefined) return E.left({ _tag: 'UnknownOrg', org_kind: c.org_kind, org: c.org });
  const level = c.level === null ? org.levels[0] : org.levels.find((l) => l.level.toLowerCase() === c.level?.toLowerCase());
  if (level === undefined) return E.left({ _tag: 'UnknownLevel', org: org.name, level: c.level ?? '' });
  return E.right({ org: org.name, level: level.level, cost: level.cost });
};

const decideJoin = (rules: Rules, c: JoinOrg, s: PlayerState): Decision => {
  const { caps } = rules;
  const fieldsOrError = c.client_cost !== null ? membershipByClient(rules, c, c.client_cost) : membershipFromCatalogue(rules, c);
  if (E.isLeft(fieldsOrError)) return fieldsOrError;
  const fields = fieldsOrError.right;
  if (s.affiliations.some((a) => a.kind === c.org_kind && a.org.toLowerCase() === fields.org.toLowerCase())) {
    return E.left({ _tag: 'AlreadyMember', org: fields.org });
  }
  if (s.affiliations.length >= caps.affiliations) return E.left({ _tag: 'TooManyAffiliations', max: caps.affiliations });
  const common = { org_kind: c.org_kind, ...fields, pricing: pricingOf(c.client_cost) };
  return fields.cost > s.wealth ? one({ type: 'OrgJoinRefused', ...common, reason: 'insufficient_funds' }) : one({ type: 'OrgJoined', ...common });
};

export const createDecider = (catalogue: Catalogue): Decider => {
  const { limits } = catalogue;
  const caps = stateCaps(limits);

  const register = (c: RegisterPlayer, s: PlayerState): Decision => {
    if (s.registered) return E.left({ _tag: 'PlayerAlreadyExists', player_id: s.id });
    // The JSON API's players start with the catalogue's wealth, whatever the client asked for.
    const wealth = c.origin === 'v1' ? limits.starting_wealth : (c.wealth ?? limits.starting_wealth);
    if (wealth > limits.max_wealth) return E.left({ _tag: 'WealthOutOfRange', wealth, max: limits.max_wealth });
    return one({ type: 'PlayerRegistered', name: c.name, wealth, health: limits.max_health, origin: c.origin });
  };

  const rules: Rules = { catalogue, limits, caps };

  const leave = (c: LeaveOrg, s: PlayerState): Decision => {
    const a = s.affiliations.find((x) => x.kind === c.org_kind && x.org.toLowerCase() === c.org.toLowerCase());
    return a === undefined ? E.left({ _tag: 'NotAMember', org: c.org }) : one({ type: 'OrgLeft', org_kind: a.kind, org: a.org, level: a.level });
  };

  const fight = (c: Fight, s: PlayerState): Decision => {
    const enemy = findEnemy(catalogue, c.enemy);
    if (enemy === undefined) return E.left({ _tag: 'UnknownEnemy', enemy: c.enemy });
    if (s.health <= 0) return E.left({ _tag: 'PlayerExhausted', health: s.health });
    const power = s.inventory.reduce((p, i) => p + (findItem(catalogue, i.kind, i.type)?.power ?? 0) * i.quantity, limits.base_power);
    const win_chance = power / (power + enemy.strength);
    const won = c.roll < win_chance;
    const reward = won ? Math.min(enemy.reward, limits.max_wealth - s.wealth) : 0;
    const damage = Math.min(s.health, won ? Math.floor(enemy.damage / 2) : enemy.damage);
    return one({
      type: 'FightFought',
      enemy: enemy.type,
      outcome: won ? 'won' : 'lost',
      power,
      win_chance,
      roll: c.roll,
      reward: coins(reward),
      damage,
    });
  };

  const decide = (command: PlayerCommand, state: PlayerState): Decision => {
    if (command.type === 'RegisterPlayer') return register(command, state);
    if (!state.registered) return E.left({ _tag: 'PlayerNotFound', player_id: state.id });
    switch (command.type) {
      case 'LogIn':
        return one(command.password_ok ? { type: 'LoggedIn' } : { type: 'LoginFailed', reason: 'wrong_password' });
      case 'ThrottleLogin':
        return one({ type: 'LoginFailed', reason: 'throttled' });
      case 'LogOut':
        return one({ type: 'LoggedOut' });
      case 'BuyItem':
        return decideBuy(rules, command, state);
      case 'JoinOrg':
        return decideJoin(rules, command, state);
      case 'LeaveOrg':
        return leave(command, state);
      case 'Fight':
        return fight(command, state);
      case 'ViewProfile':
        return one({ type: 'ProfileViewed' });
      case 'VisitHome':
        return one({ type: 'HomeVisited' });
      default:
        return absurd(command);
    }
  };

  return { decide, evolve, initialState };
};

/** Total and catalogue-free: replay needs nothing but the log. */
export const evolve = (s: PlayerState, e: Recorded): PlayerState => {
  // One copy of the state per event (replay folds millions): each case spreads `s` once, with the new version.
  const version = e.player_version;
  const d = e.data;
  switch (d.type) {
    case 'PlayerRegistered':
      return {
        ...s,
        version,
        registered: true,
        origin: d.origin ?? legacyOrigin(s.id),
        name: d.name,
        wealth: d.wealth,
        health: d.health,
        created_at: e.occurred_at,
      };
    case 'ItemPurchased':
      return {
        ...s,
        version,
        wealth: coins(s.wealth - d.cost),
        health: s.health + d.heal,
        inventory: addItems(s.inventory, d.kind, d.item_type, d.quantity),
      };
    case 'OrgJoined':
      return {
        ...s,
        version,
        wealth: coins(s.wealth - d.cost),
        affiliations: [...s.affiliations, { org: d.org, kind: d.org_kind, level: d.level, joined_at: e.occurred_at }],
      };
    case 'OrgLeft':
      return { ...s, version, affiliations: s.affiliations.filter((a) => !(a.kind === d.org_kind && a.org === d.org)) };
    case 'FightFought':
      return { ...s, version, wealth: coins(s.wealth + d.reward), health: s.health - d.damage };
    case 'LoggedIn':
    case 'LoginFailed':
    case 'LoggedOut':
    case 'PurchaseRefused':
    case 'OrgJoinRefused':
    case 'ProfileViewed':
    case 'HomeVisited':
      return { ...s, version };
    default:
      return absurd(d);
  }
};
