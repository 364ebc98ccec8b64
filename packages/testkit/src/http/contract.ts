import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { JsonSchema } from '@placebo/app-api';

/** Checks answers against the OpenAPI document the app serves. */

export interface Exchange {
  readonly method: string;
  /** Path and query as sent. */
  readonly url: string;
  readonly status: number;
  readonly contentType: string | undefined;
  readonly allow: string | undefined;
  readonly body: Buffer;
}

interface MediaType {
  readonly schema?: JsonSchema;
}
interface DocResponse {
  readonly $ref?: string;
  readonly content?: Readonly<Record<string, MediaType>>;
}
interface DocOperation {
  readonly responses: Readonly<Record<string, DocResponse>>;
}
type Paths = Readonly<Record<string, Readonly<Record<string, DocOperation>>>>;

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const pointer = (...parts: ReadonlyArray<string>): string => parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');
const mediaType = (contentType: string | undefined): string | undefined => contentType?.split(';')[0]?.trim().toLowerCase();
/** Answers any request can get without naming an operation (no route, another method). */
const transport = ['413', '415', '431', '500', '501'];

/** An exchange no operation documents: a transport answer, a 404 for an unknown path, or a 405 that lists the methods. */
const undocumented = (x: Exchange, operations: Readonly<Record<string, DocOperation>> | undefined): string | null => {
  if (transport.includes(String(x.status))) return null;
  if (operations === undefined) return x.status === 404 ? null : `no documented path, answered ${x.status} (expected 404)`;
  const allowed = Object.keys(operations).map((m) => m.toUpperCase());
  const allow = (x.allow ?? '').split(',').map((m) => m.trim());
  if (!allowed.every((m) => allow.includes(m))) return `Allow is "${x.allow ?? ''}", the document has ${allowed.join(', ')}`;
  return (x.method === 'OPTIONS' && x.status === 200) || x.status === 405 ? null : `an undocumented method answered ${x.status} (expected 405)`;
};

/** A checker for one document: `check` returns what is wrong with an exchange, or null when the document allows it. */
export const createContract = (doc: JsonSchema) => {
  const ajv = new Ajv2020({ strict: true, strictTypes: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('password', true);
  ajv.addVocabulary(['openapi', 'info', 'servers', 'paths', 'components']);
  ajv.addSchema(doc, 'openapi.json');
  const paths = doc.paths as Paths;
  const templates = Object.keys(paths).map((template) => ({
    template,
    regex: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+')}$`),
    statics: template.split('/').filter((s) => !s.startsWith('{')).length,
  }));
  const compiled = new Map<string, ValidateFunction>();
  const validator = (ref: string): ValidateFunction => {
    const known = compiled.get(ref);
    if (known !== undefined) return known;
    const v = ajv.compile({ $ref: `openapi.json#/${ref}` });
    compiled.set(ref, v);
    return v;
  };

  /** A response the document describes once, under components, by its pointer (`components/responses/413`). */
  const resolve = (at: string): DocResponse =>
    at.split('/').reduce<Record<string, unknown>>((node, part) => node[part] as Record<string, unknown>, doc as Record<string, unknown>) as DocResponse;

  const templateOf = (path: string): string | undefined => templates.filter((t) => t.regex.test(path)).sort((a, b) => b.statics - a.statics)[0]?.template;

  const body = (x: Exchange, ref: string, content: Readonly<Record<string, MediaType>> | undefined): string | null => {
    const type = mediaType(x.contentType);
    if (content === undefined) return x.body.length === 0 ? null : `documents no body, got ${x.contentType ?? 'no type'}: ${x.body.toString('utf8', 0, 200)}`;
    if (type === undefined || content[type] === undefined)
      return `answers ${x.contentType ?? 'no Content-Type'}, the document says ${Object.keys(content).join(', ')}`;
    if (x.method === 'HEAD') return null;
    const text = x.body.toString('utf8');
    let value: unknown = text;
    if (type === 'application/json') {
      try {
        value = JSON.parse(text) as unknown;
      } catch {
        return `answers invalid JSON: ${text.slice(0, 200)}`;
      }
    }
    const validate = validator(`${ref}/${pointer('content', type, 'schema')}`);
    return validate(value) ? null : `body ${text.slice(0, 300)} breaks the schema: ${ajv.errorsText(validate.errors)}`;
  };

  const check = (x: Exchange): string | null => {
    const path = x.url.split('?')[0] ?? '';
    const template = templateOf(path);
    const method = x.method === 'HEAD' ? 'get' : x.method.toLowerCase();
    const operations = template === undefined ? undefined : paths[template];
    const op = operations?.[method];
    if (op === undefined) return undocumented(x, operations);
    const listed = op.responses[String(x.status)];
    if (listed === undefined) return `${x.status} is not documented (documented: ${Object.keys(op.responses).join(', ')})`;
    const shared = listed.$ref?.replace('#/', '');
    const [where, response] =
      shared === undefined ? [pointer('paths', template ?? '', method, 'responses', String(x.status)), listed] : [shared, resolve(shared)];
    return body(x, where, response.content);
  };

  return { check };
};
