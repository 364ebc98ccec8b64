import cluster, { type Worker } from 'node:cluster';
import type { Logger } from '@placebo/adapters';

/** A worker that dies sooner than this after its start is not started again (it would only crash again). */
const minLifetimeMs = 5_000;

export interface ApiWorkers {
  /** Resolves once every worker listens; rejects when one exits before it does. */
  readonly listening: Promise<void>;
  /** Resolves when a worker exits for good (crashed at start, or the pool was stopped). */
  readonly lost: Promise<string>;
  /** Asks every worker to finish its requests and exit; resolves when all have. */
  readonly stop: () => Promise<void>;
}

/**
 * `PLACEBO_API_WORKERS` > 1: this (primary) process forks that many API processes sharing one listening socket
 * (Node's `cluster` module hands each new connection to a worker). Each worker runs `placebo api` with its own
 * adapters; per-player order holds across them because every append names the version it expects (SQLite) or
 * takes the player's write intent (cluster). A worker that crashes after it served is started again.
 */
export const forkApiWorkers = (count: number, logger: Logger): ApiWorkers => {
  let stopping = false;
  let markLost: (why: string) => void = () => undefined;
  const lost = new Promise<string>((resolve) => (markLost = resolve));
  const startOne = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const startedAt = Date.now();
      const worker: Worker = cluster.fork({ PLACEBO_API_WORKER: '1' });
      worker.once('listening', () => resolve());
      worker.once('exit', (code, signal) => {
        if (stopping) return;
        const why = `api worker ${worker.process.pid} exited (code ${code}, signal ${signal})`;
        reject(new Error(why));
        if (Date.now() - startedAt < minLifetimeMs) {
          logger.error('api worker failed at start; not starting it again', { pid: worker.process.pid, code, signal });
          markLost(why);
          return;
        }
        logger.warn('api worker exited; starting another', { pid: worker.process.pid, code, signal });
        startOne().catch(() => undefined);
      });
    });
  const listening = Promise.all(Array.from({ length: count }, startOne)).then(() => undefined);
  const stop = async (): Promise<void> => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && !w.isDead());
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            w.once('exit', () => resolve());
            w.process.kill('SIGTERM');
          }),
      ),
    );
    markLost('stopped');
  };
  return { listening, lost, stop };
};

/** True in a process `forkApiWorkers` started. */
export const isApiWorker = (): boolean => cluster.isWorker && process.env.PLACEBO_API_WORKER === '1';
