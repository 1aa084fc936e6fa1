import { describe, expect, it } from 'vitest';
import { afterBaseline, MOVES, series } from '../test/build-figures.ts';
import { assessArea } from './assess-area.ts';
import { summariseOrganisation } from './organisation.ts';

describe('summariseOrganisation', () => {
  // Three areas in 2024-04: one drifting, one steady, one too new to have a window.
  const drifting = assessArea(afterBaseline(3, [{ ...MOVES.ownershipDownBy(10), ...MOVES.centralisationBy(20) }]));
  const steady = assessArea(afterBaseline(4, []));
  const newcomer = assessArea(series('2024-03', [{}, { targetOwner: 'central' }]));
  const all = [...drifting, ...steady, ...newcomer];

  it('averages the indices over every area with figures, the deltas over complete windows', () => {
    const summary = summariseOrganisation('2024-04', all);
    expect(summary).toMatchObject({
      month: '2024-04',
      areasWithFigures: 3,
      areasWithCompleteWindow: 2,
      areasInDrift: 1,
      shareInDrift: 0.5,
    });
    expect(summary.ownershipIndex).toBeCloseTo((90 + 100 + 75) / 3, 10);
    expect(summary.centralisationIndex).toBeCloseTo(20 / 3, 10);
    expect(summary.ownershipDelta).toBeCloseTo(-5, 10);
    expect(summary.centralisationDelta).toBeCloseTo(10, 10);
  });

  it('has no deltas or share when no area has a complete window', () => {
    expect(summariseOrganisation('2024-03', all)).toEqual({
      month: '2024-03',
      ownershipIndex: 100,
      centralisationIndex: 0,
      ownershipDelta: null,
      centralisationDelta: null,
      areasWithFigures: 3,
      areasWithCompleteWindow: 0,
      areasInDrift: 0,
      shareInDrift: null,
    });
  });

  it('is empty for a month without figures', () => {
    expect(summariseOrganisation('2030-01', all)).toMatchObject({
      ownershipIndex: null,
      centralisationIndex: null,
      areasWithFigures: 0,
      areasWithCompleteWindow: 0,
      shareInDrift: null,
    });
  });
});
