/** One shell block of a Markdown file, as the README test runs it. */
export interface ShellBlock {
  /** 1-based line of its opening fence. */
  readonly line: number;
  readonly script: string;
  /** `<!-- readme-test: cluster-only -->` before it: needs the cluster stack, not run against an embedded install. */
  readonly clusterOnly: boolean;
  /** `<!-- readme-test: background until "TEXT" -->`: a server, started aside and waited for until it prints TEXT. */
  readonly backgroundUntil: string | null;
  /** The lines of the `text` block right after it: what it prints, in order, `…` standing for anything. */
  readonly expected: ReadonlyArray<string>;
}

const fence = /^```(\w*)\s*$/;

/** The ```sh blocks of a Markdown text, each with its marker and the ```text block showing its output. */
export const shellBlocks = (markdown: string): ReadonlyArray<ShellBlock> => {
  const lines = markdown.split('\n');
  const blocks: Array<{ line: number; lang: string; body: string[]; marker: string }> = [];
  let marker = '';
  for (let i = 0; i < lines.length; i++) {
    const m = fence.exec(lines[i] ?? '');
    if (m === null) {
      const note = /^<!-- readme-test: (.*) -->$/.exec(lines[i]?.trim() ?? '');
      if (note !== null) marker = note[1] ?? '';
      else if ((lines[i] ?? '').trim() !== '') marker = '';
      continue;
    }
    const body: string[] = [];
    const start = i;
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i] ?? ''); i++) body.push(lines[i] ?? '');
    blocks.push({ line: start + 1, lang: m[1] ?? '', body, marker });
    marker = '';
  }
  return blocks.flatMap((b, k) => {
    if (b.lang !== 'sh') return [];
    const next = blocks[k + 1];
    const adjacent = next !== undefined && next.lang === 'text' && lines.slice(b.line + b.body.length + 1, next.line - 1).every((l) => l.trim() === '');
    return [
      {
        line: b.line,
        script: b.body.join('\n'),
        clusterOnly: b.marker === 'cluster-only',
        backgroundUntil: /^background until "(.*)"$/.exec(b.marker)?.[1] ?? null,
        expected: adjacent ? next.body.map((l) => l.trim()).filter((l) => l !== '') : [],
      },
    ];
  });
};

const pattern = (expected: string): RegExp =>
  new RegExp(
    `^${expected
      .split('…')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'))
      .join('.*')}$`,
  );

/** The first expected line the output does not show, in order (lines compared trimmed, `…` matching anything); null when all are there. */
export const missingLine = (expected: ReadonlyArray<string>, output: string): string | null => {
  const got = output.split('\n').map((l) => l.trim());
  let at = 0;
  for (const e of expected) {
    const p = pattern(e);
    while (at < got.length && !p.test(got[at] ?? '')) at++;
    if (at === got.length) return e;
    at++;
  }
  return null;
};
