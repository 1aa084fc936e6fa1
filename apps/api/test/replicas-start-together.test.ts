import { countUsers, openDatabase, rowsOf } from '@autonomy/db';
import { createEmptyPostgresDatabase } from '@autonomy/db/test';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../src/bootstrap.ts';

// Replicas behind a load balancer start together on one new PostgreSQL database: each migrates
// and may seed. They must take turns, or two run `CREATE TYPE` at once and one exits. On the
// embedded database one process owns the data folder, so this is about PostgreSQL only; it runs
// in both test runs, on the server DATABASE_URL names or the machine's own.
const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const drop of drops) await drop();
});

async function newDatabaseUrl(): Promise<string> {
  const { url, drop } = await createEmptyPostgresDatabase(serverUrl);
  drops.push(drop);
  return url;
}

describe('replicas starting together on a new PostgreSQL database', () => {
  it('migrate and seed one after the other: all start, the demo is seeded once', async () => {
    for (let trial = 0; trial < 3; trial++) {
      const url = await newDatabaseUrl();
      const replicas = await Promise.all([1, 2, 3].map(() => openDatabase({ kind: 'postgres', url, maxConnections: 4 })));
      try {
        const now = new Date('2026-12-07T12:00:00Z');
        const started = await Promise.allSettled(
          replicas.map((replica) => bootstrap(replica, { ADMIN_EMAIL: undefined, ADMIN_PASSWORD: undefined, SEED_DEMO: true }, now)),
        );
        expect(started.map((outcome) => (outcome.status === 'rejected' ? String(outcome.reason) : 'started'))).toEqual(['started', 'started', 'started']);
        const reports = started.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : undefined));
        expect(reports.filter((report) => report?.seeded)).toHaveLength(1);
        const db = replicas[0]!.db;
        const [areas] = rowsOf<{ count: number }>(await db.execute(sql`select count(*)::int as count from areas`));
        expect(areas?.count).toBe(10);
        expect(await countUsers(db)).toBeGreaterThan(1);
      } finally {
        for (const replica of replicas) await replica.close();
      }
    }
  }, 180_000);
});
