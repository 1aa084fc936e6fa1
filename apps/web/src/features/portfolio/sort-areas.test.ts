import { describe, expect, it } from 'vitest';
import { clearReading, driftingReading, insufficientReading, portfolioRow } from '../../test-support/fixtures.ts';
import { DEFAULT_AREA_SORT, driftMagnitude, nextAreaSort, sortAreas } from './sort-areas.ts';

const rows = [
  portfolioRow('alpha', clearReading(), { ownershipIndex: 70 }),
  portfolioRow('bravo', driftingReading('watch', -6, 7)),
  portfolioRow('charlie', insufficientReading(), { ownershipIndex: 40 }),
  portfolioRow('delta', driftingReading('critical', -25, 30)),
  portfolioRow('echo', driftingReading('watch', -9, 8)),
  portfolioRow('foxtrot', driftingReading('warning', -12, 11), { ownershipIndex: 90 }),
];

const slugs = (sorted: { slug: string }[]) => sorted.map((row) => row.slug);

describe('sortAreas', () => {
  it('puts drifting areas first by default, worst severity first, stronger drift first within one', () => {
    expect(slugs(sortAreas(rows, DEFAULT_AREA_SORT))).toEqual([
      'delta',
      'foxtrot',
      'echo', // watch, m = min(8, 9) = 8
      'bravo', // watch, m = min(7, 6) = 6
      'alpha',
      'charlie',
    ]);
  });

  it('sorts by a number with missing values last in both directions', () => {
    const withMissing = [
      portfolioRow('a', clearReading(), { revenueAttainment: 0.9 }),
      portfolioRow('b', clearReading(), { revenueAttainment: null }),
      portfolioRow('c', clearReading(), { revenueAttainment: 1.2 }),
    ];
    expect(slugs(sortAreas(withMissing, { key: 'revenueAttainment', direction: 'descending' }))).toEqual(['c', 'a', 'b']);
    expect(slugs(sortAreas(withMissing, { key: 'revenueAttainment', direction: 'ascending' }))).toEqual(['a', 'c', 'b']);
  });

  it('breaks ties by name', () => {
    const tied = [portfolioRow('zulu', clearReading()), portfolioRow('alpha', clearReading())];
    expect(slugs(sortAreas(tied, { key: 'ownershipIndex', direction: 'descending' }))).toEqual(['alpha', 'zulu']);
  });

  it('does not reorder the array it was given', () => {
    const copy = [...rows];
    sortAreas(rows, { key: 'name', direction: 'descending' });
    expect(rows).toEqual(copy);
  });
});

describe('nextAreaSort', () => {
  it('sorts a new numeric column highest first, and reverses on a second click', () => {
    const first = nextAreaSort(DEFAULT_AREA_SORT, 'ownershipIndex');
    expect(first).toEqual({ key: 'ownershipIndex', direction: 'descending' });
    expect(nextAreaSort(first, 'ownershipIndex')).toEqual({ key: 'ownershipIndex', direction: 'ascending' });
  });

  it('sorts names A to Z first', () => {
    expect(nextAreaSort(DEFAULT_AREA_SORT, 'name')).toEqual({ key: 'name', direction: 'ascending' });
  });
});

describe('driftMagnitude', () => {
  it('is min(ΔCI, −ΔOI) for a drifting area and 0 otherwise', () => {
    expect(driftMagnitude(portfolioRow('x', driftingReading('warning', -14, 11)))).toBe(11);
    expect(driftMagnitude(portfolioRow('y', clearReading()))).toBe(0);
  });
});
