// Fills a deployment's Kafka topics with decided events, as the API would have produced them (one producer, big
// batches, acks=all): players of `perPlayer` events each (registration, purchases, fights, guild joins).
import * as E from 'fp-ts/lib/Either.js';
import { envelop, initialState, topicsOf } from '@placebo/domain';
import { topicName } from '@placebo/adapters';

const request = { host: 'bench.local', user_agent: 'bench', accept: '*/*' };
const kinds = ['sword', 'knife', 'potion', 'arrow', 'spell'];

const commandsOf = (id, perPlayer) => {
  const cmds = [{ type: 'RegisterPlayer', name: id, wealth: 1_000_000, origin: 'seed' }];
  for (let i = 1; i < perPlayer; i++) {
    cmds.push(
      i % 7 === 0
        ? { type: 'Fight', enemy: 'goblin', roll: (i % 10) / 10 }
        : i % 11 === 0
          ? { type: 'JoinOrg', org_kind: 'guild', org: 'magicians', level: null, client_cost: null }
          : { type: 'BuyItem', kind: kinds[i % kinds.length], item_type: null, quantity: 1, offer_id: null, client_cost: null },
    );
  }
  return cmds;
};

/** A player's stored events, decided one command after the other; `counter.seq` numbers events across players. */
const playerEvents = (id, perPlayer, decider, counter, timeOf) => {
  let state = initialState(id);
  const out = [];
  for (const c of commandsOf(id, perPlayer)) {
    const d = decider.decide(c, state);
    if (E.isLeft(d)) continue;
    const next = envelop(state, d.right, { command_id: `c${counter.seq}`, request, occurred_at: timeOf(counter.seq) }, () => `${id}-e${++counter.seq}`);
    state = next.state;
    out.push(...next.stored);
  }
  return out;
};

/**
 * Produces about `total` events of players `<idPrefix>0…`; `at(seq)` gives each event's time (default: 10 ms apart
 * from 2026-11-23). Through `producer` when given (connected), else its own. Answers the events and the seconds.
 */
export const fillKafka = async ({ kafka, settings, total, perPlayer, decider, progress = () => undefined, idPrefix = 'bench-', at, producer: given }) => {
  const producer = given ?? kafka.producer({ allowAutoTopicCreation: false });
  if (given === undefined) await producer.connect();
  const t0 = performance.now();
  let pending = new Map();
  let queued = 0;
  const flush = async () => {
    await producer.sendBatch({ acks: -1, topicMessages: [...pending].map(([topic, messages]) => ({ topic, messages })) });
    pending = new Map();
    queued = 0;
  };
  const timeOf = at ?? ((n) => new Date(Date.UTC(2026, 10, 23) + n * 10).toISOString());
  const counter = { seq: 0 };
  for (let p = 0; p * perPlayer < total; p++) {
    const id = `${idPrefix}${p}`;
    for (const e of playerEvents(id, perPlayer, decider, counter, timeOf)) {
      const value = JSON.stringify(e);
      for (const t of topicsOf(e.data)) {
        const name = topicName(settings, t);
        if (!pending.has(name)) pending.set(name, []);
        pending.get(name).push({ key: id, value });
        queued++;
      }
    }
    if (queued >= 3000) await flush();
    if (p % 100 === 0) progress(counter.seq, total);
  }
  if (queued > 0) await flush();
  if (given === undefined) await producer.disconnect();
  return { events: counter.seq, seconds: (performance.now() - t0) / 1000 };
};
