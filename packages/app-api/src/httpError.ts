export interface Detail {
  readonly path: string;
  readonly message: string;
}

/** What every failed request answers: a status, a stable code, and the offending fields. */
export interface HttpError {
  readonly status: number;
  readonly error: string;
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
