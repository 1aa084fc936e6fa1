import type { AreaHistoryPoint, Severity } from '@autonomy/contracts';
import { driftLevel, isDriftSeverity } from '../../lib/drift.ts';
import { addMonths, monthRange } from '../../lib/format.ts';

/** One calendar month of an area's history; `reading` is null for a month without figures. */
export interface HistoryMonth {
  month: string;
  reading: AreaHistoryPoint | null;
}

/**
 * Every calendar month from the first to the last with figures, ascending. Months without figures
 * are kept as explicit holes so charts draw gaps and tables say so, instead of joining March to
 * June as if April and May had happened.
 */
export function fillMonthGaps(points: readonly AreaHistoryPoint[]): HistoryMonth[] {
  const byMonth = new Map(points.map((point) => [point.month, point]));
  const months = [...byMonth.keys()].sort();
  const first = months[0];
  const last = months.at(-1);
  if (first === undefined || last === undefined) return [];
  return monthRange(first, last).map((month) => ({ month, reading: byMonth.get(month) ?? null }));
}

export interface IndexChartPoint {
  month: string;
  ownershipIndex: number | null;
  centralisationIndex: number | null;
  /** Set only for months in drift, so the chart can mark them. */
  driftSeverity: Severity | null;
}

export function toIndexSeries(months: readonly HistoryMonth[]): IndexChartPoint[] {
  return months.map(({ month, reading }) => {
    const level = reading ? driftLevel(reading) : null;
    return {
      month,
      ownershipIndex: reading?.ownershipIndex ?? null,
      centralisationIndex: reading?.centralisationIndex ?? null,
      driftSeverity: level !== null && isDriftSeverity(level) ? level : null,
    };
  });
}

export interface AttainmentChartPoint {
  month: string;
  /** Revenue attainment in percent, unrounded; null without figures or without a target. */
  attainmentPercent: number | null;
  /** The same value split in two series so bars on and off target get their own colour and legend. */
  onOrAboveTarget: number | null;
  belowTarget: number | null;
}

export function toAttainmentSeries(months: readonly HistoryMonth[]): AttainmentChartPoint[] {
  return months.map(({ month, reading }) => {
    const ratio = reading?.revenueAttainment ?? null;
    if (ratio === null) return { month, attainmentPercent: null, onOrAboveTarget: null, belowTarget: null };
    const percent = ratio * 100;
    return {
      month,
      attainmentPercent: percent,
      onOrAboveTarget: ratio >= 1 ? percent : null,
      belowTarget: ratio < 1 ? percent : null,
    };
  });
}

export interface AttainmentScale {
  max: number;
  ticks: number[];
}

/**
 * A percentage axis from 0 that always shows the 100 % target with room above it, in round steps
 * (25 points, or 50 once some month is above 200 %).
 */
export function attainmentScale(points: readonly AttainmentChartPoint[]): AttainmentScale {
  const highest = Math.max(100, ...points.map((point) => point.attainmentPercent ?? 0));
  const step = highest > 200 ? 50 : 25;
  const max = Math.floor(highest / step) * step + step;
  const ticks: number[] = [];
  for (let tick = 0; tick <= max; tick += step) ticks.push(tick);
  return { max, ticks };
}

/** The month the page focuses on: the one in the URL when the area has figures for it, else the latest. */
export function pickFocusMonth(points: readonly AreaHistoryPoint[], requested: string | null): string | null {
  if (requested && points.some((point) => point.month === requested)) return requested;
  const months = points.map((point) => point.month).sort();
  return months.at(-1) ?? null;
}

/**
 * The months after the latest with figures, through `end`, added as holes: the months a lead can
 * still fill in (figures are kept for months that have begun, so `end` is today's month).
 */
export function withMonthsThrough(months: readonly HistoryMonth[], end: string): HistoryMonth[] {
  const last = months.at(-1)?.month;
  if (last === undefined || last >= end) return [...months];
  return [...months, ...monthRange(addMonths(last, 1), end).map((month) => ({ month, reading: null }))];
}
