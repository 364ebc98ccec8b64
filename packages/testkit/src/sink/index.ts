export * from './compactionSuite.js';
export * from './stateExportSuite.js';
export * from './replaySuite.js';
