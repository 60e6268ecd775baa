import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite } from '../../../bot/storage/database';
import { callbackRepositoryContract } from './callback-repository.contract';
import { freshSchema } from './pg-test-db';

callbackRepositoryContract('PGlite (in a temporary directory)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'frontdoor-pglite-'));
  return {
    open: () => openPglite(dir),
    reopen: () => openPglite(dir),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

callbackRepositoryContract('PostgreSQL', async () => {
  const schema = await freshSchema();
  return {
    open: async () => schema.open(),
    reopen: async () => schema.open(),
    cleanup: () => schema.drop(),
  };
});
