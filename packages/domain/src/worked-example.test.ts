import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessArea } from './assess-area.ts';
import type { MonthlyFigures } from './figures.ts';
import { summariseOrganisation } from './organisation.ts';

// The worked example of shared/examples, copied into test/fixtures: five areas over ten months,
// with the expected indices, deltas, states and severities to 4 decimals.

interface ExpectedAreaMonth {
  areaSlug: string;
  month: string;
  ownershipIndex: number;
  centralisationIndex: number;
  revenueAttainment: number | null;
  driftState: string;
  ownershipDelta?: number;
  centralisationDelta?: number;
  severity?: string;
}

const fixture = (name: string) => readFileSync(new URL(`../test/fixtures/${name}`, import.meta.url), 'utf8');

/** Just enough CSV for the fixture: a header line, comma-separated fields, no quoting. */
function readCsv(text: string): Record<string, string>[] {
  const [header, ...lines] = text.trim().split(/\r?\n/);
  const columns = header!.split(',');
  return lines.map((line) => {
    const fields = line.split(',');
    expect(fields).toHaveLength(columns.length);
    return Object.fromEntries(columns.map((column, i) => [column, fields[i]!]));
  });
}

function toFigures(row: Record<string, string>): MonthlyFigures {
  const number = (column: string) => {
    const value = Number(row[column]);
    expect(Number.isFinite(value), `${column} = ${row[column]}`).toBe(true);
    return value;
  };
  return {
    month: row.month!,
    revenueTarget: number('revenue_target'),
    revenueActual: number('revenue_actual'),
    marketingDedicatedFte: number('marketing_dedicated_fte'),
    marketingSharedFte: number('marketing_shared_fte'),
    salesDedicatedFte: number('sales_dedicated_fte'),
    salesSharedFte: number('sales_shared_fte'),
    hiresTotal: number('hires_total'),
    hiresLeadOwned: number('hires_lead_owned'),
    decisionsTotal: number('decisions_total'),
    decisionsCentral: number('decisions_central'),
    sharedServiceDependencies: number('shared_service_dependencies'),
    mandatoryProcesses: number('mandatory_processes'),
    approvalLatencyDays: number('approval_latency_days'),
    targetOwner: row.target_owner === 'central' ? 'central' : 'area',
  };
}

const rows = readCsv(fixture('drift-example.csv'));
const expected = JSON.parse(fixture('drift-example.expected.json')) as ExpectedAreaMonth[];

const monthsByArea = new Map<string, MonthlyFigures[]>();
for (const row of rows) {
  const slug = row.area_slug!;
  monthsByArea.set(slug, [...(monthsByArea.get(slug) ?? []), toFigures(row)]);
}
const assessed = [...monthsByArea].flatMap(([areaSlug, months]) =>
  assessArea(months).map((assessment) => ({ areaSlug, ...assessment })),
);

// "+ 0" turns −0 into 0, so an unchanged index compares equal to the fixture's 0.
const to4 = (value: number | null) => (value === null ? null : Math.round(value * 10_000) / 10_000 + 0);

describe('the worked example', () => {
  it('covers the same area months as the fixture', () => {
    const key = (entry: { areaSlug: string; month: string }) => `${entry.areaSlug} ${entry.month}`;
    expect(assessed.map(key).sort()).toEqual(expected.map(key).sort());
    expect(assessed).toHaveLength(49);
  });

  it.each(expected.map((entry) => [`${entry.areaSlug} ${entry.month}`, entry] as const))('%s', (_, entry) => {
    const actual = assessed.find((a) => a.areaSlug === entry.areaSlug && a.month === entry.month)!;
    expect({
      ownershipIndex: to4(actual.ownershipIndex),
      centralisationIndex: to4(actual.centralisationIndex),
      revenueAttainment: to4(actual.revenueAttainment),
      driftState: actual.driftState,
      ownershipDelta: to4(actual.ownershipDelta),
      centralisationDelta: to4(actual.centralisationDelta),
      severity: actual.drift?.severity ?? null,
    }).toEqual({
      ownershipIndex: entry.ownershipIndex,
      centralisationIndex: entry.centralisationIndex,
      revenueAttainment: entry.revenueAttainment,
      driftState: entry.driftState,
      ownershipDelta: entry.ownershipDelta ?? null,
      centralisationDelta: entry.centralisationDelta ?? null,
      severity: entry.severity ?? null,
    });
  });

  it('escalates Search in its fifth month of drift and keeps the earlier grades', () => {
    const search = assessed.filter((a) => a.areaSlug === 'search' && a.drift !== null);
    expect(search.map((a) => [a.month, a.drift!.consecutiveMonths, a.drift!.severity])).toEqual([
      ['2024-07', 1, 'warning'],
      ['2024-08', 2, 'critical'],
      ['2024-09', 3, 'critical'],
      ['2024-10', 4, 'critical'],
      ['2024-11', 5, 'critical'], // magnitude 10.76 is a warning, raised by the run
    ]);
  });

  it('sums up the organisation for 2024-09', () => {
    const summary = summariseOrganisation('2024-09', assessed);
    // Growth has figures but no complete window; Search and Data Platform drift.
    expect(summary).toMatchObject({
      areasWithFigures: 5,
      areasWithCompleteWindow: 4,
      areasInDrift: 2,
      shareInDrift: 0.5,
    });
    const fixtureMonth = expected.filter((entry) => entry.month === '2024-09');
    const meanOf = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(summary.ownershipIndex).toBeCloseTo(meanOf(fixtureMonth.map((entry) => entry.ownershipIndex)), 3);
    expect(summary.centralisationDelta).toBeCloseTo(
      meanOf(fixtureMonth.flatMap((entry) => entry.centralisationDelta ?? [])),
      3,
    );
  });
});
