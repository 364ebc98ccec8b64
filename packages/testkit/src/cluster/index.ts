export * from './clusterLogSuite.js';
export * from './redis.js';
