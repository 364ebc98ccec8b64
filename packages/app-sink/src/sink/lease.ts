import * as E from 'fp-ts/lib/Either.js';
import { isFenced } from '@placebo/domain';
import { SinkFailure } from './sinkFailure.js';
import type { SinkContext } from './sinkOptions.js';
import type { SinkPartition } from './sinkPartition.js';

/** The sink no longer holds a partition's lease: it publishes nothing more there and lets the partition go. */
export class LeaseLost extends Error {
  constructor(readonly partition: SinkPartition) {
    super(`lease on ${partition.topic}/${partition.partition} lost`);
  }
}

/**
 * Throws unless the lease still has half its time to run. A holder stops publishing well before its lease can lapse,
 * and another sink claims only a lapsed lease, so two sinks never publish a partition's files at once — provided one
 * file is published in less than half the lease (20 s by default).
 */
export const checkLease = (c: SinkContext, p: SinkPartition): void => {
  if (p.lost || p.lease.until - Date.now() < c.leaseMs / 2) {
    p.lost = true;
    throw new LeaseLost(p);
  }
};

/** Commits the offset with the versions landed, under the lease; a refusal (fenced) marks the lease lost. */
export const commitUnderLease = async (c: SinkContext, p: SinkPartition, next: number): Promise<void> => {
  checkLease(c, p);
  const r = await c.o.offsets.commit(c.o.consumer, p.topic, p.partition, { lease: p.lease, next, landed: p.versions.pending() })();
  if (E.isLeft(r)) {
    const error = r.left;
    if (!isFenced(error)) throw new SinkFailure(error);
    p.lost = true;
    throw new LeaseLost(p);
  }
  p.versions.committed();
};

/** Extends the lease; marks it lost when someone else holds it now. A failed call leaves it to lapse. */
export const renewLease = async (c: SinkContext, p: SinkPartition): Promise<void> => {
  const r = await c.o.offsets.renew(c.o.consumer, p.topic, p.partition, p.lease, c.leaseMs)();
  if (E.isLeft(r)) c.o.logger.warn('sink: cannot renew a partition lease', { topic: p.topic, partition: p.partition, error: r.left.message });
  else if (r.right._tag === 'None') p.lost = true;
  else p.lease = r.right.value;
};
