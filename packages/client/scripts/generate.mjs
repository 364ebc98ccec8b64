// Writes src/schema.ts, the types of @placebo/client, from the API's OpenAPI document: the one the app builds from its
// codecs (default), or the one a running server serves (`node scripts/generate.mjs http://host:port`).
// `--check` writes nothing and fails when the committed types differ from the document's.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clientTypes } from './clientTypes.mjs';

const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'schema.ts');
const args = process.argv.slice(2);
const url = args.find((a) => !a.startsWith('--'));
const document = url === undefined ? undefined : await (await fetch(new URL('/openapi.json', url))).json();
const types = await clientTypes(document);
if (args.includes('--check')) {
  if (readFileSync(target, 'utf8') !== types) {
    console.error('packages/client/src/schema.ts differs from the API document: run `npm run generate -w packages/client`');
    process.exit(1);
  }
} else writeFileSync(target, types);
