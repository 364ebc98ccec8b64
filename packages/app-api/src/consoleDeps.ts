import type { EventLog, QueryEngine } from '@placebo/domain';
import type { CatalogueQuery } from './analytics/questionCatalogue.js';
import type { RecentFailures } from './operator/recentFailures.js';

/** The last commit of a lake table by the sink of this process. */
export interface TableCommit {
  readonly table: string;
  readonly at: string;
  readonly rows: number;
  readonly files: number;
}

/** The sink running in this process (`placebo start`), as the operator's view reads it. */
export interface SinkView {
  readonly stats: () => { readonly records: number; readonly rows: number; readonly files: number };
  readonly commits: () => ReadonlyArray<TableCommit>;
}

/** What the console's routes need besides the command handler: the log to read, the engine, the operator's sources. */
export interface ConsoleDeps {
  /** `PLACEBO_OPERATOR_TOKEN`; '' closes the operator routes. */
  readonly operatorToken: string;
  readonly mode: string;
  /** A player's events for their history. */
  readonly log: Pick<EventLog, 'readPlayer'>;
  /** The lake's SQL engine: runs the catalogue's questions, and a player's history the log no longer holds. */
  readonly engine: QueryEngine;
  /** The checked catalogue of `queries/*.sql`. */
  readonly questions: () => Promise<ReadonlyArray<CatalogueQuery>>;
  /** Each backing service and whether it answers (the readiness /readyz computes, one line per service). */
  readonly services: () => Promise<ReadonlyArray<{ readonly service: string; readonly ok: boolean }>>;
  readonly sink: () => SinkView | null;
  readonly failures: RecentFailures;
  /** The built console's folder (index.html and its bundle), or null when it was not built. */
  readonly consoleDir: string | null;
}
