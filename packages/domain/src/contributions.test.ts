import { describe, expect, it } from 'vitest';
import { afterBaseline, series, type Changes } from '../test/build-figures.ts';
import { assessArea, type AreaMonthAssessment } from './assess-area.ts';
import { explainDrift, type Contribution } from './contributions.ts';
import { formatPoints } from './wording.ts';

const last = (assessments: AreaMonthAssessment[]) => assessments[assessments.length - 1]!;
const changedMonth = (before: Changes, after: Changes) =>
  last(assessArea(series('2024-01', [before, before, before, after])));

const sideSum = (contributions: readonly Contribution[], side: Contribution['side']) =>
  contributions.filter((c) => c.side === side).reduce((sum, c) => sum + c.points, 0);
const byComponent = (assessment: AreaMonthAssessment, component: Contribution['component']) =>
  assessment.contributions.find((c) => c.component === component)!;

describe('contribution of each component', () => {
  it('reads like the brief: "hiring owned by the lead 90% → 30%: −15.0 pts"', () => {
    const month = changedMonth({ hiresTotal: 10, hiresLeadOwned: 9 }, { hiresTotal: 10, hiresLeadOwned: 3 });
    const hiring = byComponent(month, 'hiring');
    expect(hiring).toMatchObject({ side: 'ownership', before: 0.9, after: 0.3, beforeText: '90%', afterText: '30%' });
    expect(hiring.points).toBeCloseTo(-15, 12);
    expect(hiring.text).toBe('hiring owned by the lead 90% → 30%: −15.0 pts');
  });

  it('lists every component, ownership first, each side summing to its delta', () => {
    const month = changedMonth(
      {},
      {
        marketingSharedFte: 3,
        targetOwner: 'central',
        sharedServiceDependencies: 4,
        approvalLatencyDays: 1,
        decisionsTotal: 3,
        decisionsCentral: 2,
      },
    );
    expect(month.contributions.map((c) => c.component)).toEqual([
      'marketing', 'sales', 'hiring', 'target', 'dependencies', 'processes', 'latency', 'centralDecisions',
    ]);
    expect(sideSum(month.contributions, 'ownership')).toBeCloseTo(month.ownershipDelta!, 12);
    expect(sideSum(month.contributions, 'centralisation')).toBeCloseTo(month.centralisationDelta!, 12);
  });

  it('still adds up when a component comes into the index: the others give up weight', () => {
    // No hires ever before (hiring left out, OI 100 over three components); half run by the lead after.
    const month = changedMonth({ hiresTotal: 0, hiresLeadOwned: 0 }, { hiresTotal: 2, hiresLeadOwned: 1 });
    expect(month.ownershipDelta).toBe(-12.5);
    expect(byComponent(month, 'hiring')).toMatchObject({
      before: null,
      after: 0.5,
      beforeText: 'no hires yet',
      points: 12.5,
    });
    expect(byComponent(month, 'marketing').points).toBeCloseTo(25 - 100 / 3, 12);
    expect(sideSum(month.contributions, 'ownership')).toBeCloseTo(-12.5, 12);
  });

  it.each<[string, Changes, Changes, Contribution['component'], string]>([
    ['marketing', {}, { marketingSharedFte: 1 }, 'marketing', 'marketing support dedicated to the area 100% → 50%: −12.5 pts'],
    ['sales', { salesSharedFte: 1 }, {}, 'sales', 'sales support dedicated to the area 50% → 100%: +12.5 pts'],
    ['target', {}, { targetOwner: 'central' }, 'target', 'revenue target set by the area → assigned centrally: −25.0 pts'],
    ['dependencies', {}, { sharedServiceDependencies: 4 }, 'dependencies', 'shared-service dependencies 0 → 4: +12.5 pts'],
    ['processes', { mandatoryProcesses: 8 }, { mandatoryProcesses: 24 }, 'processes', 'mandatory processes 8 → 24: +6.3 pts'],
    ['latency', { approvalLatencyDays: 1 }, { approvalLatencyDays: 2.5 }, 'latency', 'approval latency 1 day → 2.5 days: +2.7 pts'],
    ['decisions', {}, { decisionsTotal: 4, decisionsCentral: 3 }, 'centralDecisions', 'decisions needing central sign-off 0% → 75%: +18.8 pts'],
    ['an unchanged component', {}, {}, 'sales', 'sales support dedicated to the area 100% → 100%: 0.0 pts'],
  ])('wording for %s', (_, before, after, component, text) => {
    expect(byComponent(changedMonth(before, after), component).text).toBe(text);
  });

  it('names units in the standalone texts', () => {
    const month = changedMonth(
      { sharedServiceDependencies: 1, mandatoryProcesses: 1 },
      { sharedServiceDependencies: 4, approvalLatencyDays: 12 },
    );
    expect(byComponent(month, 'dependencies')).toMatchObject({
      beforeText: '1 dependency',
      afterText: '4 dependencies',
    });
    expect(byComponent(month, 'processes')).toMatchObject({ beforeText: '1 process', afterText: '0 processes' });
    expect(byComponent(month, 'latency')).toMatchObject({ beforeText: '0 days', afterText: '12 days' });
  });

  it('says when a value was carried forward from an earlier month', () => {
    const noHires = { hiresTotal: 0, hiresLeadOwned: 0 };
    const months = assessArea(series('2024-01', [{}, {}, { hiresTotal: 2, hiresLeadOwned: 0 }, noHires]));
    expect(byComponent(last(months), 'hiring').text).toBe(
      'hiring owned by the lead 100% → 0% (carried from 2024-03): −25.0 pts',
    );
  });

  it.each([
    [12.5, '+12.5 pts'],
    [-15, '−15.0 pts'],
    [0, '0.0 pts'],
    [-0.04, '0.0 pts'],
    [1e-15, '0.0 pts'],
    [-8.333333, '−8.3 pts'],
  ])('formatPoints(%d) = %s', (points, text) => {
    expect(formatPoints(points)).toBe(text);
  });
});

describe('explainDrift', () => {
  const month = changedMonth(
    { approvalLatencyDays: 10 },
    {
      marketingSharedFte: 1,
      targetOwner: 'central',
      hiresTotal: 10,
      hiresLeadOwned: 9,
      sharedServiceDependencies: 4,
      mandatoryProcesses: 8,
      approvalLatencyDays: 10,
    },
  );

  it('gives the two largest moves on each side, ownership first', () => {
    expect(explainDrift(month).map((c) => c.component)).toEqual(['target', 'marketing', 'dependencies', 'processes']);
  });

  it('takes another count per side, and leaves out what did not move', () => {
    expect(explainDrift(month, 1).map((c) => c.component)).toEqual(['target', 'dependencies']);
    // latency and central decisions did not move; sales neither.
    expect(explainDrift(month, 10).map((c) => c.component)).toEqual([
      'target',
      'marketing',
      'hiring',
      'dependencies',
      'processes',
    ]);
  });

  it('has nothing to explain without a complete window', () => {
    expect(explainDrift(assessArea(afterBaseline(1, []))[0]!)).toEqual([]);
  });
});
