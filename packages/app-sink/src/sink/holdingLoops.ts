import { portError } from '@placebo/domain';
import { LeaseLost } from './lease.js';
import type { Holdings } from './holdings.js';
import { SinkFailure } from './sinkFailure.js';
import type { SinkContext } from './sinkOptions.js';
import type { SinkPartition } from './sinkPartition.js';

/** How a sink's loops work under leases: renewing them, dropping a partition whose lease is lost, claiming all. */
export const holdingHelpers = (c: SinkContext, holdings: Holdings) => ({
  /** Runs `work` on a partition; a lost lease drops the partition instead of failing the sink. */
  onPartition: async <A>(p: SinkPartition, work: () => Promise<A>, lost: A): Promise<A> => {
    try {
      return await work();
    } catch (e) {
      if (!(e instanceof LeaseLost)) throw e;
      c.o.logger.warn('sink: partition lease lost, its rows since the last commit are left to the next holder', { topic: p.topic, partition: p.partition });
      await holdings.drop(p);
      return lost;
    }
  },

  /** Renews the leases every fifth of their time while `work` runs. */
  renewing: async <A>(work: () => Promise<A>): Promise<A> => {
    let renewal: Promise<void> | null = null;
    const timer = setInterval(() => {
      renewal ??= holdings.renewAll().finally(() => (renewal = null));
    }, c.leaseMs / 5);
    try {
      return await work();
    } finally {
      clearInterval(timer);
      await renewal;
    }
  },

  /** Claims every assigned partition, waiting up to two lease times for one held by another sink to be free. */
  claimAll: async (): Promise<SinkPartition[]> => {
    const deadline = Date.now() + 2 * c.leaseMs;
    let held = await holdings.reconcile();
    while (!(await holdings.complete())) {
      if (Date.now() > deadline) throw new SinkFailure(portError(`some partitions of consumer ${c.o.consumer} stay held by another sink`, true));
      await new Promise((r) => setTimeout(r, 250));
      held = await holdings.reconcile();
    }
    return held;
  },
});
