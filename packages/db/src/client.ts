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
  /**
   * What the engine does not do by itself after many rows changed (an import, a reassessment of
   * every area): PGlite has no autovacuum, so its dead rows and stale planner statistics would
   * pile up (a portfolio read three times slower after a 100,000-row import). PostgreSQL's own
   * autovacuum sees to it there. Not inside a transaction.
   */
  afterBulkWrite(): Promise<void>;
  /**
   * Runs `work` (start-up: migrations, the first fill, the first admin, the demo) while holding the
   * database-wide start-up lock, so replicas starting together on one PostgreSQL database take
   * turns: the first migrates and seeds, the next find it done. PGlite's data folder has one
   * process, so there it just runs.
   */
  alone<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type DatabaseOptions =
  | { kind: 'postgres'; url: string; maxConnections?: number }
  | { kind: 'embedded'; dataDir: string }
  | { kind: 'embedded'; inMemory: true };

/**
 * The tables that imports and full reassessments rewrite by the thousand, and that the portfolio
 * reads. Not the tables that foreign keys point at (areas, signals): there, statistics taken while
 * a table is small make the key checks of a later bulk insert scan it row by row, and an import
 * raising 20,000 signals went from seconds to minutes. Never analysed, they are assumed large.
 */
const BULK_WRITTEN_TABLES = 'area_months, area_assessments';

export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  return options.kind === 'postgres' ? openPostgres(options.url, options.maxConnections) : openEmbedded(options);
}

/**
 * Bounds on waiting for PostgreSQL, so that while it is unreachable a request fails within
 * seconds (the API answers 503) instead of hanging: a connection attempt gives up after
 * CONNECT_TIMEOUT_SECONDS, and the server cancels any statement running longer than
 * STATEMENT_TIMEOUT_MS (generous: the largest import batch takes well under a second).
 * postgres.js waits before reconnecting after failed attempts, by default up to 20 s, and a
 * query needing that connection waits with it: capped at a second, so a request meets a refused
 * connection (503) within about a second, and the first query after a restart succeeds as fast.
 */
const CONNECT_TIMEOUT_SECONDS = 5;
const STATEMENT_TIMEOUT_MS = 30_000;
const reconnectDelaySeconds = (failedAttempts: number) => Math.min(0.05 * 2 ** failedAttempts, 1);

function openPostgres(url: string, maxConnections = 10): DatabaseHandle {
  const client = postgres(url, {
    max: maxConnections,
    connect_timeout: CONNECT_TIMEOUT_SECONDS,
    backoff: reconnectDelaySeconds,
    connection: { statement_timeout: STATEMENT_TIMEOUT_MS },
    // Notices such as "relation already exists, skipping" from the migrator are noise here.
    onnotice: () => {},
  });
  const db = drizzlePostgres(client, { schema }) as unknown as Database;
  return {
    db,
    kind: 'postgres',
    migrate: (options) => migratePostgres(drizzlePostgres(client), { migrationsFolder: options?.migrationsFolder ?? migrationsFolder }),
    ping: async () => {
      await client`select 1`;
    },
    afterBulkWrite: async () => {},
    alone: async (work) => {
      // A session lock needs one session: a connection of its own for as long as the work runs.
      const session = await client.reserve();
      try {
        await session`select pg_advisory_lock(hashtext('autonomy.start-up'))`;
        return await work();
      } finally {
        await session`select pg_advisory_unlock(hashtext('autonomy.start-up'))`.catch(() => {});
        session.release();
      }
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
    afterBulkWrite: async () => {
      await pglite.execute(sql.raw(`vacuum analyze ${BULK_WRITTEN_TABLES}`));
    },
    alone: (work) => work(),
    close: () => client.close(),
  };
}
