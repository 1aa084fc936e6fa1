import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, compareMonths, isValidMonth, monthFromIndex, monthIndex, monthOf, monthRange, monthsBetween, parseMonthIndex } from './month.ts';

describe('isValidMonth', () => {
  it.each([
    ['2024-01', true],
    ['2024-12', true],
    ['0001-06', true],
    ['2024-00', false],
    ['2024-13', false],
    ['2024-1', false],
    ['24-01', false],
    ['2024-01-01', false],
    [' 2024-01', false],
    ['', false],
  ])('%j → %s', (value, valid) => {
    expect(isValidMonth(value)).toBe(valid);
  });
});

describe('addMonths', () => {
  it.each([
    ['2024-01', 1, '2024-02'],
    ['2024-12', 1, '2025-01'],
    ['2024-01', -1, '2023-12'],
    ['2024-03', -3, '2023-12'],
    ['2024-03', 0, '2024-03'],
    ['2024-03', 120, '2034-03'],
    ['2024-03', -27, '2021-12'],
  ])('%s + %i = %s', (month, n, expected) => {
    expect(addMonths(month, n)).toBe(expected);
  });

  it('refuses a malformed month, a fractional count and a year beyond 9999', () => {
    expect(() => addMonths('2024-13', 1)).toThrow(RangeError);
    expect(() => addMonths('2024-01', 0.5)).toThrow(RangeError);
    expect(() => addMonths('9999-12', 1)).toThrow(RangeError);
  });
});

describe('monthsBetween and compareMonths', () => {
  it('count calendar months, negative going back', () => {
    expect(monthsBetween('2024-01', '2024-04')).toBe(3);
    expect(monthsBetween('2024-04', '2024-01')).toBe(-3);
    expect(monthsBetween('2023-11', '2024-02')).toBe(3);
  });

  it('sorts months in calendar order', () => {
    expect(['2024-10', '2023-12', '2024-02'].sort(compareMonths)).toEqual(['2023-12', '2024-02', '2024-10']);
  });

  it('round-trips through the month index', () => {
    for (const month of ['0000-01', '1999-12', '2024-07', '9999-12']) {
      expect(monthFromIndex(monthIndex(month))).toBe(month);
    }
  });
});

describe('monthRange', () => {
  it('lists every month from the first to the last, across year ends', () => {
    expect(monthRange('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(monthRange('2024-05', '2024-05')).toEqual(['2024-05']);
  });

  it('is empty when the last month comes first', () => {
    expect(monthRange('2024-05', '2024-04')).toEqual([]);
  });
});

describe('parseMonthIndex', () => {
  const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

  it('accepts exactly what the YYYY-MM pattern accepts, with the same index', () => {
    const characters = ['0', '1', '2', '9', '-', ' ', '/', ':', 'a', '١'];
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: fc.constantFrom(...characters), minLength: 6, maxLength: 8 }),
          fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: -1, max: 13 })).map(
            ([year, month]) => `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`,
          ),
        ),
        (value) => {
          const match = MONTH_PATTERN.exec(value);
          const expected = match === null ? -1 : Number(match[1]) * 12 + Number(match[2]) - 1;
          expect(parseMonthIndex(value)).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it.each([undefined, null, 202401, ['2024-01']])('is -1 for %j, not a string', (value) => {
    expect(parseMonthIndex(value)).toBe(-1);
  });
});

describe('monthOf', () => {
  it('is the UTC calendar month of a moment', () => {
    expect(monthOf(new Date('2026-12-31T23:59:59Z'))).toBe('2026-12');
    expect(monthOf(new Date('2027-01-01T00:00:00Z'))).toBe('2027-01');
    expect(monthOf(new Date('2026-03-01T00:30:00+01:00'))).toBe('2026-02');
  });
});
