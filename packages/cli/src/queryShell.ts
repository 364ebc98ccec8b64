import * as E from 'fp-ts/lib/Either.js';
import { appendFileSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { analystTables, analystViews, exportsTableOf, sqlType, stateTables, type Column, type QueryEngine } from '@placebo/domain';
import { formatResult, type Format } from './resultFormats.js';
import { formatTable } from './table.js';

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

const historyFile = (): string => join(homedir(), '.placebo_history');
const historySize = 1000;

/** The lines typed in earlier sessions, newest first as readline wants them. */
const loadHistory = (): string[] => {
  try {
    return readFileSync(historyFile(), 'utf8').split('\n').filter(Boolean).reverse().slice(0, historySize);
  } catch {
    return [];
  }
};

const tables = (): ReadonlyArray<{ readonly name: string; readonly kind: string; readonly doc: string; readonly columns?: ReadonlyArray<Column> }> => [
  ...analystTables.map((t) => ({ name: t.name, kind: 'table', doc: t.doc, columns: t.columns })),
  ...stateTables.flatMap((t) => [
    { name: t.name, kind: 'table', doc: t.doc, columns: t.columns },
    { name: exportsTableOf(t), kind: 'table', doc: `every export of ${t.name}`, columns: t.columns },
  ]),
  ...analystViews.map((v) => ({ name: v.name, kind: 'view', doc: v.doc })),
];

const firstSentence = (doc: string): string => doc.split(/(?<=\.)\s/)[0] ?? doc;

const help = `.tables          the tables and views
.schema TABLE    a table's columns and their SQL types
.help            this
.quit            leave (or Ctrl-D)
Anything else is SQL, run when a line ends with ;`;

/** A dot command's answer, or null when the line is not one. */
const dotCommand = async (line: string, engine: QueryEngine, format: Format): Promise<string | null> => {
  const [word, arg] = line.trim().split(/\s+/);
  switch (word) {
    case '.tables':
      return formatTable(
        ['name', 'kind', 'what it holds'],
        tables().map((t) => [t.name, t.kind, firstSentence(t.doc)]),
      );
    case '.schema': {
      const t = tables().find((x) => x.name === arg);
      if (t === undefined) return `.schema: no table ${arg ?? '(give one)'}; .tables lists them`;
      if (t.columns === undefined) {
        // A view's columns are whatever its SQL selects: ask the engine for none of its rows.
        await runStatement(engine, `select * from ${t.name} limit 0`, format);
        return '';
      }
      return formatTable(
        ['column', 'type', 'meaning'],
        t.columns.map((c) => [c.name, sqlType(c.type), c.doc]),
      );
    }
    case '.help':
      return help;
    default:
      return word?.startsWith('.') ? `unknown command ${word}; .help lists them` : null;
  }
};

/** One line of input: a dot command, or more of the statement, run once a line ends with `;`. */
const takeLine = async (line: string, state: { pending: string; failed: boolean }, engine: QueryEngine, format: Format): Promise<void> => {
  const answer = state.pending === '' ? await dotCommand(line, engine, format) : null;
  if (answer !== null) {
    if (answer !== '') process.stdout.write(`${answer}\n`);
    return;
  }
  state.pending = `${state.pending}${line}\n`;
  if (!/;\s*$/.test(line)) return;
  if (!(await runStatement(engine, state.pending.trim().replace(/;\s*$/, ''), format))) state.failed = true;
  state.pending = '';
};

/**
 * `placebo query` without SQL: statements read line by line until `;` (a prompt and history on a terminal, as the
 * DuckDB and psql shells do; from a pipe, the statements it carries). Ends on Ctrl-D, `.quit` or the end of input;
 * exits 1 when a statement failed and the input was not a terminal, so a script notices.
 */
export const runShell = async (engine: QueryEngine, format: Format): Promise<number> => {
  const tty = process.stdin.isTTY === true;
  const rl = createInterface({ input: process.stdin, output: tty ? process.stdout : undefined, terminal: tty, history: tty ? loadHistory() : [], historySize });
  if (tty) process.stdout.write('placebo SQL shell: .help for help, Ctrl-D to leave\n');
  const state = { pending: '', failed: false };
  const prompt = (): void => {
    if (!tty) return;
    rl.setPrompt(state.pending === '' ? 'placebo> ' : '     ..> ');
    rl.prompt();
  };
  prompt();
  for await (const line of rl) {
    if (tty && line.trim() !== '') appendFileSync(historyFile(), `${line}\n`);
    if (state.pending === '' && ['.quit', '.exit'].includes(line.trim())) break;
    await takeLine(line, state, engine, format);
    prompt();
  }
  rl.close();
  if (state.pending.trim() !== '' && !(await runStatement(engine, state.pending.trim(), format))) state.failed = true;
  return state.failed && !tty ? 1 : 0;
};
