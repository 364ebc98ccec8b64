import type Koa from 'koa';

export interface FailureRecord {
  readonly at: string;
  readonly method: string;
  /** The route's pattern (`/v1/players/:id`), never the raw path: ids and query strings stay out. */
  readonly route: string;
  readonly status: number;
  readonly request_id: string;
}

/** The newest answers of 500 and above this process gave, for the operator's view; a ring of `size`, newest first. */
export const createRecentFailures = (size = 50) => {
  const ring: FailureRecord[] = [];
  return {
    observe: (ctx: Koa.Context, requestId: string): void => {
      if (ctx.status < 500) return;
      const route = (ctx as { _matchedRoute?: unknown })._matchedRoute;
      ring.unshift({
        at: new Date().toISOString(),
        method: ctx.method,
        route: typeof route === 'string' ? route : 'unmatched',
        status: ctx.status,
        request_id: requestId,
      });
      if (ring.length > size) ring.length = size;
    },
    list: (): ReadonlyArray<FailureRecord> => [...ring],
  };
};

export type RecentFailures = ReturnType<typeof createRecentFailures>;
