import type * as t from 'io-ts';
import { toJsonSchema, type JsonSchema } from './jsonSchema.js';
import { hostParameter, operations, transportAnswers, type Answer, type Operation } from './operations.js';
import { CommandId } from './requests.js';
import { consoleCodecs } from './consoleCodecs.js';
import { viewCodecs } from './viewCodecs.js';

export { operations, type Operation } from './operations.js';

const propertiesOf = (codec: t.Mixed): ReadonlyArray<readonly [string, unknown]> =>
  Object.entries((toJsonSchema(codec).properties as Record<string, unknown> | undefined) ?? {});

const requiredOf = (codec: t.Mixed | undefined): ReadonlyArray<string> =>
  codec === undefined ? [] : ((toJsonSchema(codec).required as ReadonlyArray<string> | undefined) ?? []);

const parameters = (op: Operation): ReadonlyArray<JsonSchema> => [
  ...(op.params ?? []).map(([name, codec]) => ({ name, in: 'path', required: true, schema: toJsonSchema(codec) })),
  ...(op.query === undefined
    ? []
    : propertiesOf(op.query).map(([name, schema]) => ({ name, in: 'query', required: requiredOf(op.query).includes(name), schema }))),
  ...(op.host ? [hostParameter] : []),
  ...(op.key ? [{ name: 'Idempotency-Key', in: 'header', required: false, schema: toJsonSchema(CommandId) }] : []),
];

const ref = (codec: t.Mixed): JsonSchema => ({ $ref: `#/components/schemas/${codec.name}` });
/** An error body narrowed to the codes this status carries. */
const errorOf = (codec: t.Mixed, codes: ReadonlyArray<string>): JsonSchema => ({ allOf: [ref(codec), { properties: { error: { enum: codes } } }] });

/** Every answer of a command route past validation names its command, so that a retry can be safe. */
const keyHeader = {
  'Idempotency-Key': {
    description: "the command's idempotency key: the one sent, or one made for a request without it; retry with it after a 503",
    schema: toJsonSchema(CommandId),
  },
};

const response = (a: Answer, keyed = false): JsonSchema => ({
  description: a.description,
  ...(keyed ? { headers: keyHeader } : {}),
  ...('json' in a ? { content: { 'application/json': { schema: a.codes === undefined ? ref(a.json) : errorOf(a.json, a.codes) } } } : {}),
  ...('text' in a ? { content: { 'text/plain': { schema: a.text } } } : {}),
});

/** The answers any request can meet, described once in the components and referred to by every operation. */
const sharedAnswers: Record<number, JsonSchema> = Object.fromEntries(
  Object.keys(transportAnswers).map((status) => [status, { $ref: `#/components/responses/${status}` }]),
);

const operation = (op: Operation): JsonSchema => {
  const schema = op.body === undefined ? undefined : toJsonSchema(op.body);
  // The seed routes read forms whatever the label (Apache Bench sent forms as application/json).
  const forms = { 'application/x-www-form-urlencoded': { schema }, 'application/json': { schema } };
  const content = op.tag === 'seed 000' ? forms : { 'application/json': { schema } };
  const answers: Record<number, Answer | JsonSchema> = { ...sharedAnswers, ...op.responses };
  return {
    operationId: `${op.method} ${op.path}`,
    summary: op.summary,
    tags: [op.tag],
    ...(op.auth ? { security: [{ bearer: [] }] } : op.operator ? { security: [{ operator: [] }] } : {}),
    parameters: parameters(op),
    ...(schema === undefined ? {} : { requestBody: { required: op.method === 'post', content } }),
    responses: Object.fromEntries(
      Object.keys(answers)
        .map(Number)
        .sort((a, b) => a - b)
        .map((status) => [
          String(status),
          status in op.responses ? response(op.responses[status] as Answer, op.key === true && status !== 400) : answers[status],
        ]),
    ),
  };
};

const description = [
  'Every call becomes an event in the log. Errors are JSON { error, message?, details? } with a stable code and the fields',
  'at fault, except the seed routes, which answer 200 and 402 in their plain text as the seeds did.',
  'A known path asked with another method answers 405 with Allow; an unknown path 404 not_found.',
].join(' ');

/** The OpenAPI 3.1 document: request and response schemas come from the io-ts codecs the routes decode and answer with. */
export const openApiDocument = (options: { readonly seedRoutes: boolean }): JsonSchema => {
  const served = operations.filter((op) => options.seedRoutes || !op.tag.startsWith('seed'));
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const op of served) paths[op.path] = { ...paths[op.path], [op.method]: operation(op) };
  return {
    openapi: '3.1.0',
    info: { title: 'Placebo API', version: '0.1.0', description },
    servers: [{ url: '/', description: 'the server that serves this document' }],
    paths,
    components: {
      schemas: Object.fromEntries([...viewCodecs, ...consoleCodecs].map((c) => [c.name, toJsonSchema(c)])),
      responses: Object.fromEntries(Object.entries(transportAnswers).map(([status, a]) => [status, response(a)])),
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        operator: { type: 'http', scheme: 'bearer', description: 'the PLACEBO_OPERATOR_TOKEN of the server' },
      },
    },
  };
};
