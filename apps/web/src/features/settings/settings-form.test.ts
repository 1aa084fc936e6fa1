import { describe, expect, it } from 'vitest';
import { settingsFixture } from '../../test-support/fixtures.ts';
import {
  parseFormValues,
  parseSettingNumber,
  placeFieldErrors,
  SETTINGS_FIELDS,
  settingsDifferences,
  toFormValues,
} from './settings-form.ts';

describe('the settings form fields', () => {
  it('has every setting once: window, two thresholds, escalation, three bands, eight weights, three constants', () => {
    const paths = SETTINGS_FIELDS.map((field) => field.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toHaveLength(18);
    expect(paths.filter((path) => path.startsWith('weights.'))).toHaveLength(8);
    expect(paths.filter((path) => path.startsWith('saturation.'))).toHaveLength(3);
    expect(paths.filter((path) => path.startsWith('severityBands.'))).toHaveLength(3);
  });

  it('gives each field a hint', () => {
    for (const field of SETTINGS_FIELDS) expect(field.hint.length).toBeGreaterThan(10);
  });
});

describe('toFormValues and parseFormValues', () => {
  it('round-trip the settings', () => {
    const settings = { ...settingsFixture(), ownershipFallThreshold: 7.5 };
    const values = toFormValues(settings);
    expect(values.windowMonths).toBe('3');
    expect(values.ownershipFallThreshold).toBe('7.5');
    expect(values['weights.centralisation.centralDecisions']).toBe('1');
    expect(parseFormValues(values)).toEqual({ ok: true, settings });
  });

  it('reports every field that is not a number, and only those', () => {
    const values = { ...toFormValues(settingsFixture()), windowMonths: '2.5', 'saturation.latencyDays': '' };
    expect(parseFormValues(values)).toEqual({
      ok: false,
      errors: { windowMonths: 'Enter a whole number, such as 3.', 'saturation.latencyDays': 'Enter a number.' },
    });
  });

  it('leaves range rules to the API, so a window of 0 goes through to be refused there', () => {
    const parsed = parseFormValues({ ...toFormValues(settingsFixture()), windowMonths: '0' });
    expect(parsed.ok && parsed.settings.windowMonths).toBe(0);
  });
});

describe('parseSettingNumber', () => {
  it('reads plain decimals, with spaces around', () => {
    expect(parseSettingNumber(' 2.5 ', false)).toEqual({ ok: true, value: 2.5 });
    expect(parseSettingNumber('.5', false)).toEqual({ ok: true, value: 0.5 });
    expect(parseSettingNumber('-1', false)).toEqual({ ok: true, value: -1 });
    expect(parseSettingNumber('6', true)).toEqual({ ok: true, value: 6 });
  });

  it('refuses what Number() would misread or guess', () => {
    for (const text of ['1e3', '0x10', '1,000', '2,5', 'three', 'Infinity']) {
      expect(parseSettingNumber(text, false).ok).toBe(false);
    }
    expect(parseSettingNumber('', false)).toEqual({ ok: false, message: 'Enter a number.' });
  });

  it('asks for a whole number where only whole months make sense', () => {
    expect(parseSettingNumber('3.5', true)).toEqual({ ok: false, message: 'Enter a whole number, such as 3.' });
    expect(parseSettingNumber('3.0', true)).toEqual({ ok: true, value: 3 });
  });
});

describe('placeFieldErrors', () => {
  it('puts an error next to the field its path names, as a sentence of its own', () => {
    expect(placeFieldErrors([{ path: 'weights.ownership.hiring', message: 'must be ≥ 0' }]).byPath).toEqual({
      'weights.ownership.hiring': ['Must be ≥ 0'],
    });
  });

  it('puts an error about a group next to the group', () => {
    const placed = placeFieldErrors([
      { path: 'severityBands', message: 'must rise: watch ≤ warning ≤ critical' },
      { path: 'weights.ownership', message: 'must not all weigh 0' },
    ]);
    expect(placed.byPath).toEqual({
      severityBands: ['Must rise: watch ≤ warning ≤ critical'],
      'weights.ownership': ['Must not all weigh 0'],
    });
  });

  it('reads JSON-pointer paths and places what it cannot in the general list', () => {
    const placed = placeFieldErrors([
      { path: '/windowMonths', message: 'must be a whole number ≥ 1' },
      { path: '', message: 'body must be an object' },
      { path: 'weights', message: 'is missing' },
    ]);
    expect(placed.byPath).toEqual({ windowMonths: ['Must be a whole number ≥ 1'] });
    expect(placed.general).toEqual(['body must be an object', 'weights: is missing']);
  });
});

describe('settingsDifferences', () => {
  it('lists, in form order, where the form differs from what another admin saved', () => {
    const theirs = { ...settingsFixture(), windowMonths: 6, saturation: { dependencies: 5, processes: 8, latencyDays: 10 } };
    const mine = { ...toFormValues(settingsFixture()), 'weights.ownership.hiring': '2' };
    expect(settingsDifferences(mine, theirs)).toEqual([
      { path: 'windowMonths', label: 'Window (drift rule)', theirs: '6', yours: '3' },
      { path: 'weights.ownership.hiring', label: 'Hiring (ownership weights)', theirs: '1', yours: '2' },
      { path: 'saturation.dependencies', label: 'Dependencies (saturation constants)', theirs: '5', yours: '4' },
    ]);
  });

  it('compares numbers, not text, and counts text that is no number as a difference', () => {
    const values = { ...toFormValues(settingsFixture()), ownershipFallThreshold: '5.0', 'severityBands.watch': ' 5 ', escalationAfterMonths: '' };
    expect(settingsDifferences(values, settingsFixture()).map((difference) => difference.path)).toEqual(['escalationAfterMonths']);
  });

  it('finds nothing when the form already says what is saved', () => {
    expect(settingsDifferences(toFormValues(settingsFixture()), settingsFixture())).toEqual([]);
  });
});
