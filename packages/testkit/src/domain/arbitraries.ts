import fc from 'fast-check';
import {
  itemKinds,
  orgKinds,
  type Catalogue,
  type Coins,
  type Name,
  type PlayerOrigin,
  type Quantity,
  type UnitInterval,
  type PlayerCommand,
} from '@placebo/domain';

const asName = (s: string): Name => s as Name;

/** Commands over the catalogue's own names, plus a few it does not know, so every refusal path is reachable. */
export const commandArb = (c: Catalogue): fc.Arbitrary<PlayerCommand> => {
  const { max_cost, max_wealth } = c.limits;
  const name = (known: ReadonlyArray<string>, unknown: ReadonlyArray<string>) => fc.constantFrom(...known, ...unknown).map(asName);
  const nullable = <A>(a: fc.Arbitrary<A>) => fc.option(a, { nil: null, freq: 3 });
  const clientCost = fc.oneof(fc.integer({ min: 0, max: 20_000 }), fc.constantFrom(0, 1, max_cost, max_cost + 1)).map((n) => n as Coins);
  const levels = c.orgs.flatMap((o) => o.levels.map((l) => l.level));

  const register = fc.record({
    type: fc.constant('RegisterPlayer' as const),
    name: name(['dirk', 'Zoë'], []),
    wealth: nullable(fc.oneof(fc.integer({ min: 0, max: 20_000 }), fc.constantFrom(0, max_wealth, max_wealth + 1)).map((n) => n as Coins)),
    origin: fc.constantFrom<PlayerOrigin>('v1', 'seed', 'host'),
  });
  const buy = fc.record({
    type: fc.constant('BuyItem' as const),
    kind: fc.constantFrom(...itemKinds),
    item_type: nullable(
      name(
        c.items.map((i) => i.type),
        ['excalibur'],
      ),
    ),
    quantity: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 100 })).map((n) => n as Quantity),
    offer_id: nullable(
      name(
        c.offers.map((o) => o.id),
        ['FREE100'],
      ),
    ),
    client_cost: nullable(clientCost),
  });
  const join = fc.record({
    type: fc.constant('JoinOrg' as const),
    org_kind: fc.constantFrom(...orgKinds),
    org: nullable(
      name(
        c.orgs.map((o) => o.name),
        ['pirates'],
      ),
    ),
    level: nullable(name(levels, ['general'])),
    client_cost: nullable(clientCost),
  });
  const leave = fc.record({
    type: fc.constant('LeaveOrg' as const),
    org_kind: fc.constantFrom(...orgKinds),
    org: name(
      c.orgs.map((o) => o.name),
      ['pirates', 'SOLDIERS'],
    ),
  });
  const fight = fc.record({
    type: fc.constant('Fight' as const),
    enemy: name(
      c.enemies.map((e) => e.type),
      ['troll'],
    ),
    roll: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }).map((n) => n as UnitInterval),
  });
  const login = fc.record({ type: fc.constant('LogIn' as const), password_ok: fc.boolean() });
  const bare = fc.constantFrom<PlayerCommand>({ type: 'LogOut' }, { type: 'ViewProfile' }, { type: 'VisitHome' });

  return fc.oneof(
    { arbitrary: buy, weight: 5 },
    { arbitrary: join, weight: 3 },
    { arbitrary: leave, weight: 2 },
    { arbitrary: fight, weight: 4 },
    { arbitrary: login, weight: 1 },
    { arbitrary: bare, weight: 1 },
    { arbitrary: register, weight: 1 },
  );
};

/** Usually starts with a registration, so most runs exercise a live player rather than PlayerNotFound. */
export const sessionArb = (c: Catalogue): fc.Arbitrary<ReadonlyArray<PlayerCommand>> =>
  fc
    .tuple(
      fc.oneof({ arbitrary: commandArb(c).filter((x) => x.type === 'RegisterPlayer'), weight: 9 }, { arbitrary: commandArb(c), weight: 1 }),
      fc.array(commandArb(c), { maxLength: 40 }),
    )
    .map(([first, rest]) => [first, ...rest]);
