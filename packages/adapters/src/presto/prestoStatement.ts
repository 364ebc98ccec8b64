import type { Client, Column, PrestoError, PrestoQueryError } from 'presto-client';

/** How a statement ended when it did not succeed: the SQL was refused, or Presto could not be asked or answer. */
export type StatementFailure =
  | { readonly kind: 'sql'; readonly name: string; readonly message: string }
  | { readonly kind: 'infrastructure'; readonly retriable: boolean; readonly message: string; readonly cause: unknown };

export interface StatementResult {
  readonly columns: ReadonlyArray<Column>;
  readonly rows: ReadonlyArray<ReadonlyArray<unknown>>;
}

// An integer literal of 16+ digits in a number position of the JSON (never inside a string).
const longInteger = /"(?:[^"\\]|\\.)*"|(?<=[[,:]\s*)-?\d{16,}(?=\s*[,\]}])/g;

/**
 * JSON.parse, except that integers beyond 2^53 become their exact decimal text instead of a rounded double
 * (what the DuckDB engine returns too). Presto sends bigints as bare JSON numbers.
 */
export const parsePrestoJson = (text: string): unknown =>
  JSON.parse(/\d{16}/.test(text) ? text.replace(longInteger, (m) => (m.startsWith('"') || Number.isSafeInteger(Number(m)) ? m : `"${m}"`)) : text);

const codeOf = (e: unknown): string | undefined =>
  typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : undefined;

type QueryError = Pick<PrestoQueryError, 'errorType' | 'errorName' | 'message'>;

/** Presto's error of the query, on the error itself or under `error`; none when the HTTP exchange failed. */
const queryErrorOf = (e: PrestoError): QueryError | undefined => {
  if ('errorType' in e && e.errorType !== undefined) return e;
  return 'error' in e && e.error !== undefined && 'errorType' in e.error ? e.error : undefined;
};

/** The HTTP exchange failed (connection refused, timeout, 5xx until the deadline). */
const exchangeFailure = (e: PrestoError): StatementFailure => {
  const cause = 'error' in e ? e.error : undefined;
  const code = codeOf(cause) ?? ('code' in e && e.code !== undefined ? `HTTP ${e.code}` : undefined);
  // A 4xx on the first request (e.g. "User must be set") is a misconfiguration that a retry will not fix.
  const status = 'code' in e && typeof e.code === 'number' ? e.code : 0;
  return { kind: 'infrastructure', retriable: status < 400 || status >= 500, message: code === undefined ? e.message : `${e.message} (${code})`, cause: e };
};

/**
 * Sorts a presto-client error. Presto's own error types: USER_ERROR is the SQL's fault; INSUFFICIENT_RESOURCES and
 * EXTERNAL (HDFS, metastore) may pass; INTERNAL_ERROR is Presto's and not retried. Anything without a Presto error
 * type is the HTTP exchange failing (connection refused, timeout, 5xx until the deadline).
 */
export const classify = (e: PrestoError): StatementFailure => {
  const query = queryErrorOf(e);
  if (query?.errorType === 'USER_ERROR') return { kind: 'sql', name: query.errorName ?? 'USER_ERROR', message: query.message };
  if (query !== undefined) {
    const retriable = query.errorType === 'INSUFFICIENT_RESOURCES' || query.errorType === 'EXTERNAL';
    return { kind: 'infrastructure', retriable, message: `${query.errorName ?? query.errorType}: ${query.message}`, cause: e };
  }
  return exchangeFailure(e);
};

/** One statement through presto-client's callback API, as a promise that always resolves. */
export const runStatement = (
  client: Client,
  query: string,
  options: { readonly user: string; readonly timeoutMs: number },
): Promise<{ readonly ok: true; readonly result: StatementResult } | { readonly ok: false; readonly failure: StatementFailure }> =>
  new Promise((resolve) => {
    let columns: ReadonlyArray<Column> = [];
    const rows: unknown[][] = [];
    let settled = false;
    const settle = (v: Parameters<typeof resolve>[0]): void => {
      if (settled) return;
      settled = true;
      resolve(v);
    };
    try {
      client.execute({
        query,
        user: options.user,
        timezone: 'UTC',
        timeout: Math.ceil(options.timeoutMs / 1000),
        columns: (_e, cs) => {
          columns = cs;
        },
        data: (_e, chunk, cs) => {
          if (columns.length === 0) columns = cs;
          for (const r of chunk) rows.push(r);
        },
        success: () => settle({ ok: true, result: { columns, rows } }),
        error: (e) => settle({ ok: false, failure: classify(e) }),
      });
    } catch (e) {
      settle({ ok: false, failure: { kind: 'infrastructure', retriable: false, message: e instanceof Error ? e.message : String(e), cause: e } });
    }
  });
