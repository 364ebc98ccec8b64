import http from 'node:http';

/** A failed WebHDFS call: the HTTP status (0 when no answer came) and the NameNode's exception name, if any. */
export class WebHdfsError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly exception: string | null,
    readonly code: string | null,
  ) {
    super(message);
    this.name = 'WebHdfsError';
  }
}

// Exceptions the NameNode raises while it cannot serve yet (failover, safe mode, a lease being recovered).
const transientExceptions = new Set(['StandbyException', 'SafeModeException', 'RetriableException', 'RecoveryInProgressException']);

/** Connection failures, 5xx and the NameNode's "try again" exceptions may succeed later; a 4xx will not. */
export const isRetriable = (e: unknown): boolean =>
  !(e instanceof WebHdfsError) || e.status === 0 || e.status >= 500 || (e.exception !== null && transientExceptions.has(e.exception));

interface Reply {
  readonly status: number;
  readonly body: string;
  readonly bytes: Buffer;
}

export interface WebHdfsClient {
  /** Calls `op` on an absolute HDFS path through the NameNode; resolves with the parsed JSON body of a 2xx answer. */
  readonly call: (method: string, path: string, op: string, params?: Record<string, string>) => Promise<unknown>;
  /** CREATE in two steps, as WebHDFS wants: the NameNode names a DataNode, the bytes go there. */
  readonly create: (path: string, bytes: Uint8Array, overwrite: boolean) => Promise<void>;
  /** OPEN in two steps: the NameNode names a DataNode, the bytes come from there. */
  readonly open: (path: string) => Promise<Uint8Array>;
  readonly close: () => void;
}

const remoteException = (body: string): { exception: string; message: string } | null => {
  try {
    const parsed = JSON.parse(body) as { RemoteException?: { exception?: string; message?: string } };
    const r = parsed.RemoteException;
    return r === undefined ? null : { exception: r.exception ?? 'RemoteException', message: r.message ?? '' };
  } catch {
    return null;
  }
};

/**
 * Plain WebHDFS REST over node:http with one keep-alive pool. Not `fetch`: the DataNode answers a CREATE with an
 * unsolicited `100 Continue`, which undici rejects ("bad response"); node:http skips it.
 */
export const createWebHdfsClient = (options: {
  readonly url: string;
  readonly user: string;
  readonly timeoutMs: number;
  readonly maxSockets: number;
}): WebHdfsClient => {
  const base = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.maxSockets });

  const send = (method: string, url: URL, body?: Uint8Array): Promise<Reply> =>
    new Promise((resolve, reject) => {
      const headers: http.OutgoingHttpHeaders = body === undefined ? {} : { 'content-type': 'application/octet-stream', 'content-length': body.byteLength };
      const req = http.request(url, { method, agent, headers, timeout: options.timeoutMs }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const bytes = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, body: bytes.toString('utf8'), bytes });
        });
        res.on('error', (e: NodeJS.ErrnoException) => reject(new WebHdfsError(`${method} ${url.pathname}: ${e.message}`, 0, null, e.code ?? null)));
      });
      req.on('timeout', () => req.destroy(Object.assign(new Error(`no answer within ${options.timeoutMs} ms`), { code: 'ETIMEDOUT' })));
      req.on('error', (e: NodeJS.ErrnoException) =>
        reject(new WebHdfsError(`${method} ${url.host}${url.pathname}: ${e.code ?? e.message}`, 0, null, e.code ?? null)),
      );
      req.end(body === undefined ? undefined : Buffer.from(body.buffer, body.byteOffset, body.byteLength));
    });

  const expect2xx = (method: string, path: string, op: string, reply: Reply): unknown => {
    if (reply.status >= 200 && reply.status < 300) {
      try {
        return reply.body === '' ? null : JSON.parse(reply.body);
      } catch {
        return null;
      }
    }
    const remote = remoteException(reply.body);
    const detail = remote === null ? reply.body.slice(0, 200) : `${remote.exception}: ${remote.message}`;
    throw new WebHdfsError(`${op} ${path}: HTTP ${reply.status} ${detail}`, reply.status, remote?.exception ?? null, null);
  };

  const operationUrl = (path: string, op: string, params: Record<string, string>): URL => {
    const url = new URL(`/webhdfs/v1${path.split('/').map(encodeURIComponent).join('/')}`, base);
    url.searchParams.set('op', op);
    url.searchParams.set('user.name', options.user);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    return url;
  };

  return {
    call: async (method, path, op, params = {}) => expect2xx(method, path, op, await send(method, operationUrl(path, op, params))),
    create: async (path, bytes, overwrite) => {
      const target = await send('PUT', operationUrl(path, 'CREATE', { overwrite: String(overwrite), noredirect: 'true' }));
      const location = (expect2xx('PUT', path, 'CREATE', target) as { Location?: string } | null)?.Location;
      if (location === undefined) throw new WebHdfsError(`CREATE ${path}: the NameNode named no DataNode`, 502, null, null);
      const written = await send('PUT', new URL(location), bytes);
      if (written.status === 201) return;
      if (written.status < 300) throw new WebHdfsError(`CREATE ${path}: the DataNode answered ${written.status}, not 201`, 502, null, null);
      expect2xx('PUT', path, 'CREATE', written);
    },
    open: async (path) => {
      const target = await send('GET', operationUrl(path, 'OPEN', { noredirect: 'true' }));
      const location = (expect2xx('GET', path, 'OPEN', target) as { Location?: string } | null)?.Location;
      if (location === undefined) throw new WebHdfsError(`OPEN ${path}: the NameNode named no DataNode`, 502, null, null);
      const read = await send('GET', new URL(location));
      if (read.status !== 200) expect2xx('GET', path, 'OPEN', read);
      return new Uint8Array(read.bytes);
    },
    close: () => agent.destroy(),
  };
};
