import { describe, expect, it } from 'vitest';
import { clearReading, driftingReading, insufficientReading } from '../test-support/fixtures.ts';
import { driftLevel, driftLevelLabel, driftUrgency, isDriftSeverity } from './drift.ts';

describe('driftLevel', () => {
  it('reads the severity of a drifting area', () => {
    expect(driftLevel(driftingReading('critical'))).toBe('critical');
    expect(driftLevel(driftingReading('watch'))).toBe('watch');
  });

  it('reads clear and not-enough-data states as they are', () => {
    expect(driftLevel(clearReading())).toBe('clear');
    expect(driftLevel(insufficientReading())).toBe('insufficient_data');
  });

  it('labels the state for badges', () => {
    expect(driftLevelLabel('insufficient_data')).toBe('Not enough data');
    expect(driftLevelLabel('critical')).toBe('Critical drift');
  });
});

describe('driftUrgency', () => {
  it('orders critical, warning, watch, clear, not enough data', () => {
    const levels = ['clear', 'watch', 'insufficient_data', 'critical', 'warning'] as const;
    const ordered = [...levels].sort((a, b) => driftUrgency(a) - driftUrgency(b));
    expect(ordered).toEqual(['critical', 'warning', 'watch', 'clear', 'insufficient_data']);
  });

  it('tells severities from other states', () => {
    expect(isDriftSeverity('warning')).toBe(true);
    expect(isDriftSeverity('clear')).toBe(false);
  });
});
