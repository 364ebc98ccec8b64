import { Worker } from 'node:worker_threads';
import type { Config } from '@placebo/adapters';
import type { FoldOutcome, FoldUnit, OnWorker } from './fold.js';

/** What a replay worker thread is given (see replayWorker.ts). */
export interface WorkerInput {
  readonly index: number;
  readonly config: Config;
  readonly units: ReadonlyArray<FoldUnit>;
  readonly verify: boolean;
  readonly batchSize: number;
}

export interface FoldedMessage {
  readonly type: 'folded';
  readonly read: number;
  readonly duplicates: number;
  readonly players: number;
  /** Verify only: [player, canonical state JSON]. */
  readonly canonical: ReadonlyArray<readonly [string, string]>;
  readonly seconds: number;
}

export type FromWorker =
  | { readonly type: 'progress'; readonly offsets: number }
  | FoldedMessage
  | { readonly type: 'written' }
  | { readonly type: 'failed'; readonly message: string };

interface Deferred<A> {
  readonly promise: Promise<A>;
  readonly resolve: (a: A) => void;
  readonly reject: (e: Error) => void;
}

const deferred = <A>(): Deferred<A> => {
  let resolve: (a: A) => void = () => undefined;
  let reject: (e: Error) => void = () => undefined;
  const promise = new Promise<A>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Awaited later, or not at all once another thread failed first: never an unhandled rejection.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
};

interface ThreadOptions {
  readonly verify: boolean;
  readonly batchSize?: number;
  readonly onWorker?: OnWorker;
  readonly config: Config;
  readonly groups: ReadonlyArray<ReadonlyArray<FoldUnit>>;
  readonly covered: (offsets: number) => void;
  /** Empties the snapshot store, once every thread has folded. */
  readonly clear: () => Promise<void>;
}

/** One worker thread folding its units: resolves `folded`, then (told to write) `written`; `exited` when it ends. */
const startThread = (o: ThreadOptions, units: ReadonlyArray<FoldUnit>, index: number) => {
  const input: WorkerInput = { index, config: o.config, units, verify: o.verify, batchSize: o.batchSize ?? 10_000 };
  const worker = new Worker(new URL('./replayWorker.js', import.meta.url), { workerData: input });
  const folded = deferred<FoldedMessage>();
  const written = deferred<void>();
  const exited = deferred<void>();
  const fail = (e: Error): void => {
    folded.reject(e);
    written.reject(e);
  };
  worker.on('message', (m: FromWorker) => {
    if (m.type === 'progress') o.covered(m.offsets);
    else if (m.type === 'folded') folded.resolve(m);
    else if (m.type === 'written') written.resolve();
    else fail(new Error(`replay worker ${index}: ${m.message}`));
  });
  worker.on('error', fail);
  worker.on('exit', (code) => {
    fail(new Error(`replay worker ${index} exited with code ${code} before it was done`));
    exited.resolve();
  });
  return {
    folded: folded.promise.then((m) => {
      o.onWorker?.(index, { units, events: m.read - m.duplicates, seconds: m.seconds });
      return m;
    }),
    written: written.promise,
    write: () => worker.postMessage({ type: 'write' }),
    exited: exited.promise,
    terminate: () => worker.terminate(),
  };
};

/**
 * Folds each group of units in a worker thread of its own (a player's records all live in one unit, so the folds are
 * independent). Replacing, the snapshots are cleared once all have folded, then every thread stores its own states.
 */
export const foldInThreads = async (o: ThreadOptions): Promise<FoldOutcome> => {
  const threads = o.groups.map((units, i) => startThread(o, units, i));
  let ok = false;
  try {
    const folded = await Promise.all(threads.map((t) => t.folded));
    if (!o.verify) {
      await o.clear();
      for (const t of threads) t.write();
      await Promise.all(threads.map((t) => t.written));
    }
    ok = true;
    return {
      read: folded.reduce((n, f) => n + f.read, 0),
      duplicates: folded.reduce((n, f) => n + f.duplicates, 0),
      players: folded.reduce((n, f) => n + f.players, 0),
      canonical: new Map(folded.flatMap((f) => f.canonical)),
    };
  } finally {
    // Done, each thread closes its connections and ends on its own; after a failure the others are stopped.
    if (!ok) await Promise.all(threads.map((t) => t.terminate()));
    await Promise.all(threads.map((t) => t.exited));
  }
};
