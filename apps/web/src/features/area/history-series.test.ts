import { describe, expect, it } from 'vitest';
import { clearReading, driftingReading, historyPoint, insufficientReading } from '../../test-support/fixtures.ts';
import { attainmentScale, fillMonthGaps, pickFocusMonth, toAttainmentSeries, toIndexSeries, withMonthsThrough } from './history-series.ts';

const history = [
  historyPoint('2024-05', insufficientReading(), { ownershipIndex: 70, centralisationIndex: 30 }),
  historyPoint('2024-06', clearReading(), { revenueAttainment: 0.8 }),
  // July and August have no figures.
  historyPoint('2024-09', driftingReading('warning'), { revenueAttainment: 1.1 }),
];

describe('fillMonthGaps', () => {
  it('keeps months without figures as explicit holes', () => {
    expect(fillMonthGaps(history).map(({ month, reading }) => [month, reading !== null])).toEqual([
      ['2024-05', true],
      ['2024-06', true],
      ['2024-07', false],
      ['2024-08', false],
      ['2024-09', true],
    ]);
  });

  it('copes with points out of order and with no points', () => {
    expect(fillMonthGaps([...history].reverse()).map((month) => month.month)[0]).toBe('2024-05');
    expect(fillMonthGaps([])).toEqual([]);
  });
});

describe('withMonthsThrough', () => {
  it('adds the months after the latest with figures, through the end, as holes', () => {
    const months = withMonthsThrough(fillMonthGaps(history), '2024-11');
    expect(months.map(({ month, reading }) => [month, reading !== null]).slice(-3)).toEqual([
      ['2024-09', true],
      ['2024-10', false],
      ['2024-11', false],
    ]);
  });

  it('adds nothing when the latest month is the end, or later, or there are no figures at all', () => {
    expect(withMonthsThrough(fillMonthGaps(history), '2024-09').map((month) => month.month).at(-1)).toBe('2024-09');
    expect(withMonthsThrough(fillMonthGaps(history), '2024-08').length).toBe(5);
    expect(withMonthsThrough([], '2024-11')).toEqual([]);
  });
});

describe('toIndexSeries', () => {
  it('gives gaps null indices, so the lines break there, and marks drift months', () => {
    const series = toIndexSeries(fillMonthGaps(history));
    expect(series[0]).toEqual({ month: '2024-05', ownershipIndex: 70, centralisationIndex: 30, driftSeverity: null });
    expect(series[2]).toEqual({ month: '2024-07', ownershipIndex: null, centralisationIndex: null, driftSeverity: null });
    expect(series[4]?.driftSeverity).toBe('warning');
  });
});

describe('toAttainmentSeries', () => {
  it('converts ratios to percentages and splits them on the 100 % line', () => {
    const series = toAttainmentSeries(fillMonthGaps(history));
    expect(series[1]).toEqual({ month: '2024-06', attainmentPercent: 80, onOrAboveTarget: null, belowTarget: 80 });
    expect(series[4]?.onOrAboveTarget).toBeCloseTo(110);
    expect(series[4]?.belowTarget).toBeNull();
  });

  it('leaves months without a target or without figures empty', () => {
    const series = toAttainmentSeries(fillMonthGaps(history));
    expect(series[0]?.attainmentPercent).toBeNull();
    expect(series[3]?.attainmentPercent).toBeNull();
  });

  it('counts exactly on target as on target', () => {
    const [point] = toAttainmentSeries([{ month: '2024-01', reading: historyPoint('2024-01', clearReading(), { revenueAttainment: 1 }) }]);
    expect(point?.onOrAboveTarget).toBe(100);
  });
});

describe('attainmentScale', () => {
  it('always shows the target with room above it', () => {
    expect(attainmentScale(toAttainmentSeries(fillMonthGaps(history)))).toEqual({ max: 125, ticks: [0, 25, 50, 75, 100, 125] });
    expect(attainmentScale([])).toEqual({ max: 125, ticks: [0, 25, 50, 75, 100, 125] });
  });

  it('widens its steps for a month far above target', () => {
    const series = toAttainmentSeries([{ month: '2024-01', reading: historyPoint('2024-01', clearReading(), { revenueAttainment: 2.6 }) }]);
    expect(attainmentScale(series)).toEqual({ max: 300, ticks: [0, 50, 100, 150, 200, 250, 300] });
  });
});

describe('pickFocusMonth', () => {
  it('uses the month from the URL when the area has figures for it', () => {
    expect(pickFocusMonth(history, '2024-06')).toBe('2024-06');
  });

  it('falls back to the latest month otherwise', () => {
    expect(pickFocusMonth(history, '2024-07')).toBe('2024-09');
    expect(pickFocusMonth(history, null)).toBe('2024-09');
    expect(pickFocusMonth([], null)).toBeNull();
  });
});
