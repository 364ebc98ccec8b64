import * as TE from 'fp-ts/lib/TaskEither.js';
import type { PortError, TablePartition, TableRegistry } from '@placebo/domain';

const keyOf = (p: TablePartition): string => `${p.table}|${p.column ?? 'dt'}|${p.dt}|${p.gen ?? ''}`;

const distinct = (ps: ReadonlyArray<TablePartition>): TablePartition[] => [...new Map(ps.map((p) => [keyOf(p), p])).values()];

/** The partitions this process has registered, so each is registered once per process (registries are idempotent). */
export const createRegistrations = (registry: TableRegistry) => {
  const registered = new Set<string>();
  const record = (ps: ReadonlyArray<TablePartition>) => TE.map(() => {
    for (const p of ps) registered.add(keyOf(p));
  });
  return {
    /** At start: registers every partition found, even none (a registry may create the tables on first use). */
    all: (found: ReadonlyArray<TablePartition>): TE.TaskEither<PortError, void> => {
      registered.clear();
      const ps = distinct(found);
      return record(ps)(registry.register(ps));
    },
    /** Registers the partitions not registered before; nothing to do is no call. */
    fresh: (partitions: ReadonlyArray<TablePartition>): TE.TaskEither<PortError, void> => {
      const ps = distinct(partitions.filter((p) => !registered.has(keyOf(p))));
      return ps.length === 0 ? TE.right(undefined) : record(ps)(registry.register(ps));
    },
  };
};
