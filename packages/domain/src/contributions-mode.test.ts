import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { area, wideSettingsArb } from '../test/arbitraries.ts';
import { afterBaseline, MOVES, series } from '../test/build-figures.ts';
import { assessArea } from './assess-area.ts';
import { isOwnershipFall } from './drift.ts';
import { detectFindings, findingsForArea } from './findings.ts';
import { DEFAULT_SETTINGS } from './settings.ts';

describe("assessArea's contributions option", () => {
  const eroding = afterBaseline(3, [MOVES.ownershipDownBy(8), {}, MOVES.centralisationBy(8), {}]);

  it("'findings' words only the months a finding explains, and keeps everything else", () => {
    const all = assessArea(eroding);
    const findings = assessArea(eroding, DEFAULT_SETTINGS, { contributions: 'findings' });
    expect(findings.map((a) => [a.month, a.contributions.length])).toEqual([
      ['2024-01', 0],
      ['2024-02', 0],
      ['2024-03', 0],
      ['2024-04', 8], // ownership −8: erosion
      ['2024-05', 0],
      ['2024-06', 0], // centralisation +8 alone: clear
      ['2024-07', 0], // back to the baseline
    ]);
    expect(findings[3]!.contributions).toEqual(all[3]!.contributions);
    expect(findings.map(({ contributions: _, ...rest }) => rest)).toEqual(all.map(({ contributions: _, ...rest }) => rest));
  });

  it("'none' words no month; 'all' is the default", () => {
    expect(assessArea(eroding, DEFAULT_SETTINGS, { contributions: 'none' }).every((a) => a.contributions.length === 0)).toBe(true);
    expect(assessArea(eroding, DEFAULT_SETTINGS, { contributions: 'all' })).toEqual(assessArea(eroding));
    expect(assessArea(eroding, DEFAULT_SETTINGS, {})).toEqual(assessArea(eroding));
  });

  it('refuses a mode it does not know', () => {
    const options = { contributions: 'some' } as unknown as Parameters<typeof assessArea>[2];
    expect(() => assessArea(eroding, DEFAULT_SETTINGS, options)).toThrow(/contributions must be 'all', 'findings' or 'none'/);
  });

  it('detectFindings refuses to explain a finding from assessments without contributions', () => {
    const bare = assessArea(eroding, DEFAULT_SETTINGS, { contributions: 'none' });
    expect(() => detectFindings(bare)).toThrow(/2024-04 has a finding to explain but no contributions/);
    // Without a finding to explain, there is nothing missing.
    const steady = series('2024-01', [{}, {}, {}, {}, {}]);
    expect(detectFindings(assessArea(steady, DEFAULT_SETTINGS, { contributions: 'none' }))).toEqual([]);
  });

  it('detectFindings takes assessments in any order, but one per month', () => {
    const assessments = assessArea(eroding);
    expect(detectFindings([...assessments].reverse())).toEqual(detectFindings(assessments));
    expect(() => detectFindings([...assessments, assessments[2]!])).toThrow(/two assessments for 2024-03/);
  });
});

describe("contributions 'findings': properties", () => {
  it("finds exactly what 'all' finds, for any area and settings", () => {
    fc.assert(
      fc.property(area(), wideSettingsArb, (months, settings) => {
        const expected = detectFindings(assessArea(months, settings), settings);
        const lean = assessArea(months, settings, { contributions: 'findings' });
        expect(detectFindings(lean, settings)).toEqual(expected);
        expect(findingsForArea(months, settings)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("words a month exactly when it has a complete window and ownership fell by the threshold, as 'all' words it", () => {
    fc.assert(
      fc.property(area(), wideSettingsArb, (months, settings) => {
        const all = assessArea(months, settings);
        assessArea(months, settings, { contributions: 'findings' }).forEach((lean, i) => {
          const worded = lean.ownershipDelta !== null && isOwnershipFall(lean.ownershipDelta, settings);
          expect(lean.contributions).toEqual(worded ? all[i]!.contributions : []);
        });
      }),
    );
  });
});
