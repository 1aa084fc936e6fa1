import type { MonthlyFigures } from '../src/figures.ts';
import { addMonths, type Month } from '../src/month.ts';

/**
 * A month whose indices are round numbers: every ownership component is 1 (OI = 100) and every
 * centralisation component is 0 (CI = 0), so a test changes one input and knows the answer.
 */
export const BASELINE: Omit<MonthlyFigures, 'month'> = {
  revenueTarget: 100,
  revenueActual: 100,
  marketingDedicatedFte: 1,
  marketingSharedFte: 0,
  salesDedicatedFte: 1,
  salesSharedFte: 0,
  hiresTotal: 1,
  hiresLeadOwned: 1,
  decisionsTotal: 1,
  decisionsCentral: 0,
  sharedServiceDependencies: 0,
  mandatoryProcesses: 0,
  approvalLatencyDays: 0,
  targetOwner: 'area',
};

export type Changes = Partial<Omit<MonthlyFigures, 'month'>>;

export function figures(month: Month, changes: Changes = {}): MonthlyFigures {
  return { ...BASELINE, ...changes, month };
}

/** Consecutive calendar months from `start`, one per entry; a null entry leaves that month out. */
export function series(start: Month, entries: readonly (Changes | null)[]): MonthlyFigures[] {
  return entries.flatMap((changes, offset) => (changes === null ? [] : [figures(addMonths(start, offset), changes)]));
}

/** `count` baseline months, then the given ones: with W = 3 the first changed month compares with the baseline. */
export function afterBaseline(count: number, entries: readonly (Changes | null)[]): MonthlyFigures[] {
  return series('2024-01', [...Array.from({ length: count }, () => ({})), ...entries]);
}

/** Changes that move one index by an exact number of points from the baseline. */
export const MOVES = {
  /** Central decisions 0 → share: ΔCI = 25 × share. */
  centralisationBy: (points: number, denominator = 100_000): Changes => ({
    decisionsTotal: denominator,
    decisionsCentral: Math.round((points / 25) * denominator),
  }),
  /** Hiring owned 1 → 1 − share: ΔOI = −25 × share. */
  ownershipDownBy: (points: number, denominator = 100_000): Changes => ({
    hiresTotal: denominator,
    hiresLeadOwned: denominator - Math.round((points / 25) * denominator),
  }),
};
