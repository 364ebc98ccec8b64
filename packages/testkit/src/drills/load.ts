import { randomUUID } from 'node:crypto';
import { callJson } from '../cli/placebo.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const PASSWORD = 'a long drill password';

export interface DrillPlayer {
  readonly id: string;
  readonly name: string;
  token: string;
}

/** What the load saw: every command answered 2xx (key → player), every 503 and other answer, successes per second. */
export interface LoadTally {
  readonly startedAt: number;
  readonly acknowledged: Map<string, string>;
  /** Keys of commands that got no 2xx within the retry budget (not acknowledged: they may or may not be applied). */
  readonly unanswered: string[];
  /** 2xx answers per second since `startedAt` (index = second). */
  readonly perSecond: number[];
  status503: number;
  networkErrors: number;
  /** Answers other than 2xx and 503, by status. */
  readonly other: Map<number, number>;
}

export interface Load {
  readonly tally: LoadTally;
  /** Stops sending new commands and waits until every command in flight is answered or out of retries. */
  readonly stop: () => Promise<void>;
}

export interface LoadOptions {
  readonly clients: number;
  /** Commands per second, all clients together. */
  readonly rate: number;
  /** How long a command is retried under its key after 503s and network errors. */
  readonly retryMs: number;
}

const expect201 = (what: string, r: { status: number; body: Record<string, unknown> }): Record<string, unknown> => {
  if (r.status !== 201) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
};

const login = async (url: string, name: string): Promise<{ id: string; token: string }> => {
  const body = expect201('login', await callJson(`${url}/v1/sessions`, 'POST', { name, password: PASSWORD }));
  return { id: String(body.player_id), token: String(body.token) };
};

/** Registers `n` `/v1` players (spread over the API processes) and logs each in. */
export const registerPlayers = async (urls: ReadonlyArray<string>, n: number): Promise<DrillPlayer[]> =>
  Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const url = urls[i % urls.length]!;
      const name = `drill-${randomUUID().slice(0, 12)}`;
      expect201('registration', await callJson(`${url}/v1/players`, 'POST', { name, password: PASSWORD }));
      return { name, ...(await login(url, name)) };
    }),
  );

/** One purchase attempt: its status, or 0 when the connection failed or timed out. */
const purchase = async (url: string, p: DrillPlayer, key: string): Promise<number> => {
  try {
    const res = await fetch(`${url}/v1/players/${p.id}/purchases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${p.token}`, 'idempotency-key': key },
      body: JSON.stringify({ kind: 'arrow' }),
      signal: AbortSignal.timeout(10_000),
    });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
};

const count = (t: LoadTally, status: number): void => {
  if (status === 503) t.status503++;
  else if (status === 0) t.networkErrors++;
  else t.other.set(status, (t.other.get(status) ?? 0) + 1);
};

/**
 * One command under its own Idempotency-Key, sent again under the same key after a 503 or a network error (to the
 * other API process, as a balancer would) until `retryMs` passed; a lost session (401) is renewed and the command sent
 * again, any other answer ends it.
 */
const command = async (urls: ReadonlyArray<string>, first: number, p: DrillPlayer, t: LoadTally, retryMs: number): Promise<void> => {
  const key = randomUUID();
  const began = Date.now();
  for (let attempt = 0; ; attempt++) {
    const url = urls[(first + attempt) % urls.length]!;
    const status = await purchase(url, p, key);
    if (status >= 200 && status < 300) {
      t.acknowledged.set(key, p.id);
      const second = Math.floor((Date.now() - t.startedAt) / 1000);
      while (t.perSecond.length <= second) t.perSecond.push(0);
      t.perSecond[second]!++;
      return;
    }
    count(t, status);
    const again = status === 503 || status === 0 || status === 401;
    if (!again || Date.now() - began > retryMs) {
      t.unanswered.push(key);
      return;
    }
    if (status === 401) p.token = (await login(url, p.name).catch(() => ({ token: p.token }))).token;
    await sleep(Math.min(1000, 100 * 2 ** attempt));
  }
};

/** Starts a steady purchase load: `clients` loops, each paced to its share of `rate`, each over its share of players. */
export const startLoad = (urls: ReadonlyArray<string>, players: ReadonlyArray<DrillPlayer>, o: LoadOptions): Load => {
  const tally: LoadTally = { startedAt: Date.now(), acknowledged: new Map(), unanswered: [], perSecond: [], status503: 0, networkErrors: 0, other: new Map() };
  let running = true;
  const interval = (1000 * o.clients) / o.rate;
  const loops = Array.from({ length: o.clients }, async (_, c) => {
    const mine = players.filter((_p, i) => i % o.clients === c);
    let next = Date.now();
    for (let i = 0; running && mine.length > 0; i++) {
      await command(urls, c, mine[i % mine.length]!, tally, o.retryMs);
      next = Math.max(next + interval, Date.now() - interval);
      await sleep(next - Date.now());
    }
  });
  return {
    tally,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
};
