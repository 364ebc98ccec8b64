import {
  BASE_GEN,
  dateDir,
  generationPartition,
  gensTableOf,
  parseFileName,
  parseMarkerName,
  watermarkKey,
  type LakeStore,
  type TablePartition,
} from '@placebo/domain';
import { must } from './sinkFailure.js';

/**
 * What the sink knows of the lake's committed files: per (table, source partition, date) the highest offset a file
 * reaches (its watermark: rows at or below it are in the lake already), and per (table, date) the newest committed
 * compaction generation, where the sink writes that date's rows.
 */
export interface LakeIndex {
  readonly clear: () => void;
  /** Takes in a file or marker of the lake; answers the partition that makes it queryable. */
  readonly learn: (table: string, path: string) => TablePartition[];
  readonly watermark: (table: string, topic: string, partition: number, dt: string) => number | undefined;
  /** A file reaching `to` was published. */
  readonly advance: (table: string, topic: string, partition: number, dt: string, to: number) => void;
  /** The generation a date's rows go to. */
  readonly generationOf: (table: string, dt: string) => Promise<string>;
}

export const createLakeIndex = (o: { readonly lake: LakeStore; readonly now: () => number }): LakeIndex => {
  const watermarks = new Map<string, number>();
  const generations = new Map<string, string>();
  const genKey = (table: string, dt: string): string => `${table}|${dt}`;
  const raise = (key: string, to: number): void => {
    watermarks.set(key, Math.max(watermarks.get(key) ?? -1, to));
  };
  const seeGen = (table: string, dt: string, gen: string): void => {
    if (gen > (generations.get(genKey(table, dt)) ?? BASE_GEN)) generations.set(genKey(table, dt), gen);
  };

  const learn = (table: string, path: string): TablePartition[] => {
    const marker = parseMarkerName(path);
    if (marker !== null && marker.table === table) {
      seeGen(table, marker.dt, marker.gen);
      return [{ table: gensTableOf({ name: table }), dt: marker.dt, gen: marker.gen }];
    }
    const f = parseFileName(path);
    if (f === null || f.table !== table) return [];
    raise(watermarkKey(f.table, f.topic, f.partition, f.dt), f.to);
    return [generationPartition(f.table, f.dt, f.gen ?? BASE_GEN)];
  };

  /**
   * A date before today may have been compacted since start (late rows are rare), so its markers are looked up again;
   * today's is compacted only on demand (`--older-than-days 0`).
   */
  const generationOf = async (table: string, dt: string): Promise<string> => {
    if (dt < new Date(o.now()).toISOString().slice(0, 10)) {
      for (const path of await must(o.lake.list(dateDir(table, dt)))) {
        const marker = parseMarkerName(path);
        if (marker !== null && marker.table === table) seeGen(table, dt, marker.gen);
      }
    }
    return generations.get(genKey(table, dt)) ?? BASE_GEN;
  };

  return {
    clear: () => {
      watermarks.clear();
      generations.clear();
    },
    learn,
    watermark: (table, topic, partition, dt) => watermarks.get(watermarkKey(table, topic, partition, dt)),
    advance: (table, topic, partition, dt, to) => raise(watermarkKey(table, topic, partition, dt), to),
    generationOf,
  };
};
