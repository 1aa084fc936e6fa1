import { describe, expect, it } from 'vitest';
import { clearReading, defaultRules, driftingReading, insufficientReading, portfolioRow } from '../../test-support/fixtures.ts';
import { driftMapScale, toDriftMapGroups } from './drift-map-data.ts';

describe('toDriftMapGroups', () => {
  it('plots only areas with a complete window, grouped by verdict, worst drawn last', () => {
    const groups = toDriftMapGroups([
      portfolioRow('critical-one', driftingReading('critical', -22, 25)),
      portfolioRow('new-area', insufficientReading()),
      portfolioRow('calm', clearReading(2, -1)),
      portfolioRow('watch-one', driftingReading('watch', -6, 6)),
    ]);
    expect(groups.map((group) => group.key)).toEqual(['clear', 'watch', 'critical']);
    expect(groups[0]?.points).toEqual([{ slug: 'calm', name: 'calm', ownershipDelta: 2, centralisationDelta: -1 }]);
    expect(groups.flatMap((group) => group.points).map((point) => point.slug)).not.toContain('new-area');
  });

  it('returns no groups when no area can be plotted', () => {
    expect(toDriftMapGroups([portfolioRow('new-area', insufficientReading())])).toEqual([]);
  });
});

describe('driftMapScale', () => {
  const scaleFor = (ownershipDelta: number, centralisationDelta: number) =>
    driftMapScale(
      toDriftMapGroups([portfolioRow('a', driftingReading('critical', ownershipDelta, centralisationDelta))]),
      defaultRules,
    );

  it('reaches a step beyond the thresholds so the drift zone is always visible', () => {
    const calm = toDriftMapGroups([portfolioRow('a', clearReading(1, 1))]);
    expect(driftMapScale(calm, defaultRules)).toEqual({ extent: 10, ticks: [-10, -5, 0, 5, 10] });
    const strictOnCentralisation = { ...defaultRules, centralisationRiseThreshold: 12 };
    expect(driftMapScale(calm, strictOnCentralisation)).toEqual({ extent: 15, ticks: [-15, -10, -5, 0, 5, 10, 15] });
  });

  it('leaves room beyond the largest change', () => {
    expect(scaleFor(-20, 20).extent).toBe(25);
    expect(scaleFor(-22, 13)).toEqual({ extent: 30, ticks: [-30, -20, -10, 0, 10, 20, 30] });
  });

  it('keeps round ticks for large changes', () => {
    expect(scaleFor(-73.4, 28.4)).toEqual({ extent: 80, ticks: [-80, -60, -40, -20, 0, 20, 40, 60, 80] });
  });
});
