import { Agent, request } from 'node:http';

export interface HttpReply {
  readonly status: number;
  readonly text: string;
  readonly json: Record<string, unknown> | null;
}

export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly path: string;
  /** Sent as the Host header: seed 001's routes name the player by it, and analysts group by it. */
  readonly host: string;
  readonly json?: unknown;
  readonly form?: Readonly<Record<string, string>>;
  readonly token?: string;
  readonly idempotencyKey?: string;
}

export const userAgent = 'placebo-simulate/1';

/** A keep-alive HTTP client for one base URL (fetch cannot set a Host header). */
export const createHttp = (baseUrl: string, sockets: number) => {
  const base = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  const send = (r: HttpRequest): Promise<HttpReply> =>
    new Promise((resolve, reject) => {
      const body = r.json !== undefined ? JSON.stringify(r.json) : r.form !== undefined ? new URLSearchParams(r.form).toString() : undefined;
      const headers: Record<string, string> = {
        host: r.host,
        'user-agent': userAgent,
        accept: r.path.startsWith('/v1') ? 'application/json' : '*/*',
      };
      if (body !== undefined) {
        headers['content-type'] = r.json !== undefined ? 'application/json' : 'application/x-www-form-urlencoded';
        headers['content-length'] = String(Buffer.byteLength(body));
      }
      if (r.token !== undefined) headers.authorization = `Bearer ${r.token}`;
      if (r.idempotencyKey !== undefined) headers['idempotency-key'] = r.idempotencyKey;
      const req = request({ host: base.hostname, port: base.port, path: r.path, method: r.method, headers, agent, timeout: 60_000 }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: Record<string, unknown> | null = null;
          if ((res.headers['content-type'] ?? '').includes('json') && text !== '') {
            try {
              json = JSON.parse(text) as Record<string, unknown>;
            } catch {
              json = null;
            }
          }
          resolve({ status: res.statusCode ?? 0, text, json });
        });
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new Error(`timed out: ${r.method} ${r.path}`)));
      req.on('error', reject);
      if (body !== undefined) req.write(body);
      req.end();
    });
  return { send, close: () => agent.destroy() };
};
