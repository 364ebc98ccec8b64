/** Calls to this origin's /v1 API: nothing else is fetched (the page's CSP allows only 'self'). */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const call = async <A>(
  path: string,
  options: { readonly token?: string | null; readonly method?: string; readonly body?: unknown } = {},
): Promise<A> => {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(path, {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    credentials: 'omit',
    cache: 'no-store',
  });
  const text = await res.text();
  const body = text === '' ? null : (JSON.parse(text) as Record<string, unknown>);
  if (!res.ok) throw new ApiError(res.status, String(body?.error ?? res.status), String(body?.message ?? res.statusText));
  return body as A;
};

/** Tokens live in this tab only (sessionStorage): closing it logs out. */
export const stored = {
  get: (key: string): string | null => sessionStorage.getItem(`placebo.${key}`),
  set: (key: string, value: string | null): void =>
    value === null ? sessionStorage.removeItem(`placebo.${key}`) : sessionStorage.setItem(`placebo.${key}`, value),
};

export interface Session {
  readonly token: string;
  readonly player_id: string;
}

export interface HistoryEvent {
  readonly event_id: string;
  readonly player_version: number;
  readonly occurred_at: string;
  readonly event_type: string;
  readonly wealth: number;
  readonly health: number;
  readonly data: Record<string, unknown> & { readonly type: string };
}

export interface Profile {
  readonly player_id: string;
  readonly name: string;
  readonly wealth: number;
  readonly health: number;
  readonly created_at: string;
  readonly inventory: ReadonlyArray<{ readonly kind: string; readonly type: string; readonly quantity: number }>;
  readonly affiliations: ReadonlyArray<{ readonly kind: string; readonly org: string; readonly level: string; readonly joined_at: string }>;
}

/** Every event of the player, a page at a time (at most 20 pages: 10,000 events). */
export const wholeHistory = async (s: Session): Promise<ReadonlyArray<HistoryEvent>> => {
  const out: HistoryEvent[] = [];
  let after: number | null = 0;
  for (let pages = 0; after !== null && pages < 20; pages++) {
    const page: { events: HistoryEvent[]; next: number | null } = await call(`/v1/players/${encodeURIComponent(s.player_id)}/events?after=${after}&limit=500`, {
      token: s.token,
    });
    out.push(...page.events);
    after = page.next;
  }
  return out;
};
