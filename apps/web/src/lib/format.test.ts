import { describe, expect, it } from 'vitest';
import {
  addMonths,
  asSentence,
  attainmentTone,
  centralisationChangeTone,
  changeTone,
  countOf,
  formatDateTime,
  formatDelta,
  formatDeltaTick,
  formatIndex,
  formatIssueMessage,
  formatMonthLong,
  formatMonthShort,
  formatMonthSpan,
  formatPercent,
  formatRole,
  formatWindow,
  monthRange,
  NO_VALUE,
  ownershipChangeTone,
} from './format.ts';

describe('formatIndex', () => {
  it('rounds to one decimal for display', () => {
    expect(formatIndex(62.345)).toBe('62.3');
    expect(formatIndex(62.35)).toBe('62.4');
    expect(formatIndex(100)).toBe('100.0');
  });

  it('shows a dash for a missing index', () => {
    expect(formatIndex(null)).toBe(NO_VALUE);
  });
});

describe('formatDelta', () => {
  it('signs every change, with a real minus sign', () => {
    expect(formatDelta(-12.44)).toBe('\u221212.4');
    expect(formatDelta(6.25)).toBe('+6.3');
  });

  it('rounds before signing, so tiny changes read 0.0 and never −0.0', () => {
    expect(formatDelta(-0.04)).toBe('0.0');
    expect(formatDelta(0.04)).toBe('0.0');
    expect(formatDelta(0)).toBe('0.0');
  });

  it('rounds halves away from zero on both sides', () => {
    expect(formatDelta(-2.25)).toBe('\u22122.3');
    expect(formatDelta(2.25)).toBe('+2.3');
  });

  it('shows a dash when there is not enough data', () => {
    expect(formatDelta(null)).toBe(NO_VALUE);
  });
});

describe('formatPercent', () => {
  it('shows revenue attainment as a whole percentage', () => {
    expect(formatPercent(1.04)).toBe('104%');
    expect(formatPercent(0.876)).toBe('88%');
    expect(formatPercent(12.5)).toBe('1,250%');
  });

  it('shows a dash without a target', () => {
    expect(formatPercent(null)).toBe(NO_VALUE);
  });
});

describe('months', () => {
  it('formats calendar months without any time-zone shift', () => {
    expect(formatMonthLong('2024-09')).toBe('September 2024');
    expect(formatMonthShort('2024-01')).toBe('Jan 2024');
    expect(formatMonthShort('2024-12')).toBe('Dec 2024');
  });

  it('adds months across year boundaries, both ways', () => {
    expect(addMonths('2024-11', 3)).toBe('2025-02');
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(addMonths('2024-06', 0)).toBe('2024-06');
  });

  it('lists every month in a range, both ends included', () => {
    expect(monthRange('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(monthRange('2024-05', '2024-05')).toEqual(['2024-05']);
    expect(monthRange('2024-06', '2024-05')).toEqual([]);
  });

  it('names a span of months by its ends, and a one-month span by its month', () => {
    expect(formatMonthSpan('2026-01', '2026-03')).toBe('Jan 2026 \u2013 Mar 2026');
    expect(formatMonthSpan('2025-12', '2025-12')).toBe('Dec 2025');
  });

  it('rejects something that is not a month', () => {
    expect(() => formatMonthLong('2024-9')).toThrow(/YYYY-MM/);
  });
});

describe('formatDateTime', () => {
  it('shows an instant as a date and a time of day', () => {
    expect(formatDateTime('2024-10-03T14:05:00.000Z', 'UTC')).toBe('3 Oct 2024, 14:05');
    expect(formatDateTime('2024-10-03T23:30:00.000Z', 'Europe/Paris')).toBe('4 Oct 2024, 01:30');
  });

  it('passes through a value that is not a timestamp rather than showing "Invalid Date"', () => {
    expect(formatDateTime('yesterday')).toBe('yesterday');
  });
});

describe('changeTone', () => {
  it('calls rising ownership good and rising centralisation bad', () => {
    expect(changeTone(8, 'rising', 5)).toBe('good');
    expect(changeTone(-8, 'rising', 5)).toBe('bad');
    expect(changeTone(8, 'falling', 5)).toBe('bad');
    expect(changeTone(-8, 'falling', 5)).toBe('good');
  });

  it('colours only changes of at least the threshold', () => {
    expect(changeTone(5, 'falling', 5)).toBe('bad');
    expect(changeTone(-4.99, 'rising', 5)).toBe('neutral');
    expect(changeTone(0.1, 'falling', 5)).toBe('neutral');
    expect(changeTone(null, 'rising', 5)).toBe('neutral');
  });

  it('colours nothing until the threshold is known', () => {
    expect(changeTone(-40, 'rising', undefined)).toBe('neutral');
  });
});

describe('ownershipChangeTone and centralisationChangeTone', () => {
  const rules = { windowMonths: 6, ownershipFallThreshold: 8, centralisationRiseThreshold: 3 };

  it('use the threshold of their own side from the organisation’s rules', () => {
    expect(ownershipChangeTone(-6, rules)).toBe('neutral');
    expect(ownershipChangeTone(-8, rules)).toBe('bad');
    expect(centralisationChangeTone(3, rules)).toBe('bad');
    expect(centralisationChangeTone(-3, rules)).toBe('good');
    expect(ownershipChangeTone(-20, undefined)).toBe('neutral');
  });
});

describe('formatWindow', () => {
  it('names the window in months', () => {
    expect(formatWindow({ windowMonths: 3, ownershipFallThreshold: 5, centralisationRiseThreshold: 5 })).toBe('3 months');
    expect(formatWindow({ windowMonths: 1, ownershipFallThreshold: 5, centralisationRiseThreshold: 5 })).toBe('1 month');
    expect(formatWindow(undefined)).toBe('the drift window');
  });
});

describe('attainmentTone', () => {
  it('flags a miss as it reads on screen', () => {
    expect(attainmentTone(0.93)).toBe('bad');
    expect(attainmentTone(0.994)).toBe('bad');
    expect(attainmentTone(0.998)).toBe('neutral'); // shown as 100%
    expect(attainmentTone(1.2)).toBe('neutral');
    expect(attainmentTone(null)).toBe('neutral');
  });
});

describe('formatDeltaTick', () => {
  it('signs whole-point ticks and leaves zero bare', () => {
    expect(formatDeltaTick(25)).toBe('+25');
    expect(formatDeltaTick(-25)).toBe('\u221225');
    expect(formatDeltaTick(0)).toBe('0');
  });
});

describe('labels', () => {
  it('names roles in plain words', () => {
    expect(formatRole('area_lead')).toBe('Area lead');
  });

  it('counts with the right plural', () => {
    expect(countOf(1, 'area')).toBe('1 area');
    expect(countOf(0, 'area')).toBe('0 areas');
    expect(countOf(1200, 'row')).toBe('1,200 rows');
  });
});

describe('validation messages', () => {
  it('reads as a sentence of its own', () => {
    expect(asSentence('must not be empty')).toBe('Must not be empty.');
    expect(asSentence('Enter a number.')).toBe('Enter a number.');
    expect(asSentence('vera@example.com is a viewer')).toBe('vera@example.com is a viewer.');
  });

  it('says a length limit in plain words', () => {
    const issue = { code: 'too_big', origin: 'string', maximum: 500, message: 'Too big: expected string to have <=500 characters' };
    expect(formatIssueMessage(issue)).toBe('Must be at most 500 characters.');
    expect(formatIssueMessage({ code: 'too_big', origin: 'number', maximum: 5, message: 'must be at most 5' })).toBe('Must be at most 5.');
  });
});
