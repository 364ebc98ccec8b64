import { openCluster, openEmbedded, type ClusterRole, type Config, type Infrastructure, type Logger } from '@placebo/adapters';
import { explain } from '../explain.js';

/** Opens the mode's adapters for one command and closes them after it. */
export const withInfra = async (config: Config, role: ClusterRole, logger: Logger, f: (infra: Infrastructure) => Promise<number>): Promise<number> => {
  let infra: Infrastructure;
  try {
    infra = config.PLACEBO_MODE === 'cluster' ? await openCluster(config, role, logger) : openEmbedded({ dataDir: config.PLACEBO_DATA_DIR });
  } catch (e) {
    logger.debug('cannot open the infrastructure', { mode: config.PLACEBO_MODE, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    process.stderr.write(`${explain(e, config)}\n`);
    return 1;
  }
  try {
    return await f(infra);
  } finally {
    await infra.close();
  }
};
