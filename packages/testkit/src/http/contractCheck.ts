import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { createContract, type Exchange } from './contract.js';
import type { JsonSchema } from '@placebo/app-api';

/**
 * Every answer a test kit sees is checked against the document, counted, and a mismatch fails the test. There is no
 * switch to turn it off: kits check unconditionally, and a mismatch a test swallowed still fails it in the root
 * afterEach hook below.
 */

let checked = 0;
const violations: string[] = [];

const contracts = new WeakMap<JsonSchema, ReturnType<typeof createContract>>();
const contractOf = (doc: JsonSchema): ReturnType<typeof createContract> => {
  const known = contracts.get(doc);
  if (known !== undefined) return known;
  const made = createContract(doc);
  contracts.set(doc, made);
  return made;
};

/** Checks one exchange and records a mismatch. */
export const record = (doc: JsonSchema, x: Exchange): void => {
  checked += 1;
  const problem = contractOf(doc).check(x);
  if (problem !== null) violations.push(`${x.method} ${x.url} → ${x.status}: ${problem}`);
};

/** Checks one exchange a kit of its own saw, and fails its request on a mismatch. */
export const checkExchange = (doc: JsonSchema, x: Exchange): void => {
  record(doc, x);
  failOnViolations();
};

/** Throws if an answer of the current test broke the document (the list stays for the afterEach hook below). */
export const failOnViolations = (): void => {
  if (violations.length > 0) throw new Error(`the answer breaks /openapi.json:\n  ${violations.join('\n  ')}`);
};

export const checkedResponses = (): number => checked;

const header = (res: ServerResponse, name: string): string | undefined => {
  const v = res.getHeader(name);
  return v === undefined ? undefined : String(v);
};

/** The app's request listener, handing each exchange to `seen` as the answer is completed (before the client reads it). */
export const capturingListener =
  (listener: RequestListener, seen: (x: Exchange) => void): RequestListener =>
  (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    const keep = (chunk: unknown): void => {
      if (typeof chunk === 'string' || chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
    };
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(chunk);
      return write(chunk, ...rest);
    }) as ServerResponse['write'];
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      keep(chunk);
      seen({
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        status: res.statusCode,
        contentType: header(res, 'content-type'),
        allow: header(res, 'allow'),
        body: Buffer.concat(chunks),
      });
      return end(chunk, ...rest);
    }) as ServerResponse['end'];
    listener(req, res);
  };

/** The app's request listener, checking each answer against `doc`. */
export const checkedListener = (doc: JsonSchema, listener: RequestListener): RequestListener => capturingListener(listener, (x) => record(doc, x));

/** fetch, checking each answer against `doc` (for servers in other processes) and failing on a mismatch. */
export const checkedFetch =
  (doc: JsonSchema) =>
  async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const res = await fetch(input, init);
    const body = Buffer.from(await res.arrayBuffer());
    const u = new URL(input instanceof Request ? input.url : input);
    record(doc, {
      method: (input instanceof Request ? input.method : (init?.method ?? 'GET')).toUpperCase(),
      url: `${u.pathname}${u.search}`,
      status: res.status,
      contentType: res.headers.get('content-type') ?? undefined,
      allow: res.headers.get('allow') ?? undefined,
      body,
    });
    failOnViolations();
    return new Response(res.status === 204 || res.status === 304 ? null : body, { status: res.status, statusText: res.statusText, headers: res.headers });
  };

// A mismatch fails its test even when the test caught the kit's error (a retry loop, an assert.rejects): a test that
// passed with a mismatch fails here, one that failed already is not reported twice.
if (typeof afterEach === 'function') {
  afterEach(function () {
    const seen = violations.splice(0);
    if (seen.length > 0 && this.currentTest?.state !== 'failed') throw new Error(`an answer broke /openapi.json:\n  ${seen.join('\n  ')}`);
  });
}
process.once('exit', () => {
  if (checked > 0) process.stdout.write(`contract: ${checked} responses checked against /openapi.json\n`);
});
