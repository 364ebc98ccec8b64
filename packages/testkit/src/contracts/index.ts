export * from './eventLogContract.js';
export * from './fixtures.js';
export * from './lakeContract.js';
export * from './rateLimitContract.js';
export * from './sessionContract.js';
export * from './storeContracts.js';
