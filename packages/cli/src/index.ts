export * from './cli.js';
export * from './table.js';
