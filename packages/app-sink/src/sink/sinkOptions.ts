import type { LakeStore, LogSource, OffsetStore, RowFileEncoder, TableRegistry, TableSpec } from '@placebo/domain';
import type { LakeIndex } from './lakeIndex.js';
import type { Registrations } from './registrations.js';

export interface SinkLogger {
  readonly info: (msg: string, fields?: Record<string, unknown>) => void;
  readonly warn: (msg: string, fields?: Record<string, unknown>) => void;
}

export interface SinkOptions {
  readonly source: LogSource;
  readonly offsets: OffsetStore;
  readonly lake: LakeStore;
  readonly encoder: RowFileEncoder;
  /** Told about every (table, dt) partition before the offset that covers its files is committed. */
  readonly registry: TableRegistry;
  readonly tables: ReadonlyArray<TableSpec>;
  /** Consumer name under which offsets are committed. */
  readonly consumer: string;
  readonly flushRows: number;
  readonly flushMs: number;
  /** Approximate heap bytes of the rows buffered for one source partition that trigger a commit (default 64 MiB). */
  readonly flushBytes?: number;
  /** Players whose landed version the sink keeps in memory, shared by its partitions (default 1,000,000; others are looked up). */
  readonly dedupPlayers?: number;
  /** This sink's name in the partition leases (default: one per process). Sinks of one consumer name share the partitions. */
  readonly owner?: string;
  /** How long a partition lease lasts unless renewed (default 20 s): a sink killed hands its partitions over after it. */
  readonly leaseMs?: number;
  readonly batchSize?: number;
  /** Files of one commit encoded and published at the same time when the encoder projects the records itself (default 4). */
  readonly publishConcurrency?: number;
  readonly now?: () => number;
  readonly logger: SinkLogger;
}

export interface SinkStats {
  readonly records: number;
  /** Partitions this sink held and let go (assigned elsewhere, or lease lost). */
  readonly handedOver: number;
  readonly rows: number;
  readonly files: number;
  readonly skipped: number;
  /** Records dropped as copies of an earlier record of the same (player_id, player_version). */
  readonly duplicates: number;
}

/** What the parts of one sink share: its options with their defaults, what it knows of the lake, its counters. */
export interface SinkContext {
  readonly o: SinkOptions;
  readonly now: () => number;
  readonly batchSize: number;
  readonly index: LakeIndex;
  readonly registrations: Registrations;
  readonly owner: string;
  readonly leaseMs: number;
  readonly stats: { -readonly [K in keyof SinkStats]: number };
  /** Per table, the newest commit that landed rows in it (for the operator's view). */
  readonly lastCommits: Map<string, TableCommit>;
}

/** The newest commit of a table: when, and the rows and files it landed there. */
export interface TableCommit {
  readonly table: string;
  readonly at: string;
  readonly rows: number;
  readonly files: number;
}
