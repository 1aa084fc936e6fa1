import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { areaMonthFiguresObject } from '../area-month.ts';
import { createAreaSchema } from '../area.ts';
import { formatMetricsCsv, METRICS_CSV_COLUMNS, type MetricsCsvRow, parseMetricsCsv } from './index.ts';

// Files as Excel, BI tools and scripts write them (issue: "an import/export loop that survives real
// files"). Expected values are written out by hand from the brief and the issue, not computed.

const HEADER = METRICS_CSV_COLUMNS.join(',');
const FIGURES = '1200000,1150000.5,3,1.5,4,0.75,5,4,12,3,2,6,2.5,area';
const line = (month: string, figures = FIGURES, name = 'Payments') => `payments,${name},${month},${figures}`;

function only(text: string): MetricsCsvRow {
  const result = parseMetricsCsv(text);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.errors)}`);
  expect(result.rows).toHaveLength(1);
  return result.rows[0]!;
}

describe('months in the forms spreadsheets write them', () => {
  it.each([
    ['2026-11', '2026-11'],
    ['2026-11-01', '2026-11'],
    ['2026-11-01 00:00:00', '2026-11'],
    ['2026-11-01T00:00:00', '2026-11'],
    ['2026-11-01T00:00:00.000Z', '2026-11'],
    ['2026-11-01 00:00', '2026-11'],
    ['Nov-26', '2026-11'],
    ['nov-26', '2026-11'],
    ['Nov 2026', '2026-11'],
    ['NOV 2026', '2026-11'],
    ['November 2026', '2026-11'],
    ['Jan-99', '2099-01'],
    ['11/2026', '2026-11'],
    ['1/2026', '2026-01'],
    ['01/2026', '2026-01'],
    [' Sep 2024 ', '2024-09'],
    ['Sept 2024', '2024-09'],
    ['Nov. 2026', '2026-11'],
    ['Nov-2026', '2026-11'],
    ['2026/11', '2026-11'],
    ['2026/11/01', '2026-11'],
    ['2026-11-01T00:00:00+01:00', '2026-11'],
    // A first of the month written day first or month first: the reading that gives day 1 decides.
    ['11/1/2026', '2026-11'],
    ['1/11/2026', '2026-11'],
    ['01/11/2026', '2026-11'],
    ['11/01/2026 00:00', '2026-11'],
    ['1.11.2026', '2026-11'],
    ['1/1/2026', '2026-01'],
  ])('reads %j as %s', (written, month) => {
    expect(only(`${HEADER}\n${line(written)}\n`).month).toBe(month);
  });

  it('refuses a day within a month, naming the month it is in', () => {
    const result = parseMetricsCsv(`${HEADER}\n${line('2026-11-15')}\n`);
    expect(result).toMatchObject({
      ok: false,
      kind: 'invalid',
      errors: [{ row: 2, column: 'month', path: 'month', message: 'month "2026-11-15" is a day within a month; write the month (2026-11) or its first day' }],
    });
  });

  it.each([
    ['11/15/2026', 'month "11/15/2026" is a day within a month; write the month (such as 2026-11) or its first day'],
    ['15/11/2026', 'month "15/11/2026" is a day within a month; write the month (such as 2026-11) or its first day'],
    ['2026/11/15', 'month "2026/11/15" is a day within a month; write the month (2026-11) or its first day'],
  ])('refuses %j, a day that is not the first, naming its month', (written, message) => {
    const result = parseMetricsCsv(`${HEADER}\n${line(written)}\n`);
    expect(result).toMatchObject({ ok: false, errors: [{ row: 2, column: 'month', message }] });
  });

  it('finds two forms of one month on two rows a duplicate', () => {
    const result = parseMetricsCsv(`${HEADER}\n${line('2026-11')}\n${line('Nov-26')}\n`);
    expect(result).toMatchObject({
      ok: false,
      errors: [{ row: 3, path: '', message: 'payments 2026-11 already appears on line 2; each area and month may appear only once' }],
    });
  });
});

describe('numbers as scripts write them: the brief\'s float noise', () => {
  it.each([
    ['3.4000000000000004', 3.4],
    ['0.30000000000000004', 0.3],
    ['0.5999999999999996', 0.6],
    ['1150000.4999999999', 1_150_000.5],
    ['2.00000000001', 2],
    ['0.00000000000000000000000001', 0],
  ])('reads %s in an FTE, money or days column as %d', (written, value) => {
    const row = only(`${HEADER}\n${line('2024-09', `${written},${written},${written},1,1,1,1,1,1,1,1,1,${written},area`)}\n`);
    expect([row.revenueTarget, row.revenueActual, row.marketingDedicatedFte, row.approvalLatencyDays]).toEqual([value, value, value, value]);
  });

  it.each([
    ['2.9999999999999996', 3],
    ['12.0', 12],
    ['4.00', 4],
  ])('reads %s in a count column as %d', (written, value) => {
    const row = only(`${HEADER}\n${line('2024-09', `1,1,1,1,1,1,${written},${written},${written},${written},${written},${written},1,area`)}\n`);
    expect([row.hiresTotal, row.hiresLeadOwned, row.decisionsTotal, row.mandatoryProcesses]).toEqual([value, value, value, value]);
  });

  it('refuses a real fifth decimal beside the noise', () => {
    const result = parseMetricsCsv(`${HEADER}\n${line('2024-09', '1,1,3.40001,1,1,1,1,1,1,1,1,1,1,area')}\n`);
    expect(result).toMatchObject({
      ok: false,
      errors: [{ row: 2, column: 'marketing_dedicated_fte', message: 'marketing_dedicated_fte must have at most 4 decimal places, got "3.40001"' }],
    });
  });

  it('reads the noise in JSON bodies the same way', () => {
    const figures = {
      revenueTarget: 1_200_000,
      revenueActual: 1_150_000.4999999999,
      marketingDedicatedFte: 3.4000000000000004,
      marketingSharedFte: 0.30000000000000004,
      salesDedicatedFte: 4,
      salesSharedFte: 0.75,
      hiresTotal: 2.9999999999999996,
      hiresLeadOwned: 2,
      decisionsTotal: 12,
      decisionsCentral: 3,
      sharedServiceDependencies: 2,
      mandatoryProcesses: 6,
      approvalLatencyDays: 2.5,
      targetOwner: 'area',
    };
    expect(areaMonthFiguresObject.parse(figures)).toMatchObject({
      revenueActual: 1_150_000.5,
      marketingDedicatedFte: 3.4,
      marketingSharedFte: 0.3,
      hiresTotal: 3,
    });
    expect(areaMonthFiguresObject.safeParse({ ...figures, marketingDedicatedFte: 3.40001 }).success).toBe(false);
    expect(areaMonthFiguresObject.safeParse({ ...figures, hiresTotal: 2.5 }).success).toBe(false);
  });
});

describe('target_owner in any case', () => {
  it.each([
    ['Area', 'area'],
    ['AREA', 'area'],
    ['Central', 'central'],
    [' CENTRAL ', 'central'],
  ])('reads %j as %s', (written, owner) => {
    expect(only(`${HEADER}\n${line('2024-09', FIGURES.replace(/area$/, written))}\n`).targetOwner).toBe(owner);
  });
});

describe('cells a spreadsheet would run as formulas', () => {
  const dangerous = [
    '=HYPERLINK("http://evil.example","x")',
    "=cmd|' /C calc'!A0",
    '+1+2',
    '-2+3',
    '@SUM(A1:A2)',
  ];

  it.each(dangerous)('exports the name %j behind an apostrophe, and imports it back as it was', (name) => {
    const csv = formatMetricsCsv([{ ...only(`${HEADER}\n${line('2024-09')}\n`), areaName: name }]);
    // The cell a spreadsheet sees starts with the apostrophe (inside quotes when the name needs them).
    const record = csv.split('\n')[1]!;
    expect(record.startsWith("payments,'") || record.startsWith(`payments,"'`)).toBe(true);
    expect(only(csv).areaName).toBe(name);
  });

  it("keeps a name that starts with an apostrophe as it is, both ways", () => {
    const csv = formatMetricsCsv([{ ...only(`${HEADER}\n${line('2024-09')}\n`), areaName: "'90s revival" }]);
    expect(csv).toContain(",'90s revival,");
    expect(only(csv).areaName).toBe("'90s revival");
  });

  it('protects a slug that starts with a minus, and reads it back', () => {
    const csv = formatMetricsCsv([{ ...only(`${HEADER}\n${line('2024-09')}\n`), areaSlug: '-payments' }]);
    expect(csv.split('\n')[1]!.startsWith("'-payments,")).toBe(true);
    expect(only(csv).areaSlug).toBe('-payments');
  });
});

