import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from './schema/index.ts';

/** What every query function takes: a database or a transaction, on either driver. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseKind = 'embedded' | 'postgres';

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseKind;
  /** Applies the committed SQL migrations that have not run yet (tests may name another folder, e.g. an older set). */
  migrate(options?: { migrationsFolder?: string }): Promise<void>;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseOptions =
  | { kind: 'postgres'; url: string; maxConnections?: number }
  | { kind: 'embedded'; dataDir: string }
  | { kind: 'embedded'; inMemory: true };

export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  return options.kind === 'postgres' ? openPostgres(options.url, options.maxConnections) : openEmbedded(options);
}

function openPostgres(url: string, maxConnections = 10): DatabaseHandle {
  // Notices such as "relation already exists, skipping" from the migrator are noise here.
  const client = postgres(url, { max: maxConnections, onnotice: () => {} });
  const db = drizzlePostgres(client, { schema }) as unknown as Database;
  return {
    db,
    kind: 'postgres',
    migrate: (options) => migratePostgres(drizzlePostgres(client), { migrationsFolder: options?.migrationsFolder ?? migrationsFolder }),
    ping: async () => {
      await client`select 1`;
    },
    close: () => client.end({ timeout: 5 }),
  };
}

async function openEmbedded(options: { dataDir: string } | { inMemory: true }): Promise<DatabaseHandle> {
  let client: PGlite;
  if ('dataDir' in options) {
    // PGlite does not create parent folders itself.
    mkdirSync(options.dataDir, { recursive: true });
    client = await PGlite.create(options.dataDir);
  } else {
    client = await PGlite.create();
  }
  const pglite = drizzlePglite(client, { schema });
  return {
    db: pglite as unknown as Database,
    kind: 'embedded',
    migrate: (options) => migratePglite(pglite, { migrationsFolder: options?.migrationsFolder ?? migrationsFolder }),
    ping: async () => {
      await pglite.execute(sql`select 1`);
    },
    close: () => client.close(),
  };
}
