import * as E from 'fp-ts/lib/Either.js';
import { formatTable } from '../table.js';
import type { Command } from './command.js';
import { withInfra } from './infra.js';

export const query: Command = {
  name: 'query',
  usage: '  query [--json] "<SQL>"  run SQL on the lake and print a table (--json: one JSON object {columns, rows})',
  run: async ({ args, config, logger }) => {
    const asJson = args.includes('--json');
    const sql = args
      .filter((a) => a !== '--json')
      .join(' ')
      .trim();
    if (sql === '') {
      process.stderr.write('query: give the SQL as an argument, e.g. placebo query "select count(*) from all_events"\n');
      return 2;
    }
    return withInfra(config, { name: 'query', readTopics: [] }, logger, async (infra) => {
      const result = await infra.query.query(sql)();
      if (E.isLeft(result)) {
        process.stderr.write(`query failed: ${result.left.message}\n`);
        return 1;
      }
      process.stdout.write(asJson ? `${JSON.stringify(result.right)}\n` : `${formatTable(result.right.columns, result.right.rows)}\n`);
      return 0;
    });
  },
};
