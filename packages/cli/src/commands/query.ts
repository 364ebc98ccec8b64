import * as E from 'fp-ts/lib/Either.js';
import type { QueryEngine } from '@placebo/domain';
import { formatResult, formats, type Format } from '../resultFormats.js';
import { runShell } from '../queryShell.js';
import { stringOption, type Command, type Values } from './command.js';
import { withInfra } from './infra.js';

const formatOf = (values: Values): Format | string => {
  const given = stringOption(values, 'format') ?? (values.json === true ? 'json' : 'table');
  return (formats as ReadonlyArray<string>).includes(given) ? (given as Format) : `--format wants one of ${formats.join(', ')}, got "${given}"`;
};

/** Runs one statement and prints its answer; false when it failed (the reason is on stderr). */
export const runStatement = async (engine: QueryEngine, sql: string, format: Format): Promise<boolean> => {
  const result = await engine.query(sql)();
  if (E.isLeft(result)) {
    process.stderr.write(`query failed: ${result.left.message}\n`);
    return false;
  }
  process.stdout.write(`${formatResult(result.right, format)}\n`);
  return true;
};

export const query: Command = {
  name: 'query',
  usage:
    '  query [--format table|csv|json] ["<SQL>"]  run SQL on the lake and print the answer (--json: --format json, one object {columns, rows});\n' +
    '                        without SQL, a shell: one statement per ;, .tables, .schema TABLE, .help, Ctrl-D to leave',
  options: { format: { type: 'string' }, json: { type: 'boolean' } },
  positionals: 'SQL',
  run: async ({ values, positionals, config, logger }) => {
    const format = formatOf(values);
    if (!(formats as ReadonlyArray<string>).includes(format)) {
      process.stderr.write(`query: ${format}\n`);
      return 2;
    }
    const sql = positionals.join(' ').trim();
    return withInfra(config, { name: 'query', readTopics: [] }, logger, async (infra) =>
      sql === '' ? runShell(infra.query, format as Format) : (await runStatement(infra.query, sql, format as Format)) ? 0 : 1,
    );
  },
};
