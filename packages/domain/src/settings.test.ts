import { describe, expect, it } from 'vitest';
import { parseDriftSettings } from './parse-settings.ts';
import { assertValidSettings, DEFAULT_SETTINGS, settingsProblems, type DriftSettings } from './settings.ts';

/** Untyped JSON, as a request body arrives; tests reach into it freely. */
type Body = Record<string, any>;

/** The defaults as a plain, mutable object, as a request body would arrive. */
const defaults = (): DriftSettings => structuredClone(DEFAULT_SETTINGS) as DriftSettings;

/** The defaults with one value replaced at a dotted path (garbage allowed, as a client may send it). */
function withValue(path: string, value: unknown): DriftSettings {
  const settings = defaults() as unknown as Record<string, unknown>;
  const keys = path.split('.');
  let target = settings;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[keys[keys.length - 1]!] = value;
  return settings as unknown as DriftSettings;
}

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

describe('settingsProblems: one problem, at the path a client sent', () => {
  it.each<[string, unknown, string]>([
    ['windowMonths', 1.5, 'must be a whole number from 1 to 36, got 1.5'],
    ['windowMonths', 0, 'must be a whole number from 1 to 36, got 0'],
    ['windowMonths', 37, 'must be a whole number from 1 to 36, got 37'],
    ['windowMonths', '3', 'must be a whole number from 1 to 36, got "3"'],
    ['ownershipFallThreshold', 0, 'must be a number of points above 0 and at most 100, got 0'],
    ['ownershipFallThreshold', Number.NaN, 'must be a number of points above 0 and at most 100, got NaN'],
    ['centralisationRiseThreshold', -5, 'must be a number of points above 0 and at most 100, got -5'],
    ['centralisationRiseThreshold', 100.5, 'must be a number of points above 0 and at most 100, got 100.5'],
    ['severityBands.watch', Number.POSITIVE_INFINITY, 'must be a number of points above 0 and at most 100, got Infinity'],
    ['severityBands.warning', null, 'must be a number of points above 0 and at most 100, got null'],
    ['severityBands.critical', 101, 'must be a number of points above 0 and at most 100, got 101'],
    ['escalationAfterMonths', 0, 'must be a whole number from 1 to 36, got 0'],
    ['escalationAfterMonths', 1e6, 'must be a whole number from 1 to 36, got 1000000'],
    ['weights.ownership.marketing', -1, 'must be a number from 0 to 1000, got -1'],
    ['weights.ownership.sales', 1001, 'must be a number from 0 to 1000, got 1001'],
    ['weights.ownership.hiring', undefined, 'must be a number from 0 to 1000, got nothing'],
    ['weights.ownership.target', [1], 'must be a number from 0 to 1000, got a list'],
    ['weights.centralisation.dependencies', true, 'must be a number from 0 to 1000, got true'],
    ['weights.centralisation.processes', {}, 'must be a number from 0 to 1000, got an object'],
    ['weights.centralisation.latency', Number.NaN, 'must be a number from 0 to 1000, got NaN'],
    ['weights.centralisation.centralDecisions', -0.5, 'must be a number from 0 to 1000, got -0.5'],
    ['saturation.dependencies', 0, 'must be a number above 0 and at most 1,000,000, got 0'],
    ['saturation.processes', 2e6, 'must be a number above 0 and at most 1,000,000, got 2000000'],
    ['saturation.latencyDays', '10 days', 'must be a number above 0 and at most 1,000,000, got "10 days"'],
  ])('%s = %j', (path, value, message) => {
    expect(settingsProblems(withValue(path, value))).toEqual([{ path, message }]);
  });

  it.each<[string, unknown]>([
    ['windowMonths', 36],
    ['escalationAfterMonths', 1],
    ['ownershipFallThreshold', 100],
    ['severityBands.critical', 100],
    ['weights.ownership.hiring', 0],
    ['weights.centralisation.latency', 1000],
    ['saturation.latencyDays', 1_000_000],
    ['saturation.processes', 0.5],
  ])('accepts %s = %j, at the edge of its rule', (path, value) => {
    expect(settingsProblems(withValue(path, value))).toEqual([]);
  });

  it.each<[string, (settings: DriftSettings) => void, { path: string; message: RegExp }]>([
    [
      'falling bands',
      (s) => Object.assign(s.severityBands, { watch: 10, warning: 5 }),
      { path: 'severityBands', message: /^must rise: watch ≤ warning ≤ critical, got 10, 5, 20$/ },
    ],
    [
      'ownership weight only on hiring, which can be left out',
      (s) => Object.assign(s.weights.ownership, { marketing: 0, sales: 0, target: 0 }),
      { path: 'weights.ownership', message: /^must give marketing, sales or target a weight above 0/ },
    ],
    [
      'centralisation weight only on central decisions',
      (s) => Object.assign(s.weights.centralisation, { dependencies: 0, processes: 0, latency: 0 }),
      { path: 'weights.centralisation', message: /^must give dependencies, processes or latency a weight above 0/ },
    ],
  ])('a rule between fields: %s', (_, change, problem) => {
    const settings = defaults();
    change(settings);
    expect(settingsProblems(settings)).toEqual([{ path: problem.path, message: expect.stringMatching(problem.message) }]);
  });

  it('does not add a rule between fields on top of a field that is already wrong', () => {
    const settings = withValue('severityBands.watch', Number.NaN);
    expect(settingsProblems(settings).map((p) => p.path)).toEqual(['severityBands.watch']);
  });

  it('reports problems, never throws, on missing objects and garbage', () => {
    const garbage = [null, undefined, 42, 'settings', [], {}, { weights: null, severityBands: 'high' }];
    for (const value of garbage) {
      const problems = settingsProblems(value as unknown as DriftSettings);
      expect(problems.map((p) => p.path)).toContain('windowMonths');
      expect(problems.map((p) => p.path)).toContain('weights.ownership.hiring');
    }
  });

  it('assertValidSettings throws a RangeError listing each path', () => {
    const settings = withValue('windowMonths', 0);
    settings.saturation = { ...settings.saturation, latencyDays: -1 };
    expect(() => assertValidSettings(settings)).toThrow(RangeError);
    expect(() => assertValidSettings(settings)).toThrow(
      /^invalid drift settings: windowMonths must be a whole number from 1 to 36, got 0; saturation\.latencyDays must be/,
    );
    expect(() => assertValidSettings(DEFAULT_SETTINGS)).not.toThrow();
  });

  it('checks settings that can still change every time, so a change after a check is caught', () => {
    const settings = defaults();
    assertValidSettings(settings);
    settings.windowMonths = 0;
    expect(() => assertValidSettings(settings)).toThrow(/windowMonths/);
  });
});

