import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterBaseline } from '../test/build-figures.ts';
import { assessArea } from './assess-area.ts';
import { formatPoints, oneDecimal } from './wording.ts';

describe('oneDecimal: toFixed(1), faster', () => {
  it.each([0.05, 0.15, 0.25, 1.05, 1.15, 1.25, 2.45, 10.35, 12.5, 0.04999999999999999, 999999.95, 1e6 + 0.05, 1e12 + 0.3])(
    '%d, at or near a half',
    (value) => {
      expect(oneDecimal(value)).toBe(value.toFixed(1));
    },
  );

  it('agrees with toFixed(1) on any latency', () => {
    const anyDouble = fc.double({ min: 0, max: 2e6, noNaN: true, noDefaultInfinity: true });
    const hundredths = fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 100);
    const twentieths = fc.integer({ min: 0, max: 2_000_000 }).map((n) => n / 20);
    fc.assert(
      fc.property(fc.oneof(anyDouble, hundredths, twentieths), (value) => {
        expect(oneDecimal(value)).toBe(value.toFixed(1));
      }),
      { numRuns: 20_000 },
    );
  });

  it('words fractional latency in a contribution', () => {
    const [latency] = assessArea(afterBaseline(3, [{ approvalLatencyDays: 2.25 }]))
      .at(-1)!
      .contributions.filter((c) => c.component === 'latency');
    expect(latency!.afterText).toBe((2.25).toFixed(1) + ' days');
    expect(latency!.text).toBe(`approval latency 0 days → 2.3 days: ${formatPoints(latency!.points)}`);
  });
});

describe('formatPoints', () => {
  it('words every tenth between −100 and +100 as it did when worded on the spot', () => {
    for (let tenths = -1000; tenths <= 1000; tenths++) {
      const size = Math.abs(tenths);
      const expected = tenths === 0 ? '0.0 pts' : `${tenths > 0 ? '+' : '−'}${Math.floor(size / 10)}.${size % 10} pts`;
      expect(formatPoints(tenths / 10)).toBe(expected);
    }
  });

  it('words points outside that range too', () => {
    expect(formatPoints(123.45)).toBe('+123.5 pts');
    expect(formatPoints(-100.06)).toBe('−100.1 pts');
  });
});
