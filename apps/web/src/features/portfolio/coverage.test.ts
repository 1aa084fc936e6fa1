import { describe, expect, it } from 'vitest';
import {
  coverageByMonth,
  describeCoverage,
  isIncomplete,
  monthOptionLabel,
  noDriftHeadline,
  notReportedSentence,
  reviewCoverageWarning,
} from './coverage.ts';

describe('coverage in words', () => {
  it('counts the reported areas against the active ones', () => {
    expect(describeCoverage({ reported: 8, active: 10 })).toBe('8 of 10 reported');
    expect(isIncomplete({ reported: 8, active: 10 })).toBe(true);
    expect(isIncomplete({ reported: 10, active: 10 })).toBe(false);
  });

  it('labels a picker month with its coverage when known', () => {
    expect(monthOptionLabel('2026-12', { reported: 1, active: 10 })).toBe('December 2026 · 1 of 10 reported');
    expect(monthOptionLabel('2026-10', undefined)).toBe('October 2026');
    const byMonth = coverageByMonth([{ month: '2026-12', reported: 1, active: 10 }]);
    expect(byMonth.get('2026-12')).toEqual({ reported: 1, active: 10 });
    expect(byMonth.get('2026-11')).toBeUndefined();
  });

  it('names the areas that have not reported', () => {
    expect(notReportedSentence(['Billing', 'Search'])).toBe('Not reported: Billing, Search');
    expect(notReportedSentence([])).toBeNull();
  });

  it('warns before a review of a month not every area reported', () => {
    expect(reviewCoverageWarning('2026-12', { reported: 1, active: 10 })).toBe(
      'Only 1 of 10 areas reported for December 2026 — the review will show 9 as not reported.',
    );
    expect(reviewCoverageWarning('2026-11', { reported: 10, active: 10 })).toBeNull();
  });

  it('never says no area is in drift without how many reported', () => {
    expect(noDriftHeadline('2026-11', { reported: 8, active: 10 }, 7)).toBe(
      'No area of the 8 of 10 that reported is in Chipotle drift in November 2026 (7 with a complete window).',
    );
    expect(noDriftHeadline('2026-11', { reported: 10, active: 10 }, 10)).toBe(
      'No area is in Chipotle drift in November 2026: all 10 areas reported, 10 with a complete window.',
    );
  });
});
