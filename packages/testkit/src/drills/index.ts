export * from './deployment.js';
export * from './drills.js';
export * from './faults.js';
export * from './lakeCheck.js';
export * from './load.js';
