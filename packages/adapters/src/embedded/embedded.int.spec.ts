import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analystTables, analystViews } from '@placebo/domain';
import { eventLogContract, lakeContract, sessionContract, storesContract } from '@placebo/testkit/contracts';
import { createDuckDbQueryEngine } from '../duckdb/duckDbQueryEngine.js';
import { createLocalLakeStore } from '../local/localLakeStore.js';
import { createParquetEncoder } from '../parquet/parquetEncoder.js';
import { openEmbedded } from './embedded.js';

const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'placebo-embedded-'));
  const infra = openEmbedded({ dataDir: dir });
  return {
    infra,
    close: async () => {
      await infra.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

eventLogContract('embedded (SQLite)', async () => {
  const { infra, close } = fresh();
  return { log: infra.log, snapshots: infra.snapshots, close };
});

storesContract('embedded (SQLite)', async () => {
  const { infra, close } = fresh();
  return { ...infra, close };
});

sessionContract('embedded (SQLite)', async () => {
  const { infra, close } = fresh();
  return { sessions: infra.sessions, close };
});

lakeContract('embedded (local files + parquetjs-lite + DuckDB)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'placebo-lake-'));
  const lake = createLocalLakeStore({ root: join(dir, 'lake') });
  const engine = () => createDuckDbQueryEngine({ root: lake.root, tables: analystTables, views: analystViews });
  const [query, other] = [engine(), engine()];
  return {
    lake,
    encoder: createParquetEncoder(),
    query,
    registry: query,
    otherRegistry: other,
    close: async () => {
      await Promise.all([query.close(), other.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
