export { createApp, type ApiDeps } from './app.js';
export { startApi } from './main.js';
export { toHttpError } from './errors.js';
export { createHandler } from './compose.js';
export { createKeyedQueue, queuePerPlayer } from './playerQueue.js';
export { openApiDocument } from './openapi.js';
export { toJsonSchema, type JsonSchema } from './jsonSchema.js';
export { createBackgroundWrites, type BackgroundWrites } from './background.js';
export { apiLimits, type ApiLimits, type Rates } from './rateLimit.js';
