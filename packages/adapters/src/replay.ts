// The face replay's worker threads import (`@placebo/adapters/replay`): only what a replay reader opens, so each
// thread starts without loading DuckDB, Parquet, WebHDFS and Presto.
export { openReplaySide, type ReplaySide } from './replaySide.js';
export { createLogger } from './runtime/logger.js';
