import { describe, expect, it } from 'vitest';
import {
  addMonths,
  attainmentTone,
  changeTone,
  countOf,
  formatDelta,
  formatDeltaTick,
  formatIndex,
  formatMonthLong,
  formatMonthShort,
  formatPercent,
  formatRole,
  monthRange,
  NO_VALUE,
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

  it('rejects something that is not a month', () => {
    expect(() => formatMonthLong('2024-9')).toThrow(/YYYY-MM/);
  });
});

describe('changeTone', () => {
  it('calls rising ownership good and rising centralisation bad', () => {
    expect(changeTone(8, 'rising')).toBe('good');
    expect(changeTone(-8, 'rising')).toBe('bad');
    expect(changeTone(8, 'falling')).toBe('bad');
    expect(changeTone(-8, 'falling')).toBe('good');
  });

  it('colours only changes of at least the drift threshold (5 points)', () => {
    expect(changeTone(5, 'falling')).toBe('bad');
    expect(changeTone(-4.99, 'rising')).toBe('neutral');
    expect(changeTone(0.1, 'falling')).toBe('neutral');
    expect(changeTone(null, 'rising')).toBe('neutral');
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
