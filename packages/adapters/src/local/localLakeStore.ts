import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { dirname, join, relative, sep } from 'node:path';
import type { LakeStore } from '@placebo/domain';
import { tryPort } from '../runtime/tryPort.js';

const TMP = '_tmp';

const fsyncPath = (path: string, flags: string): void => {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
};

const walk = (dir: string): string[] => {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
};

/**
 * The lake on local disk. A file is written under `_tmp/`, fsynced, renamed into place and its folder fsynced:
 * readers (DuckDB globs) see a whole file or none, and a power cut cannot leave a committed file empty.
 */
export const createLocalLakeStore = (options: { readonly root: string }): LakeStore & { readonly root: string } => {
  const { root } = options;
  mkdirSync(join(root, TMP), { recursive: true });
  // Leftovers of a crash mid-write were never published: nothing refers to them.
  for (const f of walk(join(root, TMP))) rmSync(f, { force: true });
  return {
    root,
    publish: (path, bytes) =>
      tryPort('publish file', () => {
        const tmp = join(root, TMP, `${randomUUID()}.tmp`);
        const fd = openSync(tmp, 'w');
        try {
          writeSync(fd, bytes);
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
        const target = join(root, path);
        mkdirSync(dirname(target), { recursive: true });
        renameSync(tmp, target);
        fsyncPath(dirname(target), 'r');
      }),
    list: (dir) =>
      tryPort('list files', () =>
        walk(join(root, dir))
          .map((f) => relative(root, f).split(sep).join('/'))
          .filter((f) => !f.startsWith(`${TMP}/`)),
      ),
    remove: (paths) =>
      tryPort('remove files', () => {
        const dirs = new Set<string>();
        for (const p of paths) {
          rmSync(join(root, p), { force: true });
          dirs.add(dirname(join(root, p)));
        }
        for (const d of dirs) if (existsSync(d)) fsyncPath(d, 'r');
      }),
    read: (path) => tryPort('read file', () => new Uint8Array(readFileSync(join(root, path)))),
  };
};
