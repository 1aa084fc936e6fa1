import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client.ts';
import { createTestDatabase, type TestDatabase } from './test/database.ts';
import { isDatabaseUnreachable } from './unreachable.ts';

/** The error a promise rejects with (failing the test if it resolves). */
async function failureOf(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error('expected the query to fail');
}

// Ending a connection needs a PostgreSQL server whatever the engine of the run: the one DATABASE_URL
// names, or the machine's own (only this test's own connection is ended).
const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

describe('isDatabaseUnreachable', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ migrated: false });
  }, 30_000);
  afterAll(() => database.destroy());

  it('is true for a server that refuses the connection, through drizzle', async () => {
    // Nothing listens on port 1: refused at once, on any machine.
    const refused = await openDatabase({ kind: 'postgres', url: 'postgres://postgres@127.0.0.1:1/none', maxConnections: 1 });
    try {
      expect(isDatabaseUnreachable(await failureOf(refused.db.execute(sql`select 1`)))).toBe(true);
    } finally {
      await refused.close();
    }
  });

  it("is false for a query's own failure, on the engine of this run", async () => {
    expect(isDatabaseUnreachable(await failureOf(database.db.execute(sql`select 1 / 0`)))).toBe(false);
    expect(isDatabaseUnreachable(await failureOf(database.db.execute(sql`select * from no_such_table`)))).toBe(false);
    expect(isDatabaseUnreachable(new Error('anything else'))).toBe(false);
    expect(isDatabaseUnreachable(undefined)).toBe(false);
  });

  it('is true for a connection the server ended (57P01 admin_shutdown)', async () => {
    const victim = postgres(serverUrl, { max: 1, onnotice: () => {} });
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    try {
      const [row] = await victim<{ pid: number }[]>`select pg_backend_pid() as pid`;
      // Ended while it runs a query, so that query must fail (an idle one would just reconnect).
      const running = failureOf(victim`select pg_sleep(10)`);
      await admin`select pg_terminate_backend(${row?.pid ?? 0}, 5000)`;
      // Either the server's FATAL 57P01 or the closed socket, whichever the driver reads first.
      expect(isDatabaseUnreachable(await running)).toBe(true);
    } finally {
      await victim.end({ timeout: 1 });
      await admin.end({ timeout: 1 });
    }
  });
});
