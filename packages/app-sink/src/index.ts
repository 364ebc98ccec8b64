export * from './sink/sink.js';
export * from './main.js';
export * from './replay/replay.js';
export * from './playerAt.js';
export * from './stateExport.js';
export * from './compaction.js';
export * from './sinkMetrics.js';
