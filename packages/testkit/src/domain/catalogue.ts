import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as E from 'fp-ts/lib/Either.js';
import { Catalogue } from '@placebo/domain';

/** Same relative path from src/domain and dist/domain: both sit four levels under the repository root. */
const defaultCataloguePath = fileURLToPath(new URL('../../../../config/catalogue.json', import.meta.url));

/** The raw JSON of config/catalogue.json, before decoding. */
export const readCatalogueJson = (): unknown => JSON.parse(readFileSync(defaultCataloguePath, 'utf8'));

/** config/catalogue.json, decoded with the io-ts codec; throws when it does not decode. */
export const loadCatalogue = (): Catalogue => {
  const decoded = Catalogue.decode(readCatalogueJson());
  if (E.isLeft(decoded)) throw new Error(`config/catalogue.json does not decode as a Catalogue`);
  return decoded.right;
};

/** A copy of the default catalogue with some limits replaced (e.g. a small max_wealth). */
export const withLimits = (c: Catalogue, limits: Partial<Catalogue['limits']>): Catalogue => ({ ...c, limits: { ...c.limits, ...limits } });
