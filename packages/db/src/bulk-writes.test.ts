import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from './client.ts';

// PGlite runs no autovacuum: after a bulk write its planner would go on believing the tables hold
// what they held before (a portfolio read was three times slower after a 100,000-row import).
// This is about the embedded engine itself, so it runs on PGlite whatever DATABASE_URL says.
let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openDatabase({ kind: 'embedded', inMemory: true });
  await handle.migrate();
});
afterAll(() => handle?.close());

const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];

describe('afterBulkWrite on the embedded database', () => {
  it('brings the planner’s row counts up to date after rows were inserted and updated', async () => {
    await handle.db.execute(sql`insert into areas (slug, name) select 'bulk-' || n, 'Bulk ' || n from generate_series(1, 50) n`);
    await handle.db.execute(sql`
      insert into area_months (area_id, month, revenue_target, revenue_actual, marketing_dedicated_fte, marketing_shared_fte,
        sales_dedicated_fte, sales_shared_fte, hires_total, hires_lead_owned, decisions_total, decisions_central,
        shared_service_dependencies, mandatory_processes, approval_latency_days, target_owner)
      select a.id, to_char(date '2020-01-01' + (m || ' months')::interval, 'YYYY-MM'), 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 'area'
      from areas a cross join generate_series(0, 99) m`);
    await handle.db.execute(sql`update area_months set approval_latency_days = 2`);
    const stats = async () =>
      rowsOf<{ reltuples: number }>(await handle.db.execute(sql`select reltuples::int as reltuples from pg_class where relname = 'area_months'`))[0];
    const before = await stats();
    // Never analysed: the planner does not know the 5,000 rows.
    expect(before?.reltuples).not.toBe(5000);

    await handle.afterBulkWrite();
    expect((await stats())?.reltuples).toBe(5000);
  });

  it('leaves the tables foreign keys point at (areas, signals) unanalysed, so key checks keep using their indexes', async () => {
    await handle.afterBulkWrite();
    const estimates = rowsOf<{ relname: string; reltuples: number }>(
      await handle.db.execute(sql`select relname, reltuples::int as reltuples from pg_class where relname in ('areas', 'signals', 'users') order by relname`),
    );
    // -1: never analysed, so the planner assumes they are large rather than the few rows they hold now.
    expect(estimates).toEqual([
      { relname: 'areas', reltuples: -1 },
      { relname: 'signals', reltuples: -1 },
      { relname: 'users', reltuples: -1 },
    ]);
  });
});

