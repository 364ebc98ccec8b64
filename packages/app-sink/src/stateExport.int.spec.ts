import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { analystTables, analystViews, stateTables } from '@placebo/domain';
import { createDuckDbParquetEncoder, createDuckDbQueryEngine, createLocalLakeStore } from '@placebo/adapters';
import { stateExportSuite } from '@placebo/testkit/sink';

stateExportSuite('embedded (local lake + DuckDB)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'placebo-state-lake-'));
  const lake = createLocalLakeStore({ root: dir });
  const query = createDuckDbQueryEngine({ root: dir, tables: analystTables, views: analystViews, stateTables });
  const encoder = createDuckDbParquetEncoder();
  return {
    lake,
    registry: { register: () => TE.right(undefined) },
    query,
    encoder,
    close: async () => {
      encoder.close();
      await query.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
