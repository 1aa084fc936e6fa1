import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { type DatabaseHandle, migrationsFolder, openDatabase } from '../client.ts';

export interface TestDatabase extends DatabaseHandle {
  /** Closes the connection and, on PostgreSQL, drops the database this suite created. */
  destroy(): Promise<void>;
}

/**
 * A copy of the committed migrations up to and including `lastTag` (e.g. `0005_drop_unused_audit_area_index`)
 * in a temporary folder: migrating with it gives a database as an earlier release left it.
 */
export function migrationsUpTo(lastTag: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'migrations-'));
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { idx: number; tag: string }[] };
  const last = journal.entries.find((entry) => entry.tag === lastTag);
  if (!last) throw new Error(`there is no migration ${lastTag}`);
  const entries = journal.entries.filter((entry) => entry.idx <= last.idx);
  mkdirSync(join(folder, 'meta'));
  writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const entry of entries) copyFileSync(join(migrationsFolder, `${entry.tag}.sql`), join(folder, `${entry.tag}.sql`));
  return folder;
}

/**
 * One migrated database per test file: a fresh PostgreSQL database on the server named by
 * DATABASE_URL when it is set, otherwise an in-memory PGlite. Either way tests run on a real engine.
 */
export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const migrated = options.migrated ?? true;
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const handle = await openDatabase({ kind: 'embedded', inMemory: true });
    if (migrated) await handle.migrate();
    return { ...handle, destroy: () => handle.close() };
  }

  const name = `test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: url.toString(), maxConnections: 20 });
  if (migrated) await handle.migrate();
  return {
    ...handle,
    destroy: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

/**
 * A new, empty database on the PostgreSQL server at `serverUrl`, for a test that opens it itself,
 * perhaps more than once (replicas starting together). `drop()` removes it.
 */
export async function createEmptyPostgresDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
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
