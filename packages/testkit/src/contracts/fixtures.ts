import type { PlayerEvent, StoredEvent } from '@placebo/domain';

let counter = 0;

/** A well-formed log record for contract tests; `data` defaults to a profile view. */
export const storedEvent = (
  playerId: string,
  version: number,
  data: PlayerEvent = { type: 'ProfileViewed' },
  commandId = `cmd-${playerId}-${version}`,
): StoredEvent => ({
  event_id: `evt-${++counter}-${playerId}-${version}`,
  event_type: data.type,
  schema_version: 1,
  player_id: playerId as StoredEvent['player_id'],
  player_version: version,
  occurred_at: new Date(Date.UTC(2026, 10, 23, 12, 0, version % 60)).toISOString(),
  command_id: commandId,
  request: { host: 'contract.test', user_agent: 'contract', accept: '*/*' },
  player: { wealth: 100 as StoredEvent['player']['wealth'], health: 100, items: 0, orgs: 0, created_at: '2026-11-23T12:00:00.000Z' },
  data,
});

/** A name no other test run uses: real servers keep state between runs. */
export const unique = (prefix: string): string => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
