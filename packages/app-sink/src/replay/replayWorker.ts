import { parentPort, workerData } from 'node:worker_threads';
import { canonicalState } from '@placebo/domain';
import { createLogger, openReplaySide } from '@placebo/adapters/replay';
import { foldUnits, putStates } from './fold.js';
import type { FromWorker, WorkerInput } from './threads.js';

// A replay worker thread: folds its units with a reader of its own, reports, and stores its states when told to.
const input = workerData as WorkerInput;
const port = parentPort;
const send = (m: FromWorker): void => port?.postMessage(m);
const logger = createLogger({ level: input.config.PLACEBO_LOG_LEVEL }).child({ component: 'replay', worker: input.index });

const run = async (): Promise<void> => {
  const side = await openReplaySide(input.config, logger, [...new Set(input.units.map((u) => u.partition))]);
  try {
    const started = performance.now();
    const { states, read, duplicates } = await foldUnits(side.source, input.units, input.batchSize, (offsets) => send({ type: 'progress', offsets }));
    const canonical = input.verify ? [...states].map(([id, s]) => [id, canonicalState(s)] as const) : [];
    send({ type: 'folded', read, duplicates, players: states.size, canonical, seconds: (performance.now() - started) / 1000 });
    if (input.verify) return;
    await new Promise((resolve) => port?.once('message', resolve));
    await putStates(side.snapshots, states);
    send({ type: 'written' });
  } finally {
    await side.close();
    logger.flush();
  }
};

run().catch((e: unknown) => send({ type: 'failed', message: e instanceof Error ? e.message : String(e) }));