describe('export → import → export', () => {
  const areaName = createAreaSchema.shape.name;
  // Names of every kind a lead may type: formula starts, apostrophes, quotes, commas, line breaks
  // and any unicode, as long as the API would store them.
  const name = fc
    .tuple(
      fc.constantFrom('', '=', '+', '-', '@', "'", "'=", "''+", '"', ','),
      fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '"', "'", '\n', '\r\n', '=', '-', 'é', '🔎', '\u00a0', '\t') , maxLength: 12 }),
    )
    .map(([start, rest]) => `${start}${rest}`)
    .filter((text) => {
      const parsed = areaName.safeParse(text);
      return parsed.success && parsed.data === text;
    });
  const decimal = fc.integer({ min: 0, max: 9_999_999_999 }).map((units) => units / 10_000);
  const count = fc.integer({ min: 0, max: 500 });
  const row = fc.record({
    areaSlug: fc.stringMatching(/^[a-z0-9-]{2,12}$/),
    areaName: name,
    month: fc.integer({ min: 1900 * 12, max: 2200 * 12 - 1 }).map((index) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`),
    revenueTarget: decimal,
    revenueActual: decimal,
    marketingDedicatedFte: decimal,
    marketingSharedFte: decimal,
    salesDedicatedFte: decimal,
    salesSharedFte: decimal,
    hiresTotal: count,
    hiresLeadOwned: count,
    decisionsTotal: count,
    decisionsCentral: count,
    sharedServiceDependencies: count,
    mandatoryProcesses: count,
    approvalLatencyDays: decimal,
    targetOwner: fc.constantFrom('area' as const, 'central' as const),
  }).map((figures) => ({
    ...figures,
    hiresLeadOwned: Math.min(figures.hiresLeadOwned, figures.hiresTotal),
    decisionsCentral: Math.min(figures.decisionsCentral, figures.decisionsTotal),
  }));
  // One name per slug and one row per slug and month, as the import requires.
  const rows = fc.uniqueArray(row, { maxLength: 12, selector: (one) => one.areaSlug });

  it('gives back every value exactly, and the same file', () => {
    fc.assert(
      fc.property(rows, (written) => {
        const csv = formatMetricsCsv(written);
        const read = parseMetricsCsv(csv);
        if (!read.ok) throw new Error(`refused its own export: ${JSON.stringify(read.errors)}\n${csv}`);
        expect(read.warnings).toEqual([]);
        expect(read.rows.map(({ line: _line, ...values }) => values)).toEqual(written);
        expect(formatMetricsCsv(read.rows)).toBe(csv);
      }),
      { numRuns: 300 },
    );
  });
});
