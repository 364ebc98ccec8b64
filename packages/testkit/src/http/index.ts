export * from './contract.js';
export * from './contractCheck.js';
export * from './schemaArbitrary.js';
export * from './testApi.js';
