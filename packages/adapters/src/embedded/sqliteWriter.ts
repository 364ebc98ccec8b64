import { Worker } from 'node:worker_threads';
import type { Sqlite } from './sqlite.js';
import { prepareAppend, type WriteItem, type WriteResults } from './sqliteAppend.js';

/** Where the embedded log's group commits run. */
export interface SqliteWriter {
  readonly write: (items: ReadonlyArray<WriteItem>) => Promise<WriteResults>;
  readonly close: () => Promise<void>;
}

/** Commits on the caller's connection, on the event loop (an in-memory database, or a test). */
export const inlineWriter = (db: Sqlite): SqliteWriter => {
  const append = prepareAppend(db);
  return { write: async (items) => append(items), close: async () => undefined };
};

/**
 * Commits on a worker thread with its own connection to the file at `path`, so the statements, the fsync and the
 * WAL checkpoints of a commit never block the thread that parses and answers HTTP. A commit is answered after it is
 * durable; the event loop's own connection (reads) sees it from then on. If the thread dies, pending writes fail as
 * retriable and the next write starts a new thread.
 */
export const threadWriter = (path: string): SqliteWriter => {
  let worker: Worker | null = null;
  let nextId = 0;
  const waiting = new Map<number, { resolve: (r: WriteResults) => void; reject: (e: Error) => void }>();
  const failAll = (e: Error): void => {
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  };
  const start = (): Worker => {
    const w = new Worker(new URL('./sqliteWriterThread.js', import.meta.url), { workerData: { path } });
    w.on('message', (m: { id: number; results?: WriteResults; error?: string }) => {
      const entry = waiting.get(m.id);
      waiting.delete(m.id);
      if (m.results !== undefined) entry?.resolve(m.results);
      else entry?.reject(new Error(m.error ?? 'writer thread: no answer'));
    });
    w.on('error', (e) => failAll(e));
    w.on('exit', (code) => {
      if (worker === w) worker = null;
      failAll(new Error(`writer thread exited (${code})`));
    });
    w.unref();
    return w;
  };
  return {
    write: (items) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { resolve, reject });
        worker ??= start();
        worker.ref();
        worker.postMessage({ id, items });
      }).finally(() => {
        if (waiting.size === 0) worker?.unref();
      }) as Promise<WriteResults>,
    close: async () => {
      const w = worker;
      worker = null;
      if (w === null) return;
      const exited = new Promise((r) => w.once('exit', r));
      // An idle writer is unref'd; held again, or the process could end before the thread closed the file.
      w.ref();
      w.postMessage('close');
      await exited;
    },
  };
};
