import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventLogContract } from '../contracts/eventLogContract.js';
import { lakeContract } from '../contracts/lakeContract.js';
import { storesContract } from '../contracts/storeContracts.js';
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
  return { log: infra.log, close };
});

storesContract('embedded (SQLite)', async () => {
  const { infra, close } = fresh();
  return { ...infra, close };
});

lakeContract('embedded (local files + parquetjs-lite + DuckDB)', async () => {
  const { infra, close } = fresh();
  return { lake: infra.lake, encoder: createParquetEncoder(), query: infra.query, close };
});
