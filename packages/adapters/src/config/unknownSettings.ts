import { closest } from './closest.js';
import { settings } from './config.js';

/**
 * PLACEBO_* variables read by other programs of the repository: the local stack's scripts (deploy/local/), the
 * benchmarks (bench/) and the marker a forked API worker carries. Not settings of `placebo`, and not typos.
 */
const readElsewhere = new Set([
  'PLACEBO_API_WORKER',
  'PLACEBO_FUZZ_RUNS',
  'PLACEBO_FUZZ_TABLE',
  'PLACEBO_KAFKA_CLIENT',
  'PLACEBO_STACK_DIR',
  'PLACEBO_JAVA_HOME',
  'PLACEBO_HADOOP_VERSION',
  'PLACEBO_KAFKA_VERSION',
  'PLACEBO_PRESTO_VERSION',
  'PLACEBO_REDIS_PORT',
  'PLACEBO_REDIS_DATA_DIR',
  'PLACEBO_REDIS_TIMEOUT',
  'PLACEBO_KAFKA_PORT',
  'PLACEBO_KAFKA_CONTROLLER_PORT',
  'PLACEBO_KAFKA_HEAP',
  'PLACEBO_KAFKA_DATA_DIR',
  'PLACEBO_KAFKA_AUTO_CREATE_TOPICS',
  'PLACEBO_KAFKA_TIMEOUT',
  'PLACEBO_KAFKA3_PORT',
  'PLACEBO_KAFKA3_DIR',
  'PLACEBO_KAFKA3_HEAP',
  'PLACEBO_KAFKA3_TIMEOUT',
  'PLACEBO_REDISCLUSTER_PORT',
  'PLACEBO_REDISCLUSTER_DIR',
  'PLACEBO_REDISCLUSTER_TIMEOUT',
  'PLACEBO_HDFS_NAME_DIR',
  'PLACEBO_HDFS_DATA_DIR',
  'PLACEBO_HDFS_HEAP',
  'PLACEBO_HDFS_TIMEOUT',
  'PLACEBO_HDFS_NAMENODE_PORT',
  'PLACEBO_HDFS_NAMENODE_HTTP_PORT',
  'PLACEBO_HDFS_DATANODE_PORT',
  'PLACEBO_HDFS_DATANODE_HTTP_PORT',
  'PLACEBO_HDFS_DATANODE_HTTPS_PORT',
  'PLACEBO_HDFS_DATANODE_IPC_PORT',
  'PLACEBO_HDFS_DATANODE_PROXY_PORT',
  'PLACEBO_PRESTO_PORT',
  'PLACEBO_PRESTO_THRIFT_PORT',
  'PLACEBO_PRESTO_HEAP',
  'PLACEBO_PRESTO_DATA_DIR',
  'PLACEBO_PRESTO_METASTORE_DIR',
  'PLACEBO_PRESTO_PLUGINS',
  'PLACEBO_PRESTO_TIMEOUT',
]);

export interface UnknownSetting {
  readonly name: string;
  /** The setting it most likely meant, or null. */
  readonly suggestion: string | null;
}

/** The PLACEBO_* variables of an environment that no setting reads: most often a typo, which would silently keep a default. */
export const unknownSettings = (env: Readonly<Record<string, string | undefined>>): ReadonlyArray<UnknownSetting> => {
  const known = Object.keys(settings);
  return Object.keys(env)
    .filter((k) => k.startsWith('PLACEBO_') && !(k in settings) && !readElsewhere.has(k))
    .sort()
    .map((name) => ({
      name,
      suggestion: closest(
        name.slice('PLACEBO_'.length),
        known.map((k) => k.slice('PLACEBO_'.length)),
      ),
    }))
    .map(({ name, suggestion }) => ({ name, suggestion: suggestion === null ? null : `PLACEBO_${suggestion}` }));
};
