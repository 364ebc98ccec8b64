import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analystTables, analystViews } from '@placebo/domain';
import { createDuckDbParquetDecoder, createDuckDbQueryEngine, createLocalLakeStore, createParquetEncoder } from '@placebo/adapters';
import { compactionSuite } from '@placebo/testkit/sink';

compactionSuite('embedded (local lake + parquetjs-lite + DuckDB)', async () => {
  const root = mkdtempSync(join(tmpdir(), 'placebo-compact-lake-'));
  const engine = createDuckDbQueryEngine({ root, tables: analystTables, views: analystViews });
  const decoder = createDuckDbParquetDecoder();
  return {
    lake: createLocalLakeStore({ root }),
    registry: engine,
    query: engine,
    encoder: createParquetEncoder(),
    decoder,
    graceMs: 300,
    settleMs: 10,
    close: async () => {
      decoder.close();
      await engine.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
});
