import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, settingsProblems, type DriftSettings } from './settings.ts';

describe('DEFAULT_SETTINGS', () => {
  it('are the defaults of the brief', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      windowMonths: 3,
      ownershipFallThreshold: 5,
      centralisationRiseThreshold: 5,
      severityBands: { watch: 5, warning: 10, critical: 20 },
      escalationAfterMonths: 3,
      weights: {
        ownership: { marketing: 1, sales: 1, hiring: 1, target: 1 },
        centralisation: { dependencies: 1, processes: 1, latency: 1, centralDecisions: 1 },
      },
      saturation: { dependencies: 4, processes: 8, latencyDays: 10 },
    });
    expect(settingsProblems(DEFAULT_SETTINGS)).toEqual([]);
  });

  it('cannot be changed by accident', () => {
    expect(() => {
      (DEFAULT_SETTINGS.weights.ownership as { hiring: number }).hiring = 3;
    }).toThrow(TypeError);
  });
});

describe('settingsProblems', () => {
  const withChanges = (changes: Partial<DriftSettings>): DriftSettings => ({ ...DEFAULT_SETTINGS, ...changes });

  it.each<[string, Partial<DriftSettings>, RegExp]>([
    ['a fractional window', { windowMonths: 1.5 }, /windowMonths/],
    ['a zero threshold', { centralisationRiseThreshold: 0 }, /centralisationRiseThreshold/],
    ['falling bands', { severityBands: { watch: 10, warning: 5, critical: 20 } }, /must rise/],
    ['no escalation run', { escalationAfterMonths: 0 }, /escalationAfterMonths/],
    [
      'a negative weight',
      { weights: { ...DEFAULT_SETTINGS.weights, ownership: { marketing: -1, sales: 1, hiring: 1, target: 1 } } },
      /weights.ownership.marketing/,
    ],
    [
      'weight only on components that can be left out',
      {
        weights: {
          ...DEFAULT_SETTINGS.weights,
          centralisation: { dependencies: 0, processes: 0, latency: 0, centralDecisions: 1 },
        },
      },
      /weights.centralisation/,
    ],
    ['a zero saturation constant', { saturation: { dependencies: 0, processes: 8, latencyDays: 10 } }, /saturation.dependencies/],
  ])('names %s', (_, changes, problem) => {
    expect(settingsProblems(withChanges(changes)).join('; ')).toMatch(problem);
  });
});
