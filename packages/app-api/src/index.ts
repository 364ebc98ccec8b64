export { createApp, type ApiDeps } from './app.js';
export { startApi } from './main.js';
export { toHttpError } from './errors.js';
export { createHandler } from './compose.js';
export { serializeByKey, serializeHandler } from './serialize.js';
export { openApiDocument } from './openapi.js';
export { toJsonSchema } from './jsonSchema.js';
