import { describe, expect, it } from 'vitest';
import { targetChangeFixture } from '../../test-support/fixtures.ts';
import { formatPreviousTargets, plannedTargets, summariseTargetChange, targetSourceLabel } from './target-history.ts';

describe('summariseTargetChange', () => {
  it('names the range and the old and new target', () => {
    expect(summariseTargetChange(targetChangeFixture())).toEqual({
      range: 'Jan 2027 \u2013 Mar 2027',
      oldToNew: '120,000 → 130,000',
      sourceLabel: null,
    });
  });

  it('names a single month by itself', () => {
    const change = targetChangeFixture({ from: '2026-10', to: '2026-10', previous: [{ month: '2026-10', revenueTarget: 95000.5 }] });
    expect(summariseTargetChange(change)).toMatchObject({ range: 'Oct 2026', oldToNew: '95,000.5 → 130,000' });
  });

  it('labels changes that came with a figures edit or an import', () => {
    expect(summariseTargetChange(targetChangeFixture({ source: 'figures' })).sourceLabel).toBe('From a figures edit');
    expect(summariseTargetChange(targetChangeFixture({ source: 'import' })).sourceLabel).toBe('From a CSV import');
    expect(targetSourceLabel('target')).toBeNull();
  });
});

describe('formatPreviousTargets', () => {
  it('says when no month had a target', () => {
    expect(formatPreviousTargets([], 3)).toBe('no target');
  });

  it('gives the lowest and highest when the months had different targets', () => {
    const previous = [
      { month: '2027-01', revenueTarget: 120000 },
      { month: '2027-02', revenueTarget: 100000 },
      { month: '2027-03', revenueTarget: 110000 },
    ];
    expect(formatPreviousTargets(previous, 3)).toBe('100,000–120,000');
  });

  it('says how many months had a target when only some did', () => {
    expect(formatPreviousTargets([{ month: '2027-01', revenueTarget: 120000 }], 3)).toBe('120,000 (1 of 3 months)');
  });
});

describe('plannedTargets', () => {
  it('keeps the months without figures, oldest first', () => {
    const targets = {
      slug: 'checkout',
      months: [
        { month: '2027-02', revenueTarget: 130000, planned: true },
        { month: '2026-10', revenueTarget: 120000, planned: false },
        { month: '2027-01', revenueTarget: 130000, planned: true },
      ],
    };
    expect(plannedTargets(targets).map((month) => month.month)).toEqual(['2027-01', '2027-02']);
    expect(plannedTargets({ slug: 'checkout', months: [] })).toEqual([]);
  });
});
