import { describe, expect, it } from 'vitest';
import { defaultMonth, isMostlyReported, type MonthCoverage } from './coverage.ts';

const coverage = (month: string, reported: number, active: number): MonthCoverage => ({ month, reported, active });

describe('isMostlyReported', () => {
  it.each([
    [10, 10, true],
    [9, 10, true],
    [5, 10, true], // exactly half counts
    [4, 10, false],
    [1, 10, false],
    [1, 1, true],
    [1, 2, true],
    [1, 3, false],
    [0, 0, false], // nothing reported is never a month to land on
    [0, 4, false],
  ])('%i of %i reported → %s', (reported, active, expected) => {
    expect(isMostlyReported({ reported, active })).toBe(expected);
  });
});

describe('defaultMonth', () => {
  it('skips the month in progress: 10 areas, November 9 reported, December 1 → November', () => {
    expect(defaultMonth([coverage('2026-12', 1, 10), coverage('2026-11', 9, 10), coverage('2026-10', 10, 10)])).toBe('2026-11');
  });

  it('takes the newest month once half of its areas reported', () => {
    expect(defaultMonth([coverage('2026-12', 5, 10), coverage('2026-11', 10, 10)])).toBe('2026-12');
    expect(defaultMonth([coverage('2026-12', 4, 10), coverage('2026-11', 10, 10)])).toBe('2026-11');
  });

  it('judges each month against the areas active then, not now', () => {
    // Four areas in 2025; six more joined in 2026-01. 2025-12: 3 of 4 qualifies; 2026-01: 4 of 10 does not.
    expect(defaultMonth([coverage('2026-01', 4, 10), coverage('2025-12', 3, 4)])).toBe('2025-12');
  });

  it('reads the months in any order', () => {
    expect(defaultMonth([coverage('2026-10', 10, 10), coverage('2026-12', 1, 10), coverage('2026-11', 9, 10)])).toBe('2026-11');
  });

  it('falls back to the newest month with figures when no month qualifies, and to null without any', () => {
    expect(defaultMonth([coverage('2026-11', 2, 10), coverage('2026-12', 1, 10)])).toBe('2026-12');
    expect(defaultMonth([coverage('2026-12', 0, 10)])).toBeNull();
    expect(defaultMonth([])).toBeNull();
  });
});
