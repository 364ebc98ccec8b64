import * as t from 'io-ts';
import { PlayerId } from '@placebo/domain';
import { ErrorBody, type ErrorCode } from './httpError.js';
import { AnalyticsQuery, HistoryQuery, OperatorStatus, PlayerHistory, QuestionAnswer, QuestionList } from './consoleCodecs.js';
import type { Answer, Operation } from './operationTypes.js';

const error = (codes: ReadonlyArray<ErrorCode>, note: string): Answer => ({ description: `${codes.join(', ')}: ${note}`, json: ErrorBody, codes });
const invalid = error(['validation_failed'], 'details name the parameter at fault');
const unavailable = error(['unavailable'], 'a store or the query engine does not answer; Retry-After when worth retrying');
const operatorRefused = error(
  ['operator_unauthorized'],
  'no operator token configured on the server (PLACEBO_OPERATOR_TOKEN), or the request did not send it as Authorization: Bearer',
);

/** A question's name as the catalogue spells it (`-- name:`). */
const QuestionName = t.string;

/** The console's routes: a player's own history, and the operator's analytics and status. */
export const consoleOperations: ReadonlyArray<Operation> = [
  {
    method: 'get',
    path: '/v1/players/{id}/events',
    summary: "The player's events, oldest first, a page at a time (a read: records nothing)",
    tag: 'v1',
    auth: true,
    params: [['id', PlayerId]],
    query: HistoryQuery,
    responses: {
      200: { description: 'Events with player_version > after, at most limit (default 500); next is the after of the next page', json: PlayerHistory },
      400: invalid,
      401: error(['unauthorized'], 'no live session (WWW-Authenticate: Bearer)'),
      403: error(['forbidden'], 'the session belongs to another player'),
      503: unavailable,
    },
  },
  {
    method: 'get',
    path: '/v1/analytics',
    summary: 'The catalogue of business questions (queries/*.sql): names, charts, SQL',
    tag: 'v1',
    operator: true,
    responses: { 200: { description: 'The questions', json: QuestionList }, 401: operatorRefused },
  },
  {
    method: 'get',
    path: '/v1/analytics/{question}',
    summary: "A catalogue question's answer over the events of a date range; runs only the catalogue's SQL",
    tag: 'v1',
    operator: true,
    params: [['question', QuestionName]],
    query: AnalyticsQuery,
    responses: {
      200: { description: 'The answer: columns and rows as the engine returned them', json: QuestionAnswer },
      400: invalid,
      401: operatorRefused,
      404: error(['unknown_question'], 'no question of that name in the catalogue'),
      503: unavailable,
    },
  },
  {
    method: 'get',
    path: '/v1/operator/status',
    summary: "The process's view of its services, its sink (lag per partition, last commit per table), its error rate and recent 5xx",
    tag: 'v1',
    operator: true,
    responses: { 200: { description: 'The status', json: OperatorStatus }, 401: operatorRefused },
  },
];
