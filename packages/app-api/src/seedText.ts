import type Koa from 'koa';

export const noFunds = 'You do not have sufficient funds [:(\n';

export const sendText = (ctx: Koa.ParameterizedContext<unknown>, status: number, text: string): void => {
  ctx.status = status;
  ctx.type = 'text/plain; charset=utf-8';
  ctx.body = text;
};

const escapeNonAscii = (s: string): string => s.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** JSON as Python's json.dumps wrote it for the seeds: `{"a": 1, "b": [2, 3]}`, non-ASCII escaped. */
export const pythonJson = (v: unknown): string => {
  if (Array.isArray(v)) return `[${v.map(pythonJson).join(', ')}]`;
  if (v !== null && typeof v === 'object') {
    return `{${Object.entries(v)
      .map(([k, x]) => `${escapeNonAscii(JSON.stringify(k))}: ${pythonJson(x)}`)
      .join(', ')}}`;
  }
  return escapeNonAscii(JSON.stringify(v) ?? 'null');
};

/** An ISO instant as Python's str(datetime) printed it in the seeds: `2020-11-23 14:58:44.356273`. */
export const pythonTime = (iso: string): string => {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.(\d+))?Z$/.exec(iso);
  return m === null ? iso : `${m[1]} ${m[2]}.${(m[3] ?? '').padEnd(6, '0').slice(0, 6)}`;
};
