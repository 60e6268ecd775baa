import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgres, type Database } from '../../../bot/storage/database';

/** The machine's real PostgreSQL (trust auth, database `test`), as `.ci/run` provides it. */
export const TEST_DATABASE_URL = process.env.FRONTDOOR_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A schema of its own for one test run, so runs never see each other's rows; drop() removes it. */
export interface TestSchema {
  readonly schema: string;
  open(options?: { readonly maxConnections?: number }): Database;
  drop(): Promise<void>;
}

export async function freshSchema(): Promise<TestSchema> {
  const schema = `frontdoor_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  return {
    schema,
    open: (options = {}) => openPostgres(TEST_DATABASE_URL, { schema, ...options }),
    async drop() {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
