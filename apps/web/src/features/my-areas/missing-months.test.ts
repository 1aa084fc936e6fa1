import { describe, expect, it } from 'vitest';
import { missingRecentMonths, recentMonths, recentMonthsEnd } from './missing-months.ts';

describe('recentMonthsEnd', () => {
  it('is the newest month any area reported, whatever the date', () => {
    expect(recentMonthsEnd('2026-11', new Date(2026, 11, 7))).toBe('2026-11');
  });

  it('is today’s month when no area has figures yet', () => {
    expect(recentMonthsEnd(null, new Date(2026, 11, 7))).toBe('2026-12');
  });
});

describe('recentMonths', () => {
  it('is the last three calendar months, oldest first, across a year end', () => {
    expect(recentMonths('2026-11')).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(recentMonths('2027-01')).toEqual(['2026-11', '2026-12', '2027-01']);
  });
});

describe('missingRecentMonths', () => {
  it('names the recent months without figures, oldest first', () => {
    expect(missingRecentMonths(['2026-08', '2026-09', '2026-11'], '2026-11')).toEqual(['2026-10']);
    expect(missingRecentMonths(['2026-08'], '2026-11')).toEqual(['2026-09', '2026-10', '2026-11']);
  });

  it('is empty for an area that reported all three', () => {
    expect(missingRecentMonths(['2026-11', '2026-10', '2026-09'], '2026-11')).toEqual([]);
  });

  it('asks a new area without figures for all three', () => {
    expect(missingRecentMonths([], '2026-11')).toEqual(['2026-09', '2026-10', '2026-11']);
  });

  it('ignores figures older than the three months and figures after their end', () => {
    expect(missingRecentMonths(['2025-10', '2026-12'], '2026-11')).toEqual(['2026-09', '2026-10', '2026-11']);
  });
});
