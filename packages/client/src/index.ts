import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, paths } from './schema.js';

export type { components, operations, paths } from './schema.js';

/** The JSON views of the API by name, as the document's components list them (`View<'Purchased'>`). */
export type View<Name extends keyof components['schemas']> = components['schemas'][Name];

export type PlaceboClient = Client<paths>;

/**
 * A typed client of the Placebo API: paths, parameters, bodies and answers are those of the OpenAPI document, so a
 * change of the API that breaks a caller fails its type-check. `fetch` may be replaced (a keep-alive agent, a test kit).
 */
export const createPlaceboClient = (options: ClientOptions & { readonly baseUrl: string }): PlaceboClient => createClient<paths>(options);

/** The body of a form, as the seed routes read them. */
export const formBody = (fields: Readonly<Record<string, string>>): string => new URLSearchParams(fields).toString();
