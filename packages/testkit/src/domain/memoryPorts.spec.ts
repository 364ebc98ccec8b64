import { appendOnlyLogContract, sessionContract, storesContract } from '../contracts/index.js';
import {
  createMemoryAccountStore,
  createMemoryEventLog,
  createMemoryOffsetStore,
  createMemorySessionStore,
  createMemorySnapshotStore,
  fixedClock,
} from './memoryPorts.js';

// The fakes the domain specs run on keep the same contracts as the real adapters, so a domain spec that passes on them
// says something about the embedded and the cluster mode too.

const nothingToClose = async (): Promise<void> => undefined;

appendOnlyLogContract('in memory', async () => {
  const snapshots = createMemorySnapshotStore();
  return { log: createMemoryEventLog({ snapshots }), snapshots, close: nothingToClose };
});

storesContract('in memory', async () => ({
  snapshots: createMemorySnapshotStore(),
  accounts: createMemoryAccountStore(),
  sessions: createMemorySessionStore(fixedClock),
  offsets: createMemoryOffsetStore(),
  close: nothingToClose,
}));

sessionContract('in memory', async () => ({ sessions: createMemorySessionStore(fixedClock), close: nothingToClose }));
