export * from './compactionSuite.js';
export * from './stateExportSuite.js';
