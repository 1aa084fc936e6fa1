import { describe, expect, it } from 'vitest';
import { driftMagnitude, driftSeverity, escalate, isChipotleDrift, severityOfMagnitude } from './drift.ts';
import { DEFAULT_SETTINGS } from './settings.ts';

describe('isChipotleDrift: ΔCI ≥ +5 and ΔOI ≤ −5', () => {
  it.each([
    [-5, 5, true],
    [-20, 30, true],
    [-4.999, 5, false],
    [-5, 4.999, false],
    [-10, -10, false], // both falling
    [10, 10, false], // centralising while ownership rises: not drift
    [-30, 0, false], // ownership falling alone: erosion, not Chipotle drift
    [-5 + 1e-12, 5 - 1e-12, true], // floating error around an exact threshold
  ])('ΔOI %d, ΔCI %d → %s', (ownershipDelta, centralisationDelta, expected) => {
    expect(isChipotleDrift(ownershipDelta, centralisationDelta, DEFAULT_SETTINGS)).toBe(expected);
  });
});

describe('magnitude and severity', () => {
  it('magnitude is the weaker of the two movements', () => {
    expect(driftMagnitude(-30, 12)).toBe(12);
    expect(driftMagnitude(-7, 40)).toBe(7);
  });

  it.each([
    [5, 'watch'],
    [9.999, 'watch'],
    [10, 'warning'],
    [10 - 1e-12, 'warning'],
    [19.999, 'warning'],
    [20, 'critical'],
    [95, 'critical'],
  ])('magnitude %d is %s', (magnitude, severity) => {
    expect(severityOfMagnitude(magnitude, DEFAULT_SETTINGS.severityBands)).toBe(severity);
  });

  it('escalates one level, at most to critical', () => {
    expect(escalate('watch')).toBe('warning');
    expect(escalate('warning')).toBe('critical');
    expect(escalate('critical')).toBe('critical');
  });

  it.each([
    [6, 1, 'watch'],
    [6, 2, 'watch'],
    [6, 3, 'warning'],
    [12, 3, 'critical'],
    [25, 7, 'critical'],
  ])('magnitude %d in month %d of a run is %s', (magnitude, run, severity) => {
    expect(driftSeverity(magnitude, run, DEFAULT_SETTINGS)).toBe(severity);
  });
});
