/** The expected answers of the seeds' own queries (seed000_*, seed001_*). */
import type { Answers, Facts } from './simulateFacts.js';
import { userAgent } from './simulateHttp.js';
import type { SimEvent } from './playerModel.js';
import { groupBy, mean, orderBy, round, type Cell, type Rows } from './rowMath.js';

/** Seed 000's queries, over its form routes' events. */
export const seed000 = ({ buys, approved, social }: Facts, answers: Answers): void => {
  answers.set(
    'seed000_buys',
    buys
      .map((e) => [e.status, e.item_type ?? null, e.cost ?? null] as Cell[])
      .sort(
        orderBy(
          (r) => r[0] ?? null,
          (r) => r[1] ?? null,
          (r) => r[2] ?? null,
        ),
      ),
  );
  answers.set(
    'seed000_items_per_type',
    [...groupBy(buys, (e) => `${e.status}\u0000${e.item_type ?? ''}`).values()]
      .map((es) => [es[0]?.status ?? null, es[0]?.item_type ?? null, es.length] as Cell[])
      .sort(
        orderBy(
          (r) => r[0] ?? null,
          (r) => r[1] ?? null,
        ),
      ),
  );
  answers.set(
    'seed000_average_price_per_type',
    [...groupBy(approved, (e) => e.item_type ?? '').entries()]
      .sort(orderBy(([k]) => k))
      .map(([type, es]) => [type, round(mean(es.map((e) => e.cost ?? 0)), 2)]),
  );
  answers.set(
    'seed000_most_popular_org',
    [...groupBy(social, (e) => `${e.action}\u0000${e.org ?? ''}`).values()]
      .map((es) => [es[0]?.action ?? null, es[0]?.org ?? null, es.length] as Cell[])
      .sort(
        orderBy(
          (r) => -(r[2] as number),
          (r) => r[0] ?? null,
          (r) => r[1] ?? null,
        ),
      ),
  );
  answers.set(
    'seed000_average_wealth_per_org',
    [...groupBy(social, (e) => e.org ?? '').entries()].sort(orderBy(([k]) => k)).map(([org, es]) => [org, round(mean(es.map((e) => e.wealth)), 2)]),
  );
};

const purchaseType = (e: SimEvent): string => `purchase_${e.kind ?? ''}`;

/** Seed 001's queries, over its Host-named routes' events. */
export const seed001 = ({ approved, joins }: Facts, answers: Answers): void => {
  answers.set(
    'seed001_purchases',
    approved
      .map((e) => [e.accept, e.host, userAgent, purchaseType(e), e.quantity ?? null, e.player] as Cell[])
      .sort(
        orderBy(
          (r) => r[1] ?? null,
          (r) => r[3] ?? null,
          (r) => r[5] ?? null,
          (r) => r[4] ?? null,
          (r) => r[0] ?? null,
          (r) => r[2] ?? null,
        ),
      ),
  );
  answers.set('seed001_purchase_count', [[approved.length]]);
  const guildJoins = joins.filter((e) => e.action === 'join_guild');
  answers.set('seed001_guild_membership_count', [[guildJoins.length]]);
  answers.set(
    'seed001_purchases_per_host',
    [...groupBy(approved, (e) => e.host).entries()].sort(orderBy(([k]) => k)).map(([host, es]) => [host, es.length]),
  );
  const perType = (es: ReadonlyArray<SimEvent>): Rows =>
    [...groupBy(es, purchaseType).entries()]
      .map(([t, xs]) => [t, xs.length] as Cell[])
      .sort(
        orderBy(
          (r) => r[1] ?? null,
          (r) => r[0] ?? null,
        ),
      );
  answers.set('seed001_purchases_per_event_type', perType(approved));
  answers.set('seed001_purchases_of_user3', perType(approved.filter((e) => e.host === 'user3.spectrum.com')));
  answers.set('seed001_bow_purchases', []);
  answers.set('seed001_arrow_purchases', []);
  answers.set('seed001_guild_event_types', guildJoins.length > 0 ? [['join_guild']] : []);
};
