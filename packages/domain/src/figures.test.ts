import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BASELINE, figures } from '../test/build-figures.ts';
import { figuresProblems, hasUsableNumbers, type MonthlyFigures } from './figures.ts';
import { isValidMonth } from './month.ts';

describe('hasUsableNumbers: the quick form of figuresProblems', () => {
  const fields = Object.keys(BASELINE) as (keyof typeof BASELINE)[];
  const oddValue = fc.constantFrom<unknown>(
    ...[-1, -0.5, 0, 0.5, 1, 2, 7, Number.NaN, Number.POSITIVE_INFINITY],
    ...['3', null, undefined, 'area', 'central', 'shared'],
  );

  it('says yes exactly when figuresProblems finds nothing (the month aside)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...fields), oddValue, { maxKeys: 4 }), (changes) => {
        const row = { ...figures('2024-01'), ...changes } as MonthlyFigures;
        expect(hasUsableNumbers(row)).toBe(figuresProblems(row).length === 0);
      }),
      { numRuns: 2_000 },
    );
  });

  it('leaves the month to its parser', () => {
    const row = figures('2024-13');
    expect(hasUsableNumbers(row)).toBe(true);
    expect(isValidMonth(row.month)).toBe(false);
    expect(figuresProblems(row)).toEqual(['month must be YYYY-MM, got "2024-13"']);
  });
});
