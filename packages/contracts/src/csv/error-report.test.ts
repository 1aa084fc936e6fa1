import { describe, expect, it } from 'vitest';
import { formatErrorReport, METRICS_CSV_COLUMNS, parseMetricsCsv } from './index.ts';

const HEADER = METRICS_CSV_COLUMNS.join(',');
const FIGURES = '1000,900,1,0.5,2,0,2,1,5,2,1,3,4.5,area';

describe('formatErrorReport: the rows with problems, to fix and import again', () => {
  it('keeps the header and each bad row as written, with its problems in an error column', () => {
    const text = [
      HEADER,
      `payments,Payments,2024-01,${FIGURES}`,
      `payments,"Payments, EU",2024-02,${FIGURES}`,
      `search,"Search\nteam",2024-13,${FIGURES}`,
      `growth,Growth,2024-01,${FIGURES.replace('1000,900', '-5,900').replace(',area', ',both')}`,
      `growth,Growth,2024-02,${FIGURES}`,
    ].join('\n');
    const parsed = parseMetricsCsv(text);
    if (parsed.ok) throw new Error('the file has bad rows');
    expect(formatErrorReport(text, parsed.errors)).toBe(
      [
        `${HEADER},error`,
        `payments,"Payments, EU",2024-02,${FIGURES},"area_name ""Payments, EU"" differs from ""Payments"" given for payments on line 2; an area has one name"`,
        `search,"Search\nteam",2024-13,${FIGURES},"month must be a month written YYYY-MM (2026-11), or 2026-11-01, Nov-26, Nov 2026 or 11/2026, from 1900-01 on; got ""2024-13"""`,
        // The bad values stay as written, behind an apostrophe where a spreadsheet would run them.
        `growth,Growth,2024-01,'-5,900,1,0.5,2,0,2,1,5,2,1,3,4.5,both,"revenue_target must be a number ≥ 0, got ""-5"" (figures are never negative); target_owner must be ""area"" or ""central"", got ""both"""`,
        '',
      ].join('\n'),
    );
  });

  it('lists every bad row when asked for every problem, past the 500 an answer lists', () => {
    const lines = Array.from({ length: 600 }, (_, index) => `area-${index},A,2024-01,${FIGURES.replace('1000', 'x')}`);
    const text = [HEADER, ...lines].join('\n');
    const capped = parseMetricsCsv(text);
    const all = parseMetricsCsv(text, { maxReported: Number.POSITIVE_INFINITY });
    if (capped.ok || all.ok) throw new Error('the file has bad rows');
    expect(capped.errors).toHaveLength(500);
    expect(all.errors).toHaveLength(600);
    expect(formatErrorReport(text, all.errors).trim().split('\n')).toHaveLength(601);
  });

  it('gives a report that imports once its rows are fixed: the error column is ignored, with a warning', () => {
    const text = [HEADER, `payments,Payments,2024-01,${FIGURES.replace('1000', '"1,000"')}`].join('\n');
    const parsed = parseMetricsCsv(text);
    if (parsed.ok) throw new Error('the file has a bad row');
    const report = formatErrorReport(text, parsed.errors);
    expect(report.split('\n')[1]).toMatch(/^payments,Payments,2024-01,"1,000",900,.*,"revenue_target must be a number ≥ 0, got ""1,000"" \(no thousands separators: write 1000\)"$/);
    const fixed = parseMetricsCsv(report.replace('"1,000"', '1000'));
    expect(fixed).toMatchObject({
      ok: true,
      rows: [{ areaSlug: 'payments', revenueTarget: 1000 }],
      warnings: [{ column: 'error', message: 'column "error" is not part of the import format; its values were ignored' }],
    });
  });
});
