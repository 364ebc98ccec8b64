import * as E from 'fp-ts/lib/Either.js';
import type { Admin, Kafka } from 'kafkajs';
import { playerShare, portError, type FoldRecord, type ReplaySource } from '@placebo/domain';
import { tryPort } from '../runtime/tryPort.js';
import { endOffsets, topicName, type KafkaSettings } from './kafkaClient.js';
import { checkEvent, createKafkaLogSource, type Buffered } from './kafkaLogSource.js';

export interface KafkaReplaySourceOptions {
  readonly kafka: Kafka;
  readonly admin: Admin;
  readonly settings: Pick<KafkaSettings, 'topicPrefix'>;
  /** A group of this reader's own, so that it is given every partition. */
  readonly groupId: string;
  /** The partitions it reads (default: all); the others are never fetched. */
  readonly only?: ReadonlyArray<number>;
}

/** Whether a message belongs to the share, decided by its key (the player id, as the event log produces) when it has one. */
const inShare = (b: Buffered, of: number, index: number): boolean | null => (b.key === null ? null : playerShare(b.key.toString('utf8'), of) === index);

/**
 * all_events on Kafka as replay reads it: partitions and ends from the admin (reading starts no fetch), records from
 * a consumer fetching only this reader's partitions. A share's reader drops the other players' messages by their key,
 * before decoding their JSON.
 */
export const createKafkaReplaySource = (o: KafkaReplaySourceOptions): ReplaySource & { readonly close: () => Promise<void> } => {
  const log = createKafkaLogSource({ ...o, topics: ['all_events'], only: o.only });
  const ends = () => endOffsets(o.admin, topicName(o.settings, 'all_events'));
  return {
    partitions: () => tryPort('partitions', async () => [...(await ends()).keys()].sort((a, b) => a - b)),
    end: (p) => tryPort('end offset', async () => (await ends()).get(p) ?? 0),
    read:
      (p, from, max, { index, of }) =>
      async () => {
        const taken = await log.take('all_events', p, from, max);
        if (E.isLeft(taken)) return taken;
        const records: FoldRecord[] = [];
        for (const b of taken.right) {
          const keep = of <= 1 || inShare(b, of, index);
          if (keep === false) continue;
          const event: unknown = JSON.parse(b.value.toString('utf8'));
          if (!checkEvent(event)) return E.left(portError(`all_events/${p}@${b.offset} is not a Placebo event`, false));
          if (keep === true || playerShare(event.player_id, of) === index) records.push(event);
        }
        const last = taken.right[taken.right.length - 1];
        return E.right({ records, next: last === undefined ? from : last.offset + 1 });
      },
    close: log.close,
  };
};
