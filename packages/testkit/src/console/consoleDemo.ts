import { join } from 'node:path';
import { eventually, placeboRun, startServer, stop, type Running } from '../cli/placebo.js';

/** The demo deployment's operator token and player: what the browser tests and the screenshots log in with. */
export const demoOperatorToken = 'console-demo-operator-token-0001';
export const demoPlayer = { name: 'ada', password: 'correct horse battery' } as const;

interface Catalogue {
  readonly items: ReadonlyArray<{ readonly kind: string; readonly type: string }>;
  readonly orgs: ReadonlyArray<{ readonly kind: string; readonly name: string; readonly levels: ReadonlyArray<{ readonly level: string }> }>;
  readonly enemies: ReadonlyArray<{ readonly type: string }>;
}

const post = async (url: string, body: unknown, token?: string): Promise<{ status: number; body: Record<string, unknown> }> => {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

/** One player's journey through /v1: purchases, joins (one left again), fights against every enemy, potions to heal. */
const journey = async (base: string): Promise<void> => {
  const catalogue = (await (await fetch(`${base}/v1/catalogue`)).json()) as Catalogue;
  const registered = await post(`${base}/v1/players`, demoPlayer);
  if (registered.status !== 201) throw new Error(`register: ${registered.status} ${JSON.stringify(registered.body)}`);
  const login = await post(`${base}/v1/sessions`, demoPlayer);
  const token = String(login.body.token);
  const me = `${base}/v1/players/${encodeURIComponent(String(login.body.player_id))}`;
  for (const item of catalogue.items.filter((i) => i.type === 'dagger' || i.type === 'leather'))
    await post(`${me}/purchases`, { kind: item.kind, type: item.type }, token);
  for (const org of catalogue.orgs.slice(0, 2)) await post(`${me}/orgs`, { kind: org.kind, org: org.name, level: org.levels[0]?.level }, token);
  const left = catalogue.orgs[0];
  if (left !== undefined)
    await fetch(`${me}/orgs/${left.kind}/${encodeURIComponent(left.name)}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
  for (let i = 0; i < 30; i++) {
    const enemy = catalogue.enemies[i % catalogue.enemies.length]!.type;
    const fought = await post(`${me}/fights`, { enemy }, token);
    if (fought.status === 201 && Number(fought.body.health) >= 50) continue;
    // Hurt, or too tired to fight: a potion, while the wealth lasts.
    if ((await post(`${me}/purchases`, { kind: 'potion' }, token)).status !== 201) break;
  }
};

export interface ConsoleDemo {
  readonly url: string;
  readonly server: Running;
  readonly stop: () => Promise<void>;
}

/**
 * An embedded deployment (`placebo start` on a free port, data in `dir`) with the operator token set, seeded player
 * journeys from `placebo simulate` and the demo player's own, returned once the lake answers the catalogue's questions.
 */
export const startConsoleDemo = async (dir: string): Promise<ConsoleDemo> => {
  const env = { PLACEBO_DATA_DIR: join(dir, 'data'), PLACEBO_SINK_FLUSH_MS: '500', PLACEBO_SCRYPT_COST: '1024', PLACEBO_OPERATOR_TOKEN: demoOperatorToken };
  const server = await startServer('start', env);
  try {
    const sim = await placeboRun(['simulate', '--players', '40', '--commands', '1500', '--seed', '11', '--url', server.url], env);
    if (sim.code !== 0) throw new Error(`simulate: ${sim.output}`);
    await journey(server.url);
    const exported = await placeboRun(['export-state'], env);
    if (exported.code !== 0) throw new Error(`export-state: ${exported.output}`);
    await eventually('the sink to land the demo player', async () => {
      const res = await fetch(`${server.url}/v1/analytics/win_rate_by_enemy`, { headers: { authorization: `Bearer ${demoOperatorToken}` } });
      const body = (await res.json()) as { rows?: ReadonlyArray<ReadonlyArray<unknown>> };
      return (body.rows?.length ?? 0) > 0 ? true : undefined;
    });
  } catch (e) {
    await stop(server);
    throw e;
  }
  return { url: server.url, server, stop: () => stop(server) };
};
