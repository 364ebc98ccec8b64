/** An infrastructure failure. `retriable` says whether the same call may succeed later (KafkaJS's habit). */
export interface PortError {
  readonly _tag: 'PortError';
  readonly retriable: boolean;
  readonly message: string;
  readonly cause?: unknown;
}

export const portError = (message: string, retriable: boolean, cause?: unknown): PortError => ({
  _tag: 'PortError',
  retriable,
  message,
  cause,
});
