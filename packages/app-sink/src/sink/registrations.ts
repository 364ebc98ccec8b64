import * as TE from 'fp-ts/lib/TaskEither.js';
import type { PortError, TablePartition, TableRegistry } from '@placebo/domain';

const keyOf = (p: TablePartition): string => `${p.table}|${p.column ?? 'dt'}|${p.dt}|${p.gen ?? ''}`;

const distinct = (ps: ReadonlyArray<TablePartition>): TablePartition[] => [...new Map(ps.map((p) => [keyOf(p), p])).values()];

/** The partitions this process has registered, so each is registered once per process (registries are idempotent). */
export interface Registrations {
  /** At start: registers every partition found, even none (a registry may create the tables on first use). */
  readonly all: (found: ReadonlyArray<TablePartition>) => TE.TaskEither<PortError, void>;
  /** Registers the partitions not registered before; nothing to do is no call. */
  readonly fresh: (partitions: ReadonlyArray<TablePartition>) => TE.TaskEither<PortError, void>;
}

export const createRegistrations = (registry: TableRegistry): Registrations => {
  const registered = new Set<string>();
  const record = (ps: ReadonlyArray<TablePartition>) =>
    TE.map(() => {
      for (const p of ps) registered.add(keyOf(p));
    });
  return {
    all: (found) => {
      registered.clear();
      const ps = distinct(found);
      return record(ps)(registry.register(ps));
    },
    fresh: (partitions) => {
      const ps = distinct(partitions.filter((p) => !registered.has(keyOf(p))));
      return ps.length === 0 ? TE.right(undefined) : record(ps)(registry.register(ps));
    },
  };
};
