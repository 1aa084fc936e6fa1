import { areaMonthFiguresSchema, monthSchema, slugSchema } from '@autonomy/contracts';
import { addMonths, assessArea, type AreaMonthAssessment, monthRange } from '@autonomy/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listAreaFigures } from '../queries/area-months.ts';
import { createArea, getAreaBySlug } from '../queries/areas.ts';
import { listAuditEvents } from '../queries/audit.ts';
import { listMonthTargets, listTargetChanges } from '../queries/targets.ts';
import { createUser, getLedAreaSlugs, getUserByEmail } from '../queries/users.ts';
import { areaLeads, areaMonths, areas, auditEvents, targetChanges, users } from '../schema/index.ts';
import { createTestDatabase, resetDatabase, type TestDatabase } from '../test/index.ts';
import { buildDemoOrganisation, type DemoOrganisation, seedDemoOrganisation } from './index.ts';

const END_MONTH = '2025-06';
const demo = buildDemoOrganisation({ endMonth: END_MONTH });

function rowsOf(organisation: DemoOrganisation, slug: string) {
  return organisation.rows.filter((row) => row.areaSlug === slug);
}

function monthsBack(month: string, count: number): string {
  const [year, monthOfYear] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + monthOfYear - 1 - count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

describe('buildDemoOrganisation', () => {
  it('gives the same organisation for the same options', () => {
    expect(buildDemoOrganisation({ endMonth: END_MONTH })).toEqual(demo);
    expect(buildDemoOrganisation({ endMonth: END_MONTH, months: 24 })).toEqual(demo);
  });

  it('tells the same story whatever the latest month: only the calendar moves', () => {
    const later = buildDemoOrganisation({ endMonth: '2031-01' });
    const withoutMonths = (organisation: DemoOrganisation) => organisation.rows.map(({ month: _month, ...row }) => row);
    expect(withoutMonths(later)).toEqual(withoutMonths(demo));
    expect(later.rows.at(-1)?.month).toBe('2031-01');
  });

  it('has ten areas with 24 consecutive months each up to the latest, but for the deliberate gap', () => {
    expect(demo.areas).toHaveLength(10);
    expect(new Set(demo.areas.map((area) => area.slug)).size).toBe(10);
    expect(demo.rows).toHaveLength(10 * 24 - 1);
    const expectedMonths = Array.from({ length: 24 }, (_, index) => monthsBack(END_MONTH, 23 - index));
    for (const area of demo.areas) {
      const months = rowsOf(demo, area.slug).map((row) => row.month);
      const gap = area.slug === 'identity' ? [monthsBack(END_MONTH, 1)] : [];
      expect(months, area.slug).toEqual(expectedMonths.filter((month) => !gap.includes(month)));
    }
  });

  it('writes only figures the contracts accept', () => {
    for (const { areaSlug, areaName, month, ...figures } of demo.rows) {
      const where = `${areaSlug} ${month}`;
      expect(slugSchema.safeParse(areaSlug).success, where).toBe(true);
      expect(monthSchema.safeParse(month).success, where).toBe(true);
      expect(areaName.length, where).toBeGreaterThan(0);
      const parsed = areaMonthFiguresSchema.safeParse(figures);
      expect(parsed.error?.issues ?? [], where).toEqual([]);
    }
  });

  it('keeps the figures within believable ranges for a fast-growing company', () => {
    for (const row of demo.rows) {
      const where = `${row.areaSlug} ${row.month}`;
      expect(row.revenueTarget, where).toBeGreaterThanOrEqual(100_000);
      expect(row.revenueTarget, where).toBeLessThanOrEqual(5_000_000);
      expect(row.revenueActual / row.revenueTarget, where).toBeGreaterThanOrEqual(0.85);
      expect(row.revenueActual / row.revenueTarget, where).toBeLessThanOrEqual(1.15);
      for (const fte of [row.marketingDedicatedFte, row.salesDedicatedFte]) expect(fte, where).toBeLessThanOrEqual(8);
      for (const fte of [row.marketingSharedFte, row.salesSharedFte]) expect(fte, where).toBeLessThanOrEqual(6);
      expect(row.hiresTotal, where).toBeLessThanOrEqual(5);
      expect(row.decisionsTotal, where).toBeGreaterThanOrEqual(5);
      expect(row.decisionsTotal, where).toBeLessThanOrEqual(25);
      expect(row.sharedServiceDependencies, where).toBeLessThanOrEqual(8);
      expect(row.mandatoryProcesses, where).toBeGreaterThanOrEqual(1);
      expect(row.mandatoryProcesses, where).toBeLessThanOrEqual(14);
      expect(row.approvalLatencyDays, where).toBeGreaterThanOrEqual(1);
      expect(row.approvalLatencyDays, where).toBeLessThanOrEqual(20);
    }
    // Months without hires are what makes the hiring share carry forward.
    expect(demo.rows.filter((row) => row.hiresTotal === 0).length).toBeGreaterThanOrEqual(10);
    // A growing company: every area's target ends well above where it started.
    for (const area of demo.areas) {
      const rows = rowsOf(demo, area.slug);
      expect(rows.at(-1)!.revenueTarget, area.slug).toBeGreaterThan(1.5 * rows[0]!.revenueTarget);
    }
  });

  it('has an executive, two area leads of 3–4 areas each (one area shared) and a viewer, matching the areas’ leads', () => {
    expect(demo.users.map((user) => user.role).sort()).toEqual(['area_lead', 'area_lead', 'executive', 'viewer']);
    expect(demo.users.find((user) => user.role === 'executive')).toMatchObject({
      email: 'exec@demo.example',
      name: 'Erin Executive',
    });
    for (const user of demo.users) {
      expect(user.email).toMatch(/^[a-z.]+@demo\.example$/);
      expect(user.password.length).toBeGreaterThanOrEqual(10);
      if (user.role === 'area_lead') {
        expect(user.leads.length).toBeGreaterThanOrEqual(3);
        expect(user.leads.length).toBeLessThanOrEqual(4);
      } else {
        expect(user.leads).toEqual([]);
      }
      const ledAreas = demo.areas.filter((area) => area.leadEmails.includes(user.email)).map((area) => area.slug);
      expect(ledAreas.sort()).toEqual([...user.leads].sort());
    }
    for (const area of demo.areas) expect(area.description.length, area.slug).toBeGreaterThan(20);
  });

  it('refuses an invalid latest month or history length', () => {
    expect(() => buildDemoOrganisation({ endMonth: '2025-13' })).toThrow(RangeError);
    expect(() => buildDemoOrganisation({ endMonth: '2025-6' })).toThrow(RangeError);
    expect(() => buildDemoOrganisation({ endMonth: END_MONTH, months: 3 })).toThrow(RangeError);
  });
});

describe('the story on the first screen (the latest month)', () => {
  const latest = new Map<string, AreaMonthAssessment>();
  const history = new Map<string, AreaMonthAssessment[]>();
  for (const area of demo.areas) {
    const assessments = assessArea(rowsOf(demo, area.slug));
    history.set(area.slug, assessments);
    const last = assessments.at(-1);
    if (last) latest.set(area.slug, last);
  }
  const assessmentOf = (slug: string): AreaMonthAssessment => {
    const assessment = latest.get(slug);
    if (!assessment) throw new Error(`no assessment for ${slug}`);
    return assessment;
  };

  it('assesses every area in the latest month', () => {
    expect([...latest.values()].map((assessment) => assessment.month)).toEqual(demo.areas.map(() => END_MONTH));
  });

  it('shows Checkout in critical Chipotle drift, critical on its magnitude alone', () => {
    const checkout = assessmentOf('checkout');
    expect(checkout.driftState).toBe('drift');
    expect(checkout.drift?.severity).toBe('critical');
    // Not only by escalation: well past the critical band of 20 points on both sides.
    expect(checkout.drift?.magnitude).toBeGreaterThanOrEqual(25);
    expect(checkout.ownershipDelta).toBeLessThanOrEqual(-40);
    expect(rowsOf(demo, 'checkout').at(-1)?.targetOwner).toBe('central');
  });

  it('shows Mobile starting to drift: a warning, well inside its band', () => {
    const mobile = assessmentOf('mobile');
    expect(mobile.driftState).toBe('drift');
    expect(mobile.drift?.severity).toBe('warning');
    expect(mobile.drift?.magnitude).toBeGreaterThanOrEqual(12);
    expect(mobile.drift?.magnitude).toBeLessThanOrEqual(18);
    // Two months in, so not escalated.
    expect(mobile.drift?.consecutiveMonths).toBeLessThan(3);
  });

  it('has at least two areas in drift, one of them critical', () => {
    const drifting = [...latest.values()].filter((assessment) => assessment.driftState === 'drift');
    expect(drifting.length).toBeGreaterThanOrEqual(2);
    expect(drifting.some((assessment) => assessment.drift?.severity === 'critical')).toBe(true);
  });

  it('keeps Data Platform clear: centralised, but ownership rose with it', () => {
    const dataPlatform = assessmentOf('data-platform');
    expect(dataPlatform.driftState).toBe('clear');
    expect(dataPlatform.centralisationDelta).toBeGreaterThanOrEqual(10);
    expect(dataPlatform.ownershipDelta).toBeGreaterThanOrEqual(5);
  });

  it('keeps Marketplace clear of Chipotle drift although its ownership eroded', () => {
    const marketplace = assessmentOf('marketplace');
    expect(marketplace.driftState).toBe('clear');
    expect(marketplace.ownershipDelta).toBeLessThanOrEqual(-15);
    expect(marketplace.centralisationDelta).toBeLessThan(2.5);
  });

  it('shows Identity as not enough data: last month’s figures are missing', () => {
    expect(assessmentOf('identity')).toMatchObject({
      driftState: 'insufficient_data',
      ownershipDelta: null,
      centralisationDelta: null,
    });
  });

  it('has the steady areas clear by a wide margin, in every month', () => {
    const steady = ['payments', 'search', 'growth', 'billing', 'developer-platform', 'identity'];
    const clear = [...latest.values()].filter((assessment) => assessment.driftState === 'clear');
    expect(clear.length).toBeGreaterThanOrEqual(5);
    for (const slug of steady) {
      for (const assessment of history.get(slug) ?? []) {
        const where = `${slug} ${assessment.month}`;
        expect(assessment.driftState, where).not.toBe('drift');
        if (assessment.ownershipDelta === null || assessment.centralisationDelta === null) continue;
        // Below the 5-point thresholds either way: never drift, never even erosion.
        expect(Math.abs(assessment.ownershipDelta), where).toBeLessThan(4.5);
        expect(Math.abs(assessment.centralisationDelta), where).toBeLessThan(4.5);
      }
    }
  });
});

describe('seedDemoOrganisation', () => {
  let database: TestDatabase;
  let actor: { id: string; email: string; name: string };
  const hashPassword = async (plain: string) => `test-hash:${plain}`;

  const tables = { areas, areaMonths, users, areaLeads, auditEvents, targetChanges };
  const countRows = async (table: keyof typeof tables) => {
    const [row] = await database.db.select({ count: sql<number>`count(*)::int` }).from(tables[table]);
    return row?.count;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.destroy();
  });
  beforeEach(async () => {
    await resetDatabase(database);
    const admin = await createUser(database.db, {
      email: 'admin@example.com',
      name: 'Ada Admin',
      role: 'admin',
      passwordHash: 'x',
    });
    if (!admin) throw new Error('the admin was not created');
    actor = { id: admin.id, email: admin.email, name: admin.name };
  });

  it('inserts the counts it returns: areas, leads, every row, the demo users and one audit event', async () => {
    const result = await seedDemoOrganisation(database.db, { endMonth: END_MONTH, hashPassword, actor });

    expect(result.areas).toBe(10);
    expect(result.rows).toBe(10 * 24 - 1);
    expect(result.users).toEqual(demo.users.map(({ email, password, role }) => ({ email, password, role })));
    expect(await countRows('areas')).toBe(result.areas);
    expect(await countRows('areaMonths')).toBe(result.rows);
    expect(await countRows('users')).toBe(1 + result.users.length);
    expect(await countRows('areaLeads')).toBe(demo.areas.reduce((sum, area) => sum + area.leadEmails.length, 0));
    expect(await countRows('targetChanges')).toBe(demo.targetPlans.length);

    const stored = await listAreaFigures(database.db);
    const byKey = (row: { areaSlug: string; month: string }) => `${row.areaSlug} ${row.month}`;
    const expected = [...demo.rows].sort((a, b) => byKey(a).localeCompare(byKey(b)));
    expect(stored.map(({ areaId: _id, areaStatus: _status, ...row }) => row)).toEqual(expected);

    const checkout = await getAreaBySlug(database.db, 'checkout');
    expect(checkout).toMatchObject({
      name: 'Checkout',
      description: demo.areas.find((area) => area.slug === 'checkout')?.description,
    });
    for (const user of demo.users) {
      const row = await getUserByEmail(database.db, user.email);
      expect(row).toMatchObject({ name: user.name, role: user.role, passwordHash: `test-hash:${user.password}` });
      expect(await getLedAreaSlugs(database.db, row!.id)).toEqual([...user.leads].sort());
    }

    const events = await listAuditEvents(database.db, { limit: 10 });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'demo.seeded',
      actorEmail: 'admin@example.com',
      after: { endMonth: END_MONTH, areas: 10, rows: 10 * 24 - 1 },
    });
  });

  it('refuses to seed twice and leaves the first seed as it was', async () => {
    await seedDemoOrganisation(database.db, { endMonth: END_MONTH, hashPassword, actor });
    await expect(seedDemoOrganisation(database.db, { endMonth: '2025-07', hashPassword, actor })).rejects.toThrow(
      /already has areas/,
    );
    expect(await countRows('areaMonths')).toBe(10 * 24 - 1);
    expect(await countRows('users')).toBe(1 + demo.users.length);
    expect(await countRows('auditEvents')).toBe(1);
  });

  it('refuses a database with any real area, and changes nothing', async () => {
    await createArea(database.db, { slug: 'payroll', name: 'Payroll', description: '' });
    await expect(seedDemoOrganisation(database.db, { endMonth: END_MONTH, hashPassword, actor })).rejects.toThrow(
      /already has areas/,
    );
    expect(await countRows('areas')).toBe(1);
    expect(await countRows('users')).toBe(1);
    expect(await countRows('auditEvents')).toBe(0);
  });

  it("plans each area's next quarter: three planned months after the latest, set by its lead with a reason", async () => {
    await seedDemoOrganisation(database.db, { endMonth: END_MONTH, hashPassword, actor });
    const checkout = await getAreaBySlug(database.db, 'checkout');
    const targets = await listMonthTargets(database.db, checkout!.id);
    const planned = targets.filter((target) => target.planned);
    expect(planned.map((target) => target.month)).toEqual(monthRange(addMonths(END_MONTH, 1), addMonths(END_MONTH, 3)));
    // Growing like the figures before it: above the latest month's target.
    expect(planned[0]!.revenueTarget).toBeGreaterThan(targets.at(-4)!.revenueTarget);
    const [change] = await listTargetChanges(database.db, checkout!.id, { limit: 5 });
    expect(change).toMatchObject({ source: 'target', reason: 'Plan for the coming quarter', actorEmail: 'priya.raman@demo.example' });
  });

  it('leaves an existing user with a demo email alone, and still makes them the lead of their areas', async () => {
    const existing = await createUser(database.db, {
      email: 'priya.raman@demo.example',
      name: 'Priya (real)',
      role: 'area_lead',
      passwordHash: 'kept',
    });
    const result = await seedDemoOrganisation(database.db, { endMonth: END_MONTH, hashPassword, actor });

    expect(result.users.map((user) => user.email)).not.toContain('priya.raman@demo.example');
    expect(result.users).toHaveLength(demo.users.length - 1);
    expect(await getUserByEmail(database.db, 'priya.raman@demo.example')).toMatchObject({
      name: 'Priya (real)',
      passwordHash: 'kept',
    });
    expect(await getLedAreaSlugs(database.db, existing!.id)).toEqual(['billing', 'checkout', 'growth', 'payments']);
  });
});
