import { parentPort, workerData } from 'node:worker_threads';
import { openSqlite } from './sqlite.js';
import { prepareAppend, type WriteItem } from './sqliteAppend.js';

/** The embedded log's writer thread: owns a write connection and commits the batches the event loop sends it. */
const port = parentPort;
if (port === null) throw new Error('sqliteWriterThread runs as a worker thread');
const db = openSqlite({ path: (workerData as { path: string }).path });
const append = prepareAppend(db);
port.on('message', (m: { id: number; items: ReadonlyArray<WriteItem> } | 'close') => {
  if (m === 'close') {
    db.close();
    port.close();
    return;
  }
  try {
    port.postMessage({ id: m.id, results: append(m.items) });
  } catch (e) {
    port.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) });
  }
});
