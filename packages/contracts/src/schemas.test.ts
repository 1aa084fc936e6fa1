import { describe, expect, it } from 'vitest';
import { updateAreaSchema, createAreaSchema } from './area.ts';
import { areaMonthFiguresSchema } from './area-month.ts';
import { loginSchema } from './auth.ts';
import { monthSchema, pageQuerySchema, slugSchema } from './primitives.ts';
import { daySchema } from './reviews.ts';
import { targetChangeRequestSchema } from './targets.ts';

const figures = {
  revenueTarget: 1000,
  revenueActual: 950.5,
  marketingDedicatedFte: 1.5,
  marketingSharedFte: 0,
  salesDedicatedFte: 2,
  salesSharedFte: 0.25,
  hiresTotal: 3,
  hiresLeadOwned: 3,
  decisionsTotal: 10,
  decisionsCentral: 0,
  sharedServiceDependencies: 0,
  mandatoryProcesses: 0,
  approvalLatencyDays: 0,
  targetOwner: 'area',
};

const pathsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  (result.error?.issues ?? []).map((issue) => issue.path.join('.'));

describe('primitives', () => {
  it.each(['2024-01', '1999-12', '2030-10', '1900-01', '9999-12'])('accepts the month %s', (month) => {
    expect(monthSchema.safeParse(month).success).toBe(true);
  });
  it.each(['2024-1', '2024-00', '2024-13', '24-01', '2024-01-01', '', '0000-01', '0099-01', '1899-12'])('refuses the month %j', (month) => {
    expect(monthSchema.safeParse(month).success).toBe(false);
  });
  it.each(['ab', 'data-platform', 'a'.repeat(64), 'x9'])('accepts the slug %s', (slug) => {
    expect(slugSchema.safeParse(slug).success).toBe(true);
  });
  it.each(['a', 'Payments', 'data_platform', 'a'.repeat(65), 'pay ments'])('refuses the slug %j', (slug) => {
    expect(slugSchema.safeParse(slug).success).toBe(false);
  });
  it('accepts days from 1900-01-01 on, and gives a malformed day one message', () => {
    expect(daySchema.safeParse('1900-01-01').success).toBe(true);
    expect(daySchema.safeParse('2028-02-29').success).toBe(true);
    expect(daySchema.safeParse('1899-12-31').error?.issues.map((issue) => issue.message)).toEqual(['must be a date from 1900-01-01 on']);
    expect(daySchema.safeParse('0099-01-05').success).toBe(false);
    expect(daySchema.safeParse('15/12/2026').error?.issues.map((issue) => issue.message)).toEqual(['must be a date written YYYY-MM-DD']);
  });
  it('pages 100 by default and at most 1,000', () => {
    expect(pageQuerySchema.parse({})).toEqual({ limit: 100 });
    expect(pageQuerySchema.parse({ limit: '1000' }).limit).toBe(1000);
    expect(pageQuerySchema.safeParse({ limit: '1001' }).success).toBe(false);
  });
});

describe('areaMonthFiguresSchema', () => {
  it('accepts fractional money and FTE, whole counts', () => {
    expect(areaMonthFiguresSchema.parse(figures)).toEqual(figures);
  });

  it('names each field that breaks a rule', () => {
    const result = areaMonthFiguresSchema.safeParse({
      ...figures,
      revenueActual: -1,
      hiresTotal: 2.5,
      mandatoryProcesses: -1,
      approvalLatencyDays: Number.POSITIVE_INFINITY,
      targetOwner: 'centre',
    });
    expect(pathsOf(result).sort()).toEqual(['approvalLatencyDays', 'hiresTotal', 'mandatoryProcesses', 'revenueActual', 'targetOwner']);
  });

  it('refuses owned hires above the total and central decisions above the total', () => {
    const result = areaMonthFiguresSchema.safeParse({ ...figures, hiresLeadOwned: 4, decisionsCentral: 11 });
    expect(pathsOf(result)).toEqual(['hiresLeadOwned', 'decisionsCentral']);
  });

  it('refuses figures beyond what the database stores (numeric(18,4), 32-bit counts)', () => {
    expect(areaMonthFiguresSchema.safeParse({ ...figures, revenueTarget: 99_999_999_999_999 }).success).toBe(true);
    const result = areaMonthFiguresSchema.safeParse({
      ...figures,
      revenueTarget: 1e14,
      salesSharedFte: 1e300,
      hiresTotal: 2_147_483_648,
      hiresLeadOwned: 0,
    });
    expect(pathsOf(result)).toEqual(['revenueTarget', 'salesSharedFte', 'hiresTotal']);
  });

  it('refuses money, FTE and days with more than the four decimals the database keeps', () => {
    expect(areaMonthFiguresSchema.safeParse({ ...figures, revenueTarget: 0.1, salesSharedFte: 1234.5678 }).success).toBe(true);
    const result = areaMonthFiguresSchema.safeParse({
      ...figures,
      revenueTarget: 1e-7,
      salesSharedFte: 0.12345,
      approvalLatencyDays: 2.00001,
    });
    expect(pathsOf(result)).toEqual(['revenueTarget', 'salesSharedFte', 'approvalLatencyDays']);
    expect(result.error?.issues[0]?.message).toBe('must have at most 4 decimal places');
    expect(targetChangeRequestSchema.safeParse({ from: '2024-01', revenueTarget: 1e-7, reason: 'Plan' }).success).toBe(false);
  });

  it('refuses missing and unknown fields', () => {
    const { revenueTarget: _missing, ...rest } = figures;
    expect(pathsOf(areaMonthFiguresSchema.safeParse(rest))).toEqual(['revenueTarget']);
    expect(areaMonthFiguresSchema.safeParse({ ...figures, hiresLeadowned: 1 }).success).toBe(false);
  });
});

describe('area and sign-in bodies', () => {
  it('normalises emails and defaults the description', () => {
    expect(createAreaSchema.parse({ slug: 'search', name: ' Search ', leadEmail: ' Lead@Example.COM ' })).toEqual({
      slug: 'search',
      name: 'Search',
      description: '',
      leadEmail: 'lead@example.com',
    });
    expect(loginSchema.parse({ email: 'A@B.co', password: 'x' }).email).toBe('a@b.co');
  });

  it('refuses the NUL character in text that is stored', () => {
    const result = createAreaSchema.safeParse({ slug: 'search', name: 'Sea\u0000rch', description: '\u0000' });
    expect(pathsOf(result)).toEqual(['name', 'description']);
  });

  it('needs at least one change in a patch and allows clearing the lead', () => {
    expect(updateAreaSchema.safeParse({}).success).toBe(false);
    expect(updateAreaSchema.parse({ leadEmail: null })).toEqual({ leadEmail: null });
    expect(updateAreaSchema.safeParse({ status: 'deleted' }).success).toBe(false);
  });
});
