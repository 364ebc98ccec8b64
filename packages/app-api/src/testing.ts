/** Test support for other packages' specs (`@placebo/app-api/testing`); production code never imports it. */
export { checkedFetch, checkedResponses, checkExchange } from './contractCheck.js';
export type { JsonSchema } from './jsonSchema.js';
