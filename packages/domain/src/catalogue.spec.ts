import assert from 'node:assert/strict';
import * as E from 'fp-ts/lib/Either.js';
import { Catalogue, catalogueProblems, findEnemy, findItem, findOffer, findOrg } from './catalogue.js';
import { loadCatalogue, readCatalogueJson } from '@placebo/testkit/domain';

type Json = {
  items: Array<Record<string, unknown>>;
  orgs: Array<Record<string, unknown>>;
  offers: Array<Record<string, unknown>>;
  limits: Record<string, unknown>;
};
const raw = (): Json => readCatalogueJson() as Json;
const decode = (json: unknown): Catalogue => {
  const d = Catalogue.decode(json);
  if (E.isLeft(d)) return assert.fail('the catalogue should decode');
  return d.right;
};

describe('Catalogue codec and catalogueProblems', () => {
  it('decodes config/catalogue.json, which has no problems', () => {
    const decoded = Catalogue.decode(readCatalogueJson());
    assert.ok(E.isRight(decoded));
    assert.deepEqual(catalogueProblems(decoded.right), []);
    assert.deepEqual(Catalogue.encode(decoded.right), readCatalogueJson());
  });

  it('rejects an unknown item kind, a negative price and an untrimmed name', () => {
    const kind = raw();
    kind.items.push({ kind: 'laser', type: 'blaster', price: 1, power: 1, heal: 0 });
    const price = raw();
    price.items[0]!.price = -1;
    const name = raw();
    name.items[0]!.type = 'cutlass ';
    for (const broken of [kind, price, name]) assert.ok(E.isLeft(Catalogue.decode(broken)));
  });

  it('reports a duplicate item, compared case-insensitively', () => {
    const json = raw();
    json.items.push({ kind: 'sword', type: 'Cutlass', price: 5, power: 1, heal: 0 });
    assert.deepEqual(catalogueProblems(decode(json)), ['duplicate item sword/cutlass']);
  });

  it('allows the same type name under two kinds', () => {
    const json = raw();
    json.items.push({ kind: 'knife', type: 'cutlass', price: 5, power: 1, heal: 0 });
    assert.deepEqual(catalogueProblems(decode(json)), []);
  });

  it('reports a price of 0 and a price above max_cost', () => {
    const json = raw();
    json.items[0]!.price = 0;
    json.items[1]!.price = 1_000_000_001;
    assert.deepEqual(catalogueProblems(decode(json)), ['item sword/cutlass: price must be 1 … max_cost', 'item sword/saber: price must be 1 … max_cost']);
  });

  it('reports percent_off of 100 and of 0', () => {
    const json = raw();
    json.offers[0]!.percent_off = 100;
    json.offers[1]!.percent_off = 0;
    assert.deepEqual(catalogueProblems(decode(json)), ['offer WELCOME10: percent_off must be in (0, 100)', 'offer BLADES25: percent_off must be in (0, 100)']);
  });

  it('reports an org without levels and a starting wealth above max_wealth', () => {
    const json = raw();
    json.orgs[0]!.levels = [];
    json.limits.starting_wealth = 5000;
    json.limits.max_wealth = 4999;
    assert.deepEqual(catalogueProblems(decode(json)), ['org soldiers: needs at least one level', 'starting_wealth exceeds max_wealth']);
  });
});

describe('catalogue look-ups', () => {
  const c = loadCatalogue();
  it('finds items by kind and case-insensitive type, defaulting to the first of the kind', () => {
    assert.equal(findItem(c, 'sword', 'LONGSWORD')?.price, 10000);
    assert.equal(findItem(c, 'sword', null)?.type, 'cutlass');
    assert.equal(findItem(c, 'spell', 'cutlass'), undefined);
  });
  it('finds orgs, offers and enemies case-insensitively', () => {
    assert.equal(findOrg(c, 'team', 'TEAM blah')?.name, 'team BLAH');
    assert.equal(findOrg(c, 'team', null)?.name, 'team ABCD');
    assert.equal(findOrg(c, 'guild', 'team BLAH'), undefined);
    assert.equal(findOffer(c, 'welcome10')?.percent_off, 10);
    assert.equal(findOffer(c, 'nope'), undefined);
    assert.equal(findEnemy(c, 'Dragon')?.reward, 5000);
  });
});
