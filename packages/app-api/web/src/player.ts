import { useEffect, useState } from 'preact/hooks';
import { call, stored, wholeHistory, type HistoryEvent, type Profile, type Session } from './api.js';
import { Chart, Failure, html, Table } from './html.js';

const sessionOf = (): Session | null => {
  const raw = stored.get('player');
  return raw === null ? null : (JSON.parse(raw) as Session);
};

const Login = (props: { readonly onSession: (s: Session) => void }) => {
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    try {
      const s = await call<Session>('/v1/sessions', { method: 'POST', body: { name: form.get('name'), password: form.get('password') } });
      stored.set('player', JSON.stringify({ token: s.token, player_id: s.player_id }));
      props.onSession(s);
    } catch (err) {
      setError(err);
    }
  };
  return html`<form class="login" id="player-login" onSubmit=${submit}>
    <h2>Player log-in</h2>
    <label>Name <input name="name" autocomplete="username" required /></label>
    <label>Password <input name="password" type="password" autocomplete="current-password" required /></label>
    <button type="submit">Log in</button>
    <${Failure} error=${error} />
  </form>`;
};

/** Fights per enemy, won and lost, from the FightFought events. */
const fightsPerEnemy = (events: ReadonlyArray<HistoryEvent>) => {
  const per = new Map<string, { won: number; lost: number }>();
  for (const e of events) {
    if (e.data.type !== 'FightFought') continue;
    const enemy = String(e.data.enemy);
    const n = per.get(enemy) ?? { won: 0, lost: 0 };
    if (e.data.outcome === 'won') n.won++;
    else n.lost++;
    per.set(enemy, n);
  }
  return { columns: ['enemy', 'won', 'lost'], rows: [...per].sort(([a], [b]) => a.localeCompare(b)).map(([enemy, n]) => [enemy, n.won, n.lost]) };
};

const orgEvents = new Set(['OrgJoined', 'OrgJoinRefused', 'OrgLeft']);

/** Joins, refused joins and leaves, newest first. */
const affiliationHistory = (events: ReadonlyArray<HistoryEvent>) => ({
  columns: ['occurred_at', 'event', 'kind', 'org', 'level'],
  rows: events
    .filter((e) => orgEvents.has(e.data.type))
    .reverse()
    .map((e) => [e.occurred_at, e.data.type, e.data.org_kind, e.data.org, e.data.level]),
});

const recentEvents = (events: ReadonlyArray<HistoryEvent>) => ({
  columns: ['version', 'occurred_at', 'event', 'wealth', 'health'],
  rows: events
    .slice(-25)
    .reverse()
    .map((e) => [e.player_version, e.occurred_at, e.event_type, e.wealth, e.health]),
});

const Dashboard = (props: { readonly profile: Profile; readonly events: ReadonlyArray<HistoryEvent> }) => {
  const { profile, events } = props;
  const wealth = { columns: ['occurred_at', 'wealth'], rows: events.map((e) => [e.occurred_at, e.wealth]) };
  const fights = fightsPerEnemy(events);
  return html`<div class="grid">
    <section class="card wide" id="wealth">
      <h3>Wealth over time</h3>
      <${Chart} kind="line" title="Wealth after each event" x="occurred_at" y=${['wealth']} data=${wealth} />
    </section>
    <section class="card" id="inventory">
      <h3>Inventory</h3>
      <${Table} data=${{ columns: ['kind', 'type', 'quantity'], rows: profile.inventory.map((i) => [i.kind, i.type, i.quantity]) }} />
    </section>
    <section class="card" id="affiliations">
      <h3>Affiliations</h3>
      <${Table} data=${{ columns: ['kind', 'org', 'level', 'joined_at'], rows: profile.affiliations.map((a) => [a.kind, a.org, a.level, a.joined_at]) }} />
      <h4>History</h4>
      <${Table} data=${affiliationHistory(events)} max=${50} />
    </section>
    <section class="card" id="fights-won">
      <h3>Fights won per enemy</h3>
      <${Chart} kind="bar" title="Fights won" x="enemy" y=${['won']} data=${fights} />
    </section>
    <section class="card" id="fights-lost">
      <h3>Fights lost per enemy</h3>
      <${Chart} kind="bar" title="Fights lost" x="enemy" y=${['lost']} data=${fights} />
    </section>
    <section class="card wide" id="recent">
      <h3>Recent events</h3>
      <${Table} data=${recentEvents(events)} />
    </section>
  </div>`;
};

/** The player's dashboard: their profile and their whole history, through their own session only. */
export const PlayerPage = () => {
  const [session, setSession] = useState<Session | null>(sessionOf);
  const [data, setData] = useState<{ profile: Profile; events: ReadonlyArray<HistoryEvent> } | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (session === null) return;
    const id = encodeURIComponent(session.player_id);
    Promise.all([call<Profile>(`/v1/players/${id}`, { token: session.token }), wholeHistory(session)])
      .then(([profile, events]) => setData({ profile, events }))
      .catch((e: unknown) => {
        stored.set('player', null);
        setSession(null);
        setError(e);
      });
  }, [session]);
  if (session === null) return html`<${Login} onSession=${setSession} /><${Failure} error=${error} />`;
  if (data === null) return html`<p class="loading">Loading…</p>`;
  const logOut = (): void => {
    void call('/v1/sessions', { method: 'DELETE', token: session.token }).catch(() => undefined);
    stored.set('player', null);
    setData(null);
    setSession(null);
  };
  return html`<header class="page-head" data-ready="player">
      <h2>${data.profile.name}</h2>
      <p class="meta">wealth ${data.profile.wealth} · health ${data.profile.health} · ${data.events.length} events</p>
      <button onClick=${logOut}>Log out</button>
    </header>
    <${Dashboard} ...${data} />`;
};
