export type Level = 'debug' | 'info' | 'warn' | 'error';
const rank: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  readonly debug: (msg: string, fields?: Record<string, unknown>) => void;
  readonly info: (msg: string, fields?: Record<string, unknown>) => void;
  readonly warn: (msg: string, fields?: Record<string, unknown>) => void;
  readonly error: (msg: string, fields?: Record<string, unknown>) => void;
  readonly child: (fields: Record<string, unknown>) => Logger;
}

const secret = /pass(word)?|pwd|token|authorization|cookie|hash|secret/i;

/** Secrets stay out of logs whatever a caller passes: matching keys are masked at any depth. */
export const redact = (value: unknown, depth = 0): unknown => {
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value instanceof Error) return { name: value.name, message: value.message };
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, secret.test(k) ? '[redacted]' : redact(v, depth + 1)]));
};

/** JSON lines on a stream (stderr by default), one object per line. */
export const createLogger = (options: {
  readonly level: Level;
  readonly fields?: Record<string, unknown>;
  readonly write?: (line: string) => void;
}): Logger => {
  const write = options.write ?? ((line: string) => process.stderr.write(line));
  const base = options.fields ?? {};
  const emit = (level: Level) => (msg: string, fields?: Record<string, unknown>) => {
    if (rank[level] < rank[options.level]) return;
    write(`${JSON.stringify({ time: new Date().toISOString(), level, msg, ...(redact({ ...base, ...fields }) as object) })}\n`);
  };
  return {
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    child: (fields) => createLogger({ ...options, fields: { ...base, ...fields } }),
  };
};
