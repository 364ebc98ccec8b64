import type { Logger } from '@placebo/adapters';

/** What the app's middleware leaves on `ctx.state` for the routes. */
export interface AppState {
  requestId: string;
  log: Logger;
  /** The request body's bytes, read once within the size limit; null when the request had none. */
  raw: Buffer | null;
}
