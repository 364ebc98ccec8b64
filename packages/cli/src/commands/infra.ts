import { openCluster, openEmbedded, type ClusterRole, type Config, type Infrastructure, type Logger } from '@placebo/adapters';

/** Opens the mode's adapters for one command and closes them after it. */
export const withInfra = async (config: Config, role: ClusterRole, logger: Logger, f: (infra: Infrastructure) => Promise<number>): Promise<number> => {
  let infra: Infrastructure;
  try {
    infra = config.PLACEBO_MODE === 'cluster' ? await openCluster(config, role, logger) : openEmbedded({ dataDir: config.PLACEBO_DATA_DIR });
  } catch (e) {
    logger.error('cannot open the infrastructure', { mode: config.PLACEBO_MODE, error: e instanceof Error ? e.message : String(e) });
    process.stderr.write(`placebo: cannot reach the ${config.PLACEBO_MODE} infrastructure: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  try {
    return await f(infra);
  } finally {
    await infra.close();
  }
};
