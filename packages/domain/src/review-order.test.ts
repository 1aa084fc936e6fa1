import { describe, expect, it } from 'vitest';
import { compareFindingsForReview, findingMagnitude, type RankedFinding } from './review-order.ts';

type Named = RankedFinding & { id: string; areaName: string; areaSlug: string };

function finding(id: string, overrides: Partial<Named> = {}): Named {
  const base = { kind: 'chipotle_drift', severity: 'watch', ownershipDelta: -6, centralisationDelta: 6 } as const;
  return { id, ...base, areaName: 'Area', areaSlug: 'area', ...overrides };
}

const order = (findings: Named[]) => [...findings].sort(compareFindingsForReview).map((item) => item.id);

describe('findingMagnitude', () => {
  it('is min(ΔCI, −ΔOI) for drift, the ownership fall for erosion, 0 otherwise', () => {
    expect(findingMagnitude(finding('drift', { ownershipDelta: -14, centralisationDelta: 11 }))).toBe(11);
    expect(findingMagnitude(finding('erosion', { kind: 'ownership_erosion', ownershipDelta: -8, centralisationDelta: 1 }))).toBe(8);
    expect(findingMagnitude(finding('miss', { kind: 'revenue_miss' }))).toBe(0);
    expect(findingMagnitude(finding('no-window', { ownershipDelta: null, centralisationDelta: null }))).toBe(0);
  });
});

describe('compareFindingsForReview', () => {
  it('walks Chipotle drift first, then erosion, then revenue misses, critical first within a kind', () => {
    expect(
      order([
        finding('miss-warning', { kind: 'revenue_miss', severity: 'warning' }),
        finding('drift-watch'),
        finding('erosion-critical', { kind: 'ownership_erosion', severity: 'critical' }),
        finding('drift-critical', { severity: 'critical' }),
        finding('drift-warning', { severity: 'warning' }),
      ]),
    ).toEqual(['drift-critical', 'drift-warning', 'drift-watch', 'erosion-critical', 'miss-warning']);
  });

  it('puts the stronger finding first within a severity, then orders by area name regardless of case, then slug', () => {
    expect(
      order([
        finding('zeta', { areaName: 'Zeta', areaSlug: 'zeta' }),
        finding('alpha-2', { areaName: 'alpha', areaSlug: 'alpha-2' }),
        finding('alpha-1', { areaName: 'Alpha', areaSlug: 'alpha-1' }),
        finding('strong', { areaName: 'Mid', ownershipDelta: -9, centralisationDelta: 8 }),
      ]),
    ).toEqual(['strong', 'alpha-1', 'alpha-2', 'zeta']);
  });
});
