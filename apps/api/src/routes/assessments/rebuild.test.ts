import { type ReassessReport, reassessReportSchema } from '@autonomy/contracts';
import { getAreaBySlug, listAuditEvents } from '@autonomy/db';
import { DEFAULT_SETTINGS } from '@autonomy/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recomputeFromScratch, storedState } from '../../../test/assessment-check.ts';
import { Harness, type TestUser } from '../../../test/harness.ts';
import { workedExampleCsv } from '../../../test/worked-example.ts';

let harness: Harness;
let admin: TestUser;

beforeAll(async () => {
  harness = await Harness.start();
  admin = await harness.user('admin');
  await harness.importCsv(workedExampleCsv, admin);
}, 30_000);
afterAll(() => harness.stop());

async function rebuild(): Promise<ReassessReport> {
  const response = await harness.request('/api/v1/assessments/rebuild', { method: 'POST', as: admin });
  expect(response.status).toBe(200);
  return reassessReportSchema.parse(await response.json());
}

describe('POST /api/v1/assessments/rebuild', () => {
  it('finds nothing to mend after ordinary writes, and says so', async () => {
    const months = workedExampleCsv.trim().split('\n').length - 1;
    expect(await rebuild()).toEqual({
      areas: 5,
      months,
      differed: 0,
      differences: [],
      signalsRaised: 0,
      signalsRefreshed: 0,
      signalsCleared: 0,
    });
  });

  it('names each stored assessment that was missing, wrong or left over, mends them all, and is audited', async () => {
    const search = (await getAreaBySlug(harness.db, 'search'))!;
    const payments = (await getAreaBySlug(harness.db, 'payments'))!;
    await harness.db.execute(sql`delete from area_assessments where area_id = ${search.id} and month = '2024-11'`);
    await harness.db.execute(sql`update area_assessments set ownership_index = 0, severity = 'watch' where area_id = ${payments.id} and month = '2024-06'`);
    await harness.db.execute(sql`
      insert into area_assessments (area_id, month, ownership_index, centralisation_index, drift_state)
      values (${payments.id}, '2019-01', 50, 50, 'insufficient_data')`);

    const report = await rebuild();
    expect(report.differed).toBe(3);
    expect(report.differences).toEqual(
      expect.arrayContaining([
        { areaSlug: 'search', month: '2024-11', problem: 'missing' },
        { areaSlug: 'payments', month: '2024-06', problem: ['ownershipIndex', 'severity'] },
        { areaSlug: 'payments', month: '2019-01', problem: 'stale' },
      ]),
    );
    expect(await storedState(harness.db)).toEqual(await recomputeFromScratch(harness.db, DEFAULT_SETTINGS));
    const [event] = await listAuditEvents(harness.db, { limit: 1 });
    expect(event).toMatchObject({ action: 'assessments.rebuilt', actorEmail: admin.email, after: { differed: 3, areas: 5 } });
  });

  it('is for admins only', async () => {
    const executive = await harness.user('executive');
    const response = await harness.request('/api/v1/assessments/rebuild', { method: 'POST', as: executive });
    expect(response.status).toBe(403);
  });
});
