import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rateLimitContract } from '@placebo/testkit/contracts';
import { createSqliteRateLimiters } from './rateLimiters.js';

const dir = mkdtempSync(join(tmpdir(), 'placebo-limits-'));
after(() => rmSync(dir, { recursive: true, force: true }));

rateLimitContract('SQLite file (embedded)', async () => createSqliteRateLimiters({ path: join(dir, 'limits.db') }));
