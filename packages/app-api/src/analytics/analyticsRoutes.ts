import type { Router } from '@koa/router';
import type Koa from 'koa';
import { AnalyticsQuery } from '../consoleCodecs.js';
import type { ApiDeps } from '../deps.js';
import { queryOrFail } from '../errors.js';
import { fail, invalidField } from '../httpError.js';
import { requireOperator } from '../operator/operatorAuth.js';
import type { AppState } from '../state.js';
import { decodeOrFail } from '../validation.js';
import type { CatalogueQuery } from './questionCatalogue.js';
import { scopedStatement, type DateRange } from './questionStatement.js';

type Ctx = Koa.ParameterizedContext<AppState>;

const described = (q: CatalogueQuery) => ({ name: q.name, question: q.question, description: q.description, chart: q.chart, x: q.x, y: [...q.y], sql: q.sql });

/** The typed parameters of a question: a range of event dates, each end optional, `from` not after `to`. */
const rangeOf = (ctx: Ctx): DateRange => {
  const q = decodeOrFail(AnalyticsQuery, { from: ctx.query.from, to: ctx.query.to });
  const range = { from: q.from ?? null, to: q.to ?? null };
  if (range.from !== null && range.to !== null && range.from > range.to) fail(invalidField('to', 'must not be before from'));
  return range;
};

/**
 * The designer's dashboard reads the catalogue of `queries/*.sql` through these, and nothing else: a question is
 * named, never written, and its only parameters are typed dates that narrow the tables it reads. No SQL from the
 * client reaches the engine. Both need the operator token.
 */
export const addAnalyticsRoutes = (router: Router<AppState>, deps: ApiDeps): void => {
  const { console: c } = deps;

  router.get('/analytics', async (ctx) => {
    await requireOperator(ctx, c.operatorToken, deps.limits);
    ctx.body = { questions: (await c.questions()).map(described) };
  });

  router.get('/analytics/:question', async (ctx) => {
    await requireOperator(ctx, c.operatorToken, deps.limits);
    const range = rangeOf(ctx);
    const question = (await c.questions()).find((q) => q.name === ctx.params.question);
    if (question === undefined) fail({ status: 404, error: 'unknown_question', message: 'no such question in the catalogue; GET /v1/analytics lists them' });
    const started = performance.now();
    const result = await queryOrFail(c.engine.query(scopedStatement(question!.sql, range)));
    ctx.body = {
      ...described(question!),
      ...range,
      columns: [...result.columns],
      rows: result.rows.map((r) => [...r]),
      ms: Math.round(performance.now() - started),
    };
  });
};
