import { pino, type DestinationStream, type Logger as Pino } from 'pino';

export type Level = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  readonly debug: (msg: string, fields?: Record<string, unknown>) => void;
  readonly info: (msg: string, fields?: Record<string, unknown>) => void;
  readonly warn: (msg: string, fields?: Record<string, unknown>) => void;
  readonly error: (msg: string, fields?: Record<string, unknown>) => void;
  readonly child: (fields: Record<string, unknown>) => Logger;
  /** Writes out what is buffered (before exit). */
  readonly flush: () => void;
}

const secret = /pass(word)?|pwd|token|authorization|cookie|hash|secret/i;

/** Secrets stay out of logs whatever a caller passes: matching keys are masked at any depth. */
export const redact = (value: unknown, depth = 0): unknown => {
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value instanceof Error) return { name: value.name, message: value.message };
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, secret.test(k) ? '[redacted]' : redact(v, depth + 1)]));
};

const wrap = (p: Pino): Logger => {
  const emit = (level: Level) => (msg: string, fields?: Record<string, unknown>) => {
    if (!p.isLevelEnabled(level)) return;
    if (fields === undefined) p[level](msg);
    else p[level](redact(fields) as object, msg);
  };
  return {
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    // Bindings are masked once, when the child is made, not on every line.
    child: (fields) => wrap(p.child(redact(fields) as Record<string, unknown>)),
    flush: () => p.flush(),
  };
};

/**
 * JSON lines (pino) on stderr by default, one object per line: `time` (ISO), `level` (name), `msg`, then the fields.
 * stderr is written asynchronously (pino's sonic-boom coalesces lines while a write is pending), so a busy request
 * path does not wait on it.
 */
export const createLogger = (options: {
  readonly level: Level;
  readonly fields?: Record<string, unknown>;
  readonly write?: (line: string) => void;
}): Logger => {
  const destination: DestinationStream = options.write !== undefined ? { write: options.write } : pino.destination({ dest: 2, sync: false });
  const p = pino(
    {
      level: options.level,
      base: null,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
  const logger = wrap(p);
  return options.fields === undefined ? logger : logger.child(options.fields);
};
