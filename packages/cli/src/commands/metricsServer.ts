import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Metrics } from '@placebo/adapters';

/** GET /metrics on its own port, for a process that serves no API (`placebo sink`); anything else is 404. */
export const serveMetrics = async (metrics: Metrics, host: string, port: number): Promise<{ url: string; close: () => Promise<void> }> => {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    metrics.render().then(
      (text) => res.writeHead(200, { 'content-type': metrics.contentType }).end(text),
      () => res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics failed\n'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return { url: `http://${host}:${address.port}/metrics`, close: () => new Promise((resolve) => server.close(() => resolve())) };
};
