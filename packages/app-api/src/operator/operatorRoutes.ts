import type { Router } from '@koa/router';
import type { ApiDeps } from '../deps.js';
import type { AppState } from '../state.js';
import { requireOperator } from './operatorAuth.js';
import { operatorStatus } from './operatorStatus.js';

/** The operator's view: what this process knows of its services, its sink and its answers. */
export const addOperatorRoutes = (router: Router<AppState>, deps: ApiDeps): void => {
  router.get('/operator/status', async (ctx) => {
    await requireOperator(ctx, deps.console.operatorToken, deps.limits);
    ctx.body = await operatorStatus(deps.console, deps.metrics);
  });
};
