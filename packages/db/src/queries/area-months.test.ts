import type { AreaMonthFigures } from '@autonomy/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, resetDatabase, type TestDatabase } from '../test/index.ts';
import { createArea } from './areas.ts';
import { getAreaMonth, importAreaMonths, listAreaFigures, listMonthsWithFigures, putAreaMonth } from './area-months.ts';
import { createUser } from './users.ts';

const figures: AreaMonthFigures = {
  revenueTarget: 1_000_000.5,
  revenueActual: 900_000,
  marketingDedicatedFte: 2.5,
  marketingSharedFte: 0.5,
  salesDedicatedFte: 3,
  salesSharedFte: 1,
  hiresTotal: 4,
  hiresLeadOwned: 3,
  decisionsTotal: 10,
  decisionsCentral: 2,
  sharedServiceDependencies: 1,
  mandatoryProcesses: 2,
  approvalLatencyDays: 3.5,
  targetOwner: 'area',
};

let database: TestDatabase;
let userId: string;
let areaId: string;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.destroy();
});
beforeEach(async () => {
  await resetDatabase(database);
  const user = await createUser(database.db, { email: 'Lead@Example.com', name: 'Lead', role: 'area_lead', passwordHash: 'x' });
  const area = await createArea(database.db, { slug: 'payments', name: 'Payments', description: '' });
  if (!user || !area) throw new Error('fixtures were not created');
  userId = user.id;
  areaId = area.id;
});

async function versionAfter(write: ReturnType<typeof putAreaMonth>): Promise<number> {
  const result = await write;
  if (result.outcome === 'version_mismatch') throw new Error('the write was refused');
  return result.row.version;
}

describe('putAreaMonth', () => {
  it('creates, then gives every write a new, higher version, and keeps decimals exact', async () => {
    const created = await putAreaMonth(database.db, { areaId, month: '2024-05', figures, userId });
    if (created.outcome !== 'created') throw new Error(`expected created, got ${created.outcome}`);
    const updated = await putAreaMonth(database.db, {
      areaId,
      month: '2024-05',
      figures: { ...figures, hiresTotal: 5 },
      userId,
    });
    expect(updated).toMatchObject({ outcome: 'updated', row: { hiresTotal: 5 } });
    if (updated.outcome !== 'updated') return;
    expect(updated.row.version).toBeGreaterThan(created.row.version);
    const row = await getAreaMonth(database.db, areaId, '2024-05');
    expect(row).toMatchObject({ revenueTarget: 1_000_000.5, marketingDedicatedFte: 2.5, approvalLatencyDays: 3.5 });
  });

  it('refuses a write based on a stale version and leaves the row as it was', async () => {
    const first = await versionAfter(putAreaMonth(database.db, { areaId, month: '2024-05', figures, userId }));
    const second = await versionAfter(putAreaMonth(database.db, { areaId, month: '2024-05', figures, userId, expectedVersion: first }));
    const stale = await putAreaMonth(database.db, {
      areaId,
      month: '2024-05',
      figures: { ...figures, hiresTotal: 9 },
      userId,
      expectedVersion: first,
    });
    expect(stale).toEqual({ outcome: 'version_mismatch' });
    expect(await getAreaMonth(database.db, areaId, '2024-05')).toMatchObject({ version: second, hiresTotal: 4 });
  });

  it('lets exactly one of many concurrent writers holding the same version win', async () => {
    const read = await versionAfter(putAreaMonth(database.db, { areaId, month: '2024-05', figures, userId }));
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        putAreaMonth(database.db, {
          areaId,
          month: '2024-05',
          figures: { ...figures, hiresTotal: 10 + index },
          userId,
          expectedVersion: read,
        }),
      ),
    );
    const winners = results.flatMap((result) => (result.outcome === 'updated' ? [result.row] : []));
    expect(winners).toHaveLength(1);
    expect(await getAreaMonth(database.db, areaId, '2024-05')).toMatchObject({ version: winners[0]?.version, hiresTotal: winners[0]?.hiresTotal });
  });
});

describe('importAreaMonths', () => {
  it('creates missing areas, inserts and replaces months, and counts each', async () => {
    await putAreaMonth(database.db, { areaId, month: '2024-05', figures, userId });
    const outcome = await importAreaMonths(
      database.db,
      [
        { areaSlug: 'payments', areaName: 'Payments', month: '2024-05', ...figures, hiresTotal: 7 },
        { areaSlug: 'payments', areaName: 'Payments', month: '2024-06', ...figures },
        { areaSlug: 'search', areaName: 'Search', month: '2024-06', ...figures, targetOwner: 'central' },
      ],
      userId,
    );
    expect(outcome).toMatchObject({ areasCreated: 1, monthsCreated: 2, monthsUpdated: 1 });
    expect([...outcome.areaIdsBySlug.keys()].sort()).toEqual(['payments', 'search']);
    expect(outcome.areaIdsBySlug.get('payments')).toBe(areaId);
    const rows = await listAreaFigures(database.db);
    expect(rows.map((row) => [row.areaSlug, row.month, row.hiresTotal, row.targetOwner])).toEqual([
      ['payments', '2024-05', 7, 'area'],
      ['payments', '2024-06', 4, 'area'],
      ['search', '2024-06', 4, 'central'],
    ]);
    expect(await listMonthsWithFigures(database.db)).toEqual(['2024-06', '2024-05']);
  });

  it('imports thousands of rows across batches', async () => {
    const rows = Array.from({ length: 2500 }, (_, index) => ({
      areaSlug: `area-${Math.floor(index / 100)}`,
      areaName: `Area ${Math.floor(index / 100)}`,
      month: `${2000 + Math.floor((index % 100) / 12)}-${String((index % 12) + 1).padStart(2, '0')}`,
      ...figures,
    }));
    const outcome = await importAreaMonths(database.db, rows, userId);
    expect(outcome).toMatchObject({ areasCreated: 25, monthsCreated: 2500, monthsUpdated: 0 });
    expect(await listAreaFigures(database.db, { upToMonth: '2000-12' })).toHaveLength(25 * 12);
  });
});
