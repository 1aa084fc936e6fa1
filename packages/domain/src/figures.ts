import { isValidMonth, type Month } from './month.ts';

export type TargetOwner = 'area' | 'central';

/** One area's inputs for one calendar month: the CSV import row, in camelCase. */
export interface MonthlyFigures {
  month: Month;
  revenueTarget: number;
  revenueActual: number;
  marketingDedicatedFte: number;
  marketingSharedFte: number;
  salesDedicatedFte: number;
  salesSharedFte: number;
  hiresTotal: number;
  hiresLeadOwned: number;
  decisionsTotal: number;
  decisionsCentral: number;
  sharedServiceDependencies: number;
  mandatoryProcesses: number;
  approvalLatencyDays: number;
  targetOwner: TargetOwner;
}

const NON_NEGATIVE_FIELDS = [
  'revenueTarget',
  'revenueActual',
  'marketingDedicatedFte',
  'marketingSharedFte',
  'salesDedicatedFte',
  'salesSharedFte',
  'hiresTotal',
  'hiresLeadOwned',
  'decisionsTotal',
  'decisionsCentral',
  'sharedServiceDependencies',
  'mandatoryProcesses',
  'approvalLatencyDays',
] as const satisfies readonly (keyof MonthlyFigures)[];

/**
 * What would make the formulas meaningless (a component outside [0, 1], a NaN index).
 * Finer rules such as whole-number counts belong to input validation in the contracts;
 * the arithmetic here does not depend on them.
 */
export function figuresProblems(figures: MonthlyFigures): string[] {
  const problems: string[] = [];
  if (!isValidMonth(figures.month)) problems.push(`month must be YYYY-MM, got ${JSON.stringify(figures.month)}`);
  for (const field of NON_NEGATIVE_FIELDS) {
    const value = figures[field];
    if (!(Number.isFinite(value) && value >= 0)) problems.push(`${field} must be a number ≥ 0, got ${value}`);
  }
  if (figures.hiresLeadOwned > figures.hiresTotal) problems.push('hiresLeadOwned must not exceed hiresTotal');
  if (figures.decisionsCentral > figures.decisionsTotal) {
    problems.push('decisionsCentral must not exceed decisionsTotal');
  }
  if (figures.targetOwner !== 'area' && figures.targetOwner !== 'central') {
    problems.push(`targetOwner must be 'area' or 'central', got ${JSON.stringify(figures.targetOwner)}`);
  }
  return problems;
}

/**
 * `figuresProblems(figures).length === 0`, without building the list: every area month is checked
 * before it is assessed, so the common case reads each field once and allocates nothing. The
 * month is checked where it is parsed (`parseMonthIndex`). Callers ask `figuresProblems` for the
 * words once this says no.
 */
export function hasUsableNumbers(f: MonthlyFigures): boolean {
  return (
    isNonNegative(f.revenueTarget) &&
    isNonNegative(f.revenueActual) &&
    isNonNegative(f.marketingDedicatedFte) &&
    isNonNegative(f.marketingSharedFte) &&
    isNonNegative(f.salesDedicatedFte) &&
    isNonNegative(f.salesSharedFte) &&
    isNonNegative(f.hiresTotal) &&
    isNonNegative(f.hiresLeadOwned) &&
    isNonNegative(f.decisionsTotal) &&
    isNonNegative(f.decisionsCentral) &&
    isNonNegative(f.sharedServiceDependencies) &&
    isNonNegative(f.mandatoryProcesses) &&
    isNonNegative(f.approvalLatencyDays) &&
    f.hiresLeadOwned <= f.hiresTotal &&
    f.decisionsCentral <= f.decisionsTotal &&
    (f.targetOwner === 'area' || f.targetOwner === 'central')
  );
}

// A finite number ≥ 0 (false for NaN, Infinity and anything not a number).
function isNonNegative(value: number): boolean {
  return Number.isFinite(value) && value >= 0;
}
