import { describe, expect, it } from 'vitest';
import { dayOf, daysBetween, formatDay, isOverdue } from './review-dates.ts';

describe('dayOf', () => {
  it('is the local calendar day, zero-padded', () => {
    expect(dayOf(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(dayOf(new Date(2026, 10, 22, 0, 0))).toBe('2026-11-22');
  });
});

describe('formatDay', () => {
  it('writes a day the way people read it, whatever the time zone', () => {
    expect(formatDay('2026-11-03')).toBe('3 Nov 2026');
    expect(formatDay('2024-02-29')).toBe('29 Feb 2024');
  });

  it('shows anything that is not a day as it came, rather than "Invalid Date"', () => {
    expect(formatDay('soon')).toBe('soon');
  });
});

describe('isOverdue', () => {
  const today = '2026-11-22';

  it('flags open items whose due day has passed', () => {
    expect(isOverdue({ status: 'open', dueOn: '2026-11-21' }, today)).toBe(true);
    expect(isOverdue({ status: 'open', dueOn: '2025-12-31' }, today)).toBe(true);
  });

  it('does not flag an item due today, one without a date, or one already settled', () => {
    expect(isOverdue({ status: 'open', dueOn: today }, today)).toBe(false);
    expect(isOverdue({ status: 'open', dueOn: null }, today)).toBe(false);
    expect(isOverdue({ status: 'done', dueOn: '2026-01-01' }, today)).toBe(false);
    expect(isOverdue({ status: 'dropped', dueOn: '2026-01-01' }, today)).toBe(false);
  });
});

describe('daysBetween', () => {
  it('counts calendar days, across months and a leap day', () => {
    expect(daysBetween('2026-11-19', '2026-11-22')).toBe(3);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-11-22', '2026-11-22')).toBe(0);
  });
});