describe('parseDriftSettings', () => {
  it('returns a fresh copy of valid settings', () => {
    const body = defaults();
    const parsed = parseDriftSettings(body);
    expect(parsed).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
    if (!parsed.ok) return;
    expect(parsed.settings).not.toBe(body);
    expect(parsed.settings.weights.ownership).not.toBe(body.weights.ownership);
    const { severityBands, weights, saturation } = parsed.settings;
    for (const part of [parsed.settings, severityBands, weights, weights.ownership, weights.centralisation, saturation]) {
      expect(Object.isFrozen(part)).toBe(true);
    }
  });

  it.each<[string, (body: Body) => void, { path: string; message: string }[]]>([
    ['a missing key', (b) => delete b.windowMonths, [{ path: 'windowMonths', message: 'is required' }]],
    [
      'a missing nested key',
      (b) => delete b.weights.centralisation.latency,
      [{ path: 'weights.centralisation.latency', message: 'is required' }],
    ],
    ['a missing object, reported once', (b) => delete b.weights, [{ path: 'weights', message: 'is required' }]],
    [
      'an object that is a number',
      (b) => (b.saturation = 4),
      [{ path: 'saturation', message: 'must be an object with dependencies, processes, latencyDays, got 4' }],
    ],
    [
      'an unknown top-level key',
      (b) => (b.windowDays = 90),
      [{ path: 'windowDays', message: expect.stringMatching(/^is not a setting; expected one of windowMonths, /) }],
    ],
    [
      'unknown nested keys, each named',
      (b) => {
        b.severityBands.severe = 30;
        b.weights.ownership.revenue = 1;
      },
      [
        { path: 'severityBands.severe', message: 'is not a setting; expected one of watch, warning, critical' },
        { path: 'weights.ownership.revenue', message: 'is not a setting; expected one of marketing, sales, hiring, target' },
      ],
    ],
    [
      'a string where a number belongs',
      (b) => (b.weights.ownership.hiring = '2'),
      [{ path: 'weights.ownership.hiring', message: 'must be a number from 0 to 1000, got "2"' }],
    ],
    [
      'shape and value problems together',
      (b) => {
        b.extra = true;
        b.severityBands = { watch: 20, warning: 10, critical: 30 };
      },
      [
        { path: 'extra', message: expect.stringMatching(/^is not a setting/) },
        { path: 'severityBands', message: 'must rise: watch ≤ warning ≤ critical, got 20, 10, 30' },
      ],
    ],
  ])('names %s', (_, change, problems) => {
    const body = defaults() as unknown as Body;
    change(body);
    expect(parseDriftSettings(body)).toEqual({ ok: false, problems });
  });

  it.each([null, 'settings', 3, []])('rejects %j as a whole', (value) => {
    const parsed = parseDriftSettings(value);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual([{ path: '', message: expect.stringMatching(/^must be an object with windowMonths, /) }]);
  });

  it('survives a JSON body with a __proto__ key, naming it', () => {
    const body = JSON.parse(`{"__proto__": {"windowMonths": 3}, ${JSON.stringify(DEFAULT_SETTINGS).slice(1)}`);
    const parsed = parseDriftSettings(body);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.map((p) => p.path)).toEqual(['__proto__']);
  });
});
