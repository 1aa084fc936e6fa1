import type { DriftState, Severity } from '@autonomy/contracts';

/** The part of a portfolio row or history point that says whether the area is drifting. */
export interface DriftReading {
  driftState: DriftState;
  drift: { severity: Severity } | null;
}

/** What a drift badge shows: one of the three severities, "clear", or "not enough data". */
export type DriftLevel = Severity | 'clear' | 'insufficient_data';

export function driftLevel(reading: DriftReading): DriftLevel {
  if (reading.driftState === 'drift') {
    // A drifting row always carries its severity; if the API ever omits it, "watch" is the
    // least alarming reading that still keeps the row in drift.
    return reading.drift?.severity ?? 'watch';
  }
  return reading.driftState;
}

const LEVEL_LABELS: Record<DriftLevel, string> = {
  critical: 'Critical drift',
  warning: 'Drift warning',
  watch: 'Drift watch',
  clear: 'Clear',
  insufficient_data: 'Not enough data',
};

export function driftLevelLabel(level: DriftLevel): string {
  return LEVEL_LABELS[level];
}

/**
 * Review order: the worst drift first, then clear areas, then those that cannot be judged yet
 * (they need attention least: there is nothing to act on until three months of figures exist).
 */
const LEVEL_ORDER: readonly DriftLevel[] = ['critical', 'warning', 'watch', 'clear', 'insufficient_data'];

/** 0 for the most urgent level; use it to sort ascending. */
export function driftUrgency(level: DriftLevel): number {
  return LEVEL_ORDER.indexOf(level);
}

export function isDriftSeverity(level: DriftLevel): level is Severity {
  return level === 'watch' || level === 'warning' || level === 'critical';
}
