import type { Infrastructure } from '../infrastructure.js';
import { timedPort, type Metrics } from './metrics.js';

/** The infrastructure with every port call timed (`placebo_port_duration_seconds`); the rest passes through. */
export const instrumentInfrastructure = (infra: Infrastructure, metrics: Metrics): Infrastructure => ({
  ...infra,
  log: timedPort(metrics, 'event_log', infra.log),
  snapshots: timedPort(metrics, 'snapshots', infra.snapshots),
  accounts: timedPort(metrics, 'accounts', infra.accounts),
  sessions: timedPort(metrics, 'sessions', infra.sessions),
  offsets: timedPort(metrics, 'offsets', infra.offsets),
  lake: timedPort(metrics, 'lake', infra.lake),
  query: timedPort(metrics, 'query', infra.query),
  registry: timedPort(metrics, 'registry', infra.registry),
});
