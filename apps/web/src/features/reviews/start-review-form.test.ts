import { describe, expect, it } from 'vitest';
import {
  defaultReviewMonth,
  initialStartReviewValues,
  parseStartReview,
  placeStartReviewErrors,
  reviewMonthOptions,
} from './start-review-form.ts';

const months = ['2026-10', '2026-09', '2026-08'];

describe('defaultReviewMonth', () => {
  it('offers the latest month with figures that has no review yet', () => {
    expect(defaultReviewMonth(months, new Set())).toBe('2026-10');
    expect(defaultReviewMonth(months, new Set(['2026-10']))).toBe('2026-09');
    expect(defaultReviewMonth(months, new Set(['2026-10', '2026-09']))).toBe('2026-08');
  });

  it('never offers a month in progress first: nothing later than the default month', () => {
    // 2026-10 has 1 of 10 reported, so the portfolio lands on 2026-09.
    expect(defaultReviewMonth(months, new Set(), '2026-09')).toBe('2026-09');
    expect(defaultReviewMonth(months, new Set(['2026-09']), '2026-09')).toBe('2026-08');
    expect(defaultReviewMonth(months, new Set(['2026-09', '2026-08']), '2026-09')).toBe('2026-09');
  });

  it('falls back to the latest month when every month is reviewed, and to none without figures', () => {
    expect(defaultReviewMonth(months, new Set(months))).toBe('2026-10');
    expect(defaultReviewMonth([], new Set())).toBeNull();
  });
});

describe('reviewMonthOptions', () => {
  it('names each month and says which already have a review', () => {
    expect(reviewMonthOptions(['2026-10', '2026-09'], new Set(['2026-09']))).toEqual([
      { month: '2026-10', label: 'October 2026', reviewed: false },
      { month: '2026-09', label: 'September 2026 (has a review)', reviewed: true },
    ]);
  });

  it('labels the months whose coverage is known', () => {
    const coverage = new Map([['2026-10', { reported: 1, active: 10 }]]);
    expect(reviewMonthOptions(['2026-10', '2026-09'], new Set(['2026-09']), coverage)).toEqual([
      { month: '2026-10', label: 'October 2026 · 1 of 10 reported', reviewed: false },
      { month: '2026-09', label: 'September 2026 (has a review)', reviewed: true },
    ]);
  });
});

describe('initialStartReviewValues', () => {
  it('is held today, on the default month, with no agenda', () => {
    expect(initialStartReviewValues('2026-10', '2026-11-22')).toEqual({ month: '2026-10', heldOn: '2026-11-22', agenda: '' });
    expect(initialStartReviewValues(null, '2026-11-22').month).toBe('');
  });
});

describe('parseStartReview', () => {
  it('sends the month, the day and the agenda as typed', () => {
    expect(parseStartReview({ month: '2026-10', heldOn: ' 2026-11-03 ', agenda: '1. Checkout\n2. Hiring' })).toEqual({
      ok: true,
      request: { month: '2026-10', heldOn: '2026-11-03', agenda: '1. Checkout\n2. Hiring' },
    });
  });

  it('leaves a blank agenda out', () => {
    expect(parseStartReview({ month: '2026-10', heldOn: '2026-11-03', agenda: '  \n ' })).toEqual({
      ok: true,
      request: { month: '2026-10', heldOn: '2026-11-03' },
    });
  });

  it('asks for a month and a day, in plain words', () => {
    expect(parseStartReview({ month: '', heldOn: '', agenda: '' })).toEqual({
      ok: false,
      errors: { month: ['Choose the month the review is about.'], heldOn: ['Enter the day the meeting is held.'] },
    });
  });

  it('applies the contract’s rule on days', () => {
    expect(parseStartReview({ month: '2026-10', heldOn: '2026-02-30', agenda: '' })).toEqual({
      ok: false,
      errors: { heldOn: ['Must be a date written YYYY-MM-DD.'] },
    });
  });
});

describe('placeStartReviewErrors', () => {
  it('puts the API’s 422 beside the field, and the rest under the form', () => {
    expect(
      placeStartReviewErrors([
        { path: 'heldOn', message: 'must be a date written YYYY-MM-DD' },
        { path: '', message: 'no area has figures for 2026-12' },
      ]),
    ).toEqual({ byField: { heldOn: ['Must be a date written YYYY-MM-DD.'] }, general: ['no area has figures for 2026-12'] });
  });
});
