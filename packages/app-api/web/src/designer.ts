import { useEffect, useState } from 'preact/hooks';
import type { ChartKind } from '../../src/analytics/charts.js';
import { call } from './api.js';
import { Chart, Failure, html, Table } from './html.js';
import { TokenForm, useOperatorToken } from './operatorToken.js';

/** A question as GET /v1/analytics lists it (the catalogue's CatalogueQuery lives in Node-only code: not imported here). */
interface Question {
  readonly name: string;
  readonly question: string;
  readonly description: string;
  readonly chart: ChartKind;
  readonly x: string;
  readonly y: ReadonlyArray<string>;
}

interface Answer extends Question {
  readonly columns: ReadonlyArray<string>;
  readonly rows: ReadonlyArray<ReadonlyArray<unknown>>;
  readonly ms: number;
}

const day = (d: Date): string => d.toISOString().slice(0, 10);

const QuestionCard = (props: { readonly answer: Answer | null; readonly question: Question; readonly error: unknown }) => {
  const { answer, question } = props;
  const status = answer === null ? (props.error === null ? 'loading' : 'error') : answer.rows.length === 0 ? 'empty' : 'ok';
  return html`<section class="card question" data-name=${question.name} data-chart=${question.chart} data-status=${status}>
    <h3>${question.question}</h3>
    <p class="meta">${question.name}${answer === null ? '' : ` · ${answer.rows.length} rows · ${answer.ms} ms`}</p>
    ${
      answer === null
        ? html`<${Failure} error=${props.error} />`
        : question.chart === 'table'
          ? html`<${Table} data=${answer} max=${12} />`
          : html`<${Chart} kind=${question.chart} title=${question.name} x=${question.x} y=${question.y} data=${answer} />`
    }
    <details>
      <summary>About</summary>
      <p>${question.description}</p>
    </details>
  </section>`;
};

/** The answers of every question for a range, fetched a few at a time (each one is a query over the lake). */
const fetchAnswers = async (
  token: string,
  questions: ReadonlyArray<Question>,
  range: { from: string; to: string },
  put: (name: string, value: Answer | Error) => void,
): Promise<void> => {
  const queue = [...questions];
  const worker = async (): Promise<void> => {
    for (let q = queue.shift(); q !== undefined; q = queue.shift()) {
      const qs = new URLSearchParams({ ...(range.from ? { from: range.from } : {}), ...(range.to ? { to: range.to } : {}) });
      try {
        put(q.name, await call<Answer>(`/v1/analytics/${encodeURIComponent(q.name)}?${qs}`, { token }));
      } catch (e) {
        put(q.name, e instanceof Error ? e : new Error(String(e)));
      }
    }
  };
  await Promise.all([worker(), worker()]);
};

/** The designer's dashboard: every question of the catalogue as a chart, over a range of event dates. */
export const DesignerPage = () => {
  const { token, remember, refused, onError } = useOperatorToken();
  const [questions, setQuestions] = useState<ReadonlyArray<Question>>([]);
  const [answers, setAnswers] = useState<Readonly<Record<string, Answer | Error>>>({});
  const [range, setRange] = useState({ from: day(new Date(Date.now() - 30 * 86_400_000)), to: day(new Date()) });
  const [round, setRound] = useState(0);
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (token === null) return;
    call<{ questions: Question[] }>('/v1/analytics', { token })
      .then((r) => setQuestions(r.questions))
      .catch(onError);
  }, [token]);
  useEffect(() => {
    if (token === null || questions.length === 0) return;
    setAnswers({});
    setDone(false);
    void fetchAnswers(token, questions, range, (name, value) => setAnswers((prev) => ({ ...prev, [name]: value }))).then(() => setDone(true));
  }, [questions, round]);
  if (token === null) return html`<${TokenForm} onToken=${remember} refused=${refused} />`;
  const apply = (e: Event): void => {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    setRange({ from: String(form.get('from') ?? ''), to: String(form.get('to') ?? '') });
    setRound(round + 1);
  };
  return html`<header class="page-head" data-ready=${done ? 'designer' : ''}>
      <h2>KPI catalogue</h2>
      <form class="range" id="range" onSubmit=${apply}>
        <label>From <input type="date" name="from" value=${range.from} /></label>
        <label>To <input type="date" name="to" value=${range.to} /></label>
        <button type="submit" id="refresh">Refresh</button>
      </form>
      <${Failure} error=${refused} />
    </header>
    <div class="grid">
      ${questions.map((q) => {
        const a = answers[q.name];
        return html`<${QuestionCard}
          key=${q.name}
          question=${q}
          answer=${a instanceof Error || a === undefined ? null : a}
          error=${a instanceof Error ? a : null}
        />`;
      })}
    </div>`;
};
