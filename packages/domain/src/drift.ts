import type { DriftSettings } from './settings.ts';
import { isAtLeast, isAtMost } from './tolerance.ts';

export type Severity = 'watch' | 'warning' | 'critical';
export type DriftState = 'drift' | 'clear' | 'insufficient_data';

export const SEVERITIES: readonly Severity[] = ['watch', 'warning', 'critical'];

export interface Drift {
  severity: Severity;
  /** min(ΔCI, −ΔOI): how far both sides moved, in points. */
  magnitude: number;
  /** The run of calendar months in drift ending with this one, this one included. */
  consecutiveMonths: number;
}

/** Chipotle drift: centralisation rose and ownership fell, each by at least its threshold. */
export function isChipotleDrift(ownershipDelta: number, centralisationDelta: number, settings: DriftSettings): boolean {
  return isAtLeast(centralisationDelta, settings.centralisationRiseThreshold) && isOwnershipFall(ownershipDelta, settings);
}

/**
 * Ownership fell by at least the drift threshold: one half of Chipotle drift, and on its own
 * (centralisation not rising enough) the lesser finding, ownership erosion. Every month a finding
 * explains passes this test, so it also picks the months whose contributions are worth wording.
 */
export function isOwnershipFall(ownershipDelta: number, settings: DriftSettings): boolean {
  return isAtMost(ownershipDelta, -settings.ownershipFallThreshold);
}

/** The smaller of the two movements, so a signal is only as strong as its weaker side. */
export function driftMagnitude(ownershipDelta: number, centralisationDelta: number): number {
  return Math.min(centralisationDelta, -ownershipDelta);
}

/**
 * The band the magnitude falls in. A signal is at least 'watch': with thresholds set below the
 * watch band a signal can be weaker than the band, and it is still worth looking at.
 */
export function severityOfMagnitude(magnitude: number, bands: DriftSettings['severityBands']): Severity {
  if (isAtLeast(magnitude, bands.critical)) return 'critical';
  if (isAtLeast(magnitude, bands.warning)) return 'warning';
  return 'watch';
}

/** One level up, at most critical. */
export function escalate(severity: Severity): Severity {
  return severity === 'watch' ? 'warning' : 'critical';
}

/** Severity of a drift month: its magnitude's band, one level up once the run is long enough. */
export function driftSeverity(magnitude: number, consecutiveMonths: number, settings: DriftSettings): Severity {
  const graded = severityOfMagnitude(magnitude, settings.severityBands);
  return consecutiveMonths >= settings.escalationAfterMonths ? escalate(graded) : graded;
}

export function compareSeverity(a: Severity, b: Severity): number {
  return SEVERITIES.indexOf(a) - SEVERITIES.indexOf(b);
}
