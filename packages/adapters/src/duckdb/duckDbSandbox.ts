import { mkdirSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const literal = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/**
 * A DuckDB instance for analyst SQL that can read the lake folder and nothing else: no other file (the accounts'
 * database beside the lake included), no ATTACH, no COPY out of the lake, no extension to install or load, and a
 * locked configuration, so a query cannot turn any of it back on. Spilled rows go to a folder inside the lake.
 */
export const openSandboxedDuckDb = async (lakeRoot: string): Promise<DuckDBInstance> => {
  const root = `${resolve(lakeRoot)}${sep}`;
  const spill = join(root, '.duckdb-tmp');
  mkdirSync(spill, { recursive: true });
  const instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
  const connection = await instance.connect();
  try {
    for (const stmt of [
      `set temp_directory = ${literal(spill)}`,
      `set allowed_directories = [${literal(root)}]`,
      'set enable_external_access = false',
      'set lock_configuration = true',
    ]) {
      await connection.run(stmt);
    }
  } finally {
    connection.closeSync();
  }
  return instance;
};
