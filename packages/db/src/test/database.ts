import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { type DatabaseHandle, openDatabase } from '../client.ts';

export interface TestDatabase extends DatabaseHandle {
  /** Closes the connection and, on PostgreSQL, drops the database this suite created. */
  destroy(): Promise<void>;
}

/**
 * One migrated database per test file: a fresh PostgreSQL database on the server named by
 * DATABASE_URL when it is set, otherwise an in-memory PGlite. Either way tests run on a real engine.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const handle = await openDatabase({ kind: 'embedded', inMemory: true });
    await handle.migrate();
    return { ...handle, destroy: () => handle.close() };
  }

  const name = `test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: url.toString(), maxConnections: 20 });
  await handle.migrate();
  return {
    ...handle,
    destroy: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

const tablesInDependencyOrder = [
  'review_action_items',
  'review_decisions',
  'reviews',
  'signal_events',
  'signals',
  'audit_events',
  'target_changes',
  'area_assessments',
  'area_months',
  'area_leads',
  'areas',
  'api_tokens',
  'sessions',
  'users',
  'settings',
];

/** Empties every table, so a test starts from nothing without paying for a new database. */
export async function resetDatabase(handle: DatabaseHandle): Promise<void> {
  await handle.db.execute(sql.raw(`truncate ${tablesInDependencyOrder.join(', ')} restart identity cascade`));
}
