import * as t from 'io-ts';

/** Every error code the API answers with: clients may switch on them, so they only ever grow. */
export const ErrorCode = t.keyof(
  {
    validation_failed: null,
    malformed_json: null,
    malformed_body: null,
    request_aborted: null,
    payload_too_large: null,
    unsupported_encoding: null,
    unsupported_media_type: null,
    unsupported_transfer_coding: null,
    unauthorized: null,
    invalid_credentials: null,
    forbidden: null,
    insufficient_funds: null,
    not_found: null,
    player_not_found: null,
    unknown_item: null,
    unknown_offer: null,
    unknown_org: null,
    unknown_level: null,
    unknown_enemy: null,
    not_a_member: null,
    method_not_allowed: null,
    player_exists: null,
    name_taken: null,
    already_member: null,
    player_exhausted: null,
    out_of_range: null,
    offer_not_applicable: null,
    idempotency_key_reused: null,
    limit_reached: null,
    rate_limited: null,
    internal_error: null,
    unavailable: null,
    operator_unauthorized: null,
    unknown_question: null,
  },
  'ErrorCode',
);
export type ErrorCode = t.TypeOf<typeof ErrorCode>;

export const Detail = t.strict({ path: t.string, message: t.string }, 'Detail');
export type Detail = t.TypeOf<typeof Detail>;

/** The body of every JSON error: `{ error, message?, details? }`. */
export const ErrorBody = t.exact(t.intersection([t.type({ error: ErrorCode }), t.partial({ message: t.string, details: t.array(Detail) })]), 'Error');

/** What every failed request answers: a status, a stable code, and the offending fields. */
export interface HttpError {
  readonly status: number;
  readonly error: ErrorCode;
  readonly message?: string;
  readonly details?: ReadonlyArray<Detail>;
  readonly headers?: Readonly<Record<string, string>>;
}

const marker = Symbol('HttpError');
interface Failure {
  readonly http: HttpError;
  /** What went wrong underneath (a PortError), for the log only. */
  readonly cause: unknown;
}

/** Ends the request with `e`; the error handler (the first middleware) renders it and logs `cause`. */
export const fail = (e: HttpError, cause?: unknown): never => {
  throw Object.assign(new Error(e.error), { [marker]: { http: e, cause } satisfies Failure });
};

export const failureOf = (thrown: unknown): Failure | undefined =>
  thrown instanceof Error && marker in thrown ? (thrown as unknown as Record<typeof marker, Failure>)[marker] : undefined;

export const errorBody = (e: HttpError): Record<string, unknown> => ({
  error: e.error,
  ...(e.message === undefined ? {} : { message: e.message }),
  ...(e.details === undefined ? {} : { details: e.details }),
});

export const validationFailed = (details: ReadonlyArray<Detail>): HttpError => ({
  status: 400,
  error: 'validation_failed',
  message: 'the request has invalid fields',
  details,
});

export const invalidField = (path: string, message: string): HttpError => validationFailed([{ path, message }]);
