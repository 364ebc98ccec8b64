import type { Config } from '@placebo/adapters';

const codeOf = (e: unknown): string | undefined => {
  for (let x: unknown = e, depth = 0; x !== null && typeof x === 'object' && depth < 5; x = (x as { cause?: unknown }).cause, depth++) {
    const code = (x as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
};

const messageOf = (e: unknown): string => {
  const parts: string[] = [];
  for (let x: unknown = e, depth = 0; x !== undefined && x !== null && depth < 5; x = (x as { cause?: unknown }).cause, depth++) {
    parts.push(x instanceof Error ? x.message : String(x));
    if (typeof x !== 'object') break;
  }
  return [...new Set(parts)].join(': ');
};

/** Where cluster mode's servers are, for the line saying which one did not answer. */
const clusterServers = (config: Config): string =>
  `Kafka ${config.PLACEBO_KAFKA_BROKERS}, Redis ${config.PLACEBO_REDIS_URL}, WebHDFS ${config.PLACEBO_WEBHDFS_URL}, Presto ${config.PLACEBO_PRESTO_URL}`;

/**
 * One line for a failure a person meets — what happened and what to do about it — instead of a stack trace. The
 * stack stays in the log at debug level.
 */
export const explain = (e: unknown, config: Config): string => {
  const code = codeOf(e);
  const message = messageOf(e);
  const at = `${config.PLACEBO_HOST}:${config.PLACEBO_PORT}`;
  if (code === 'EADDRINUSE') return `placebo: port ${at} is in use by another process — stop it, or set PLACEBO_PORT to a free port (0 picks one)`;
  if (code === 'EACCES' && /listen/.test(message)) return `placebo: not allowed to listen on ${at} — use a port above 1023 (PLACEBO_PORT)`;
  if (code === 'EADDRNOTAVAIL') return `placebo: ${config.PLACEBO_HOST} is not an address of this machine — set PLACEBO_HOST (127.0.0.1 or 0.0.0.0)`;
  if (code === 'SQLITE_BUSY' || /database is locked|Could not set lock on file/i.test(message)) {
    return `placebo: the database in ${config.PLACEBO_DATA_DIR} is locked by another process (${message}) — stop that process, or give this one its own PLACEBO_DATA_DIR`;
  }
  if (/held by another sink/.test(message)) {
    return `placebo: another sink holds the log's partitions (a running npm start, placebo start or placebo sink) — it lands the events itself within PLACEBO_SINK_FLUSH_MS (${config.PLACEBO_SINK_FLUSH_MS} ms); stop it first to catch up here`;
  }
  if (code === 'ENOSPC') return `placebo: the disk holding ${config.PLACEBO_DATA_DIR} is full — free some space or set PLACEBO_DATA_DIR elsewhere`;
  if (config.PLACEBO_MODE === 'cluster' && (code === 'ECONNREFUSED' || code === 'ETIMEDOUT' || /ECONNREFUSED|connect|timed? ?out/i.test(message))) {
    return `placebo: the cluster stack does not answer (${message}) — start it with \`npm run stack:up\`, or point the settings at yours (${clusterServers(config)})`;
  }
  return `placebo: ${message}`;
};
