import assert from 'node:assert/strict';
import { shellBlocks, missingLine } from '@placebo/testkit/cli';
import { commands } from './cli.js';
import { parseCommandLine } from './commandLine.js';
import { parseTime } from './commands/replayPlayer.js';
import { formatResult } from './resultFormats.js';

const parse = (...argv: string[]) => parseCommandLine(argv, commands);

describe('the command line', () => {
  it('picks the form of a shared name from its options', () => {
    const verify = parse('replay', '--verify');
    const at = parse('replay', '--player', 'p1', '--at', '2026-11-23T12:00:00Z');
    const catchUp = parse('sink', '--catch-up');
    assert.ok(verify._tag === 'Run' && verify.command.usage.includes('--verify') && verify.values.verify === true);
    assert.ok(at._tag === 'Run' && at.command.usage.includes('--player') && at.values.player === 'p1');
    assert.ok(catchUp._tag === 'Run' && catchUp.command.usage.includes('--catch-up'));
  });

  it('lets --help win over every other word, so it never runs anything', () => {
    for (const argv of [
      ['replay', '--help'],
      ['compact', '-h'],
      ['query', '--help', 'select 1'],
      ['replay', '--bogus', '--help'],
    ]) {
      assert.deepEqual(parse(...argv), { _tag: 'Help', name: argv[0] });
    }
    for (const argv of [[], ['help'], ['--help'], ['-h']]) assert.deepEqual(parse(...argv), { _tag: 'List' });
  });

  it('keeps SQL words as one statement, and --json as --format json', () => {
    const r = parse('query', '--json', 'select', 'count(*)', 'from all_events');
    assert.ok(r._tag === 'Run');
    assert.deepEqual(r.positionals, ['select', 'count(*)', 'from all_events']);
    assert.equal(r.values.json, true);
  });

  it('names a boolean given a value and a string option left without one', () => {
    const flag = parse('replay', '--verify=yes');
    const missing = parse('report', '--out');
    assert.ok(flag._tag === 'Mistake' && /--verify takes no value/.test(flag.message), JSON.stringify(flag));
    assert.ok(missing._tag === 'Mistake' && /--out wants a value/.test(missing.message), JSON.stringify(missing));
  });

  it('reads TIME as ISO-8601 with a zone, or a date at midnight UTC', () => {
    assert.equal(parseTime('2026-11-23T12:00:00Z'), '2026-11-23T12:00:00.000Z');
    assert.equal(parseTime('2026-11-23T13:00:00+01:00'), '2026-11-23T12:00:00.000Z');
    assert.equal(parseTime('2026-11-23'), '2026-11-23T00:00:00.000Z');
    for (const bad of ['2026-11-23T12:00', 'yesterday', '1700000000', '2026-13-45T00:00:00Z', '']) assert.equal(parseTime(bad), null, bad);
  });

  it('prints CSV with a header and RFC 4180 quoting', () => {
    assert.equal(
      formatResult(
        {
          columns: ['a', 'b'],
          rows: [
            [1, 'x,"y"'],
            [null, 'z'],
          ],
        },
        'csv',
      ),
      'a,b\n1,"x,""y"""\n,z',
    );
  });
});

describe('the README test reads the shell blocks', () => {
  const md = [
    '<!-- readme-test: cluster-only -->',
    '```sh',
    'npm run stack:up',
    '```',
    'prose',
    '```sh',
    'echo hi',
    '```',
    '',
    '```text',
    'h…',
    '```',
    '<!-- readme-test: background until "listening on" -->',
    '```sh',
    'npm start',
    '```',
  ].join('\n');

  it('with their markers and the output shown after them', () => {
    const blocks = shellBlocks(md);
    assert.deepEqual(
      blocks.map((b) => [b.script, b.clusterOnly, b.backgroundUntil, b.expected]),
      [
        ['npm run stack:up', true, null, []],
        ['echo hi', false, null, ['h…']],
        ['npm start', false, 'listening on', []],
      ],
    );
  });

  it('matches the expected lines in order, … standing for anything', () => {
    assert.equal(missingLine(['a', 'c…e'], 'a\nb\n  cde  \n'), null);
    assert.equal(missingLine(['c', 'a'], 'a\nc\n'), 'a');
    assert.equal(missingLine(['x | 1'], ' x  |  1 \n'), null);
  });
});
