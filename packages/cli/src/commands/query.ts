import { formats, type Format } from '../resultFormats.js';
import { runShell, runStatement } from '../queryShell.js';
import { emptyLakeHint, lakeIsEmpty } from '../lakeEmpty.js';
import { stringOption, type Command, type Values } from './command.js';
import { withInfra } from './infra.js';

const formatOf = (values: Values): Format | string => {
  const given = stringOption(values, 'format') ?? (values.json === true ? 'json' : 'table');
  return (formats as ReadonlyArray<string>).includes(given) ? (given as Format) : `--format wants one of ${formats.join(', ')}, got "${given}"`;
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
    return withInfra(config, { name: 'query', readTopics: [] }, logger, async (infra) => {
      // The answer on an empty lake is true but rarely what was meant: say why it is empty.
      if (await lakeIsEmpty(infra.query)) process.stderr.write(`query: note: ${emptyLakeHint(config)}\n`);
      if (sql === '') return runShell(infra.query, format as Format);
      return (await runStatement(infra.query, sql, format as Format)) ? 0 : 1;
    });
  },
};
