import { BASE_GEN, type Topic } from '@placebo/domain';

export interface FileRange {
  readonly table: string;
  readonly dt: string;
  readonly topic: string;
  readonly partition: number;
  readonly from: number;
  readonly to: number;
  /** The compaction generation the file belongs to (`0000` for the sink's own folder). */
  readonly gen?: string;
}

const genDir = (gen: string | undefined): string => (gen === undefined || gen === BASE_GEN ? '' : `gen=${gen}/`);

/**
 * A committed file names the log range it covers, as Kafka Connect's HDFS sink does:
 * `<table>/dt=<date>/part-<topic>-<partition>-<from>-<to>.parquet`, or `<table>/dt=<date>/gen=<g>/part-…` in a
 * compaction generation. Recovery reads positions back from these names.
 */
export const fileName = (r: FileRange, extension: string): string =>
  `${r.table}/dt=${r.dt}/${genDir(r.gen)}part-${r.topic}-${r.partition}-${r.from}-${r.to}.${extension}`;

const pattern = /^([^/]+)\/dt=(\d{4}-\d{2}-\d{2})\/(?:gen=(\d{4})\/)?part-([a-z_]+)-(\d+)-(\d+)-(\d+)\.[a-z]+$/;

export const parseFileName = (path: string): FileRange | null => {
  const m = pattern.exec(path);
  if (m === null) return null;
  const [, table, dt, gen, topic, partition, from, to] = m;
  return { table: table!, dt: dt!, topic: topic as Topic, partition: Number(partition), from: Number(from), to: Number(to), gen: gen ?? BASE_GEN };
};

/** The commit marker of a generation: `<table>/dt=<date>/marker=<g>/marker.<ext>`, published after all its files. */
export const markerName = (table: string, dt: string, gen: string, extension: string): string => `${table}/dt=${dt}/marker=${gen}/marker.${extension}`;

const markerPattern = /^([^/]+)\/dt=(\d{4}-\d{2}-\d{2})\/marker=(\d{4})\/marker\.[a-z]+$/;

export const parseMarkerName = (path: string): { readonly table: string; readonly dt: string; readonly gen: string } | null => {
  const m = markerPattern.exec(path);
  return m === null ? null : { table: m[1]!, dt: m[2]!, gen: m[3]! };
};

/** Key of a watermark: the highest offset already committed for one table, source partition and date. */
export const watermarkKey = (table: string, topic: string, partition: number, dt: string): string => `${table}|${topic}|${partition}|${dt}`;
