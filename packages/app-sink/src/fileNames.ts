import type { Topic } from '@placebo/domain';

export interface FileRange {
  readonly table: string;
  readonly dt: string;
  readonly topic: string;
  readonly partition: number;
  readonly from: number;
  readonly to: number;
}

/**
 * A committed file names the log range it covers, as Kafka Connect's HDFS sink does:
 * `<table>/dt=<date>/part-<topic>-<partition>-<from>-<to>.parquet`. Recovery reads positions back from these names.
 */
export const fileName = (r: FileRange, extension: string): string =>
  `${r.table}/dt=${r.dt}/part-${r.topic}-${r.partition}-${r.from}-${r.to}.${extension}`;

const pattern = /^([^/]+)\/dt=(\d{4}-\d{2}-\d{2})\/part-([a-z_]+)-(\d+)-(\d+)-(\d+)\.[a-z]+$/;

export const parseFileName = (path: string): FileRange | null => {
  const m = pattern.exec(path);
  if (m === null) return null;
  const [, table, dt, topic, partition, from, to] = m;
  return { table: table!, dt: dt!, topic: topic as Topic, partition: Number(partition), from: Number(from), to: Number(to) };
};

/** Key of a watermark: the highest offset already committed for one table, source partition and date. */
export const watermarkKey = (table: string, topic: string, partition: number, dt: string): string => `${table}|${topic}|${partition}|${dt}`;
