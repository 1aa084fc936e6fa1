import { describe, expect, it } from 'vitest';
import {
  canSetAreaTargets,
  explainTargetMessage,
  initialTargetValues,
  monthsCovered,
  parseTargetForm,
  placeTargetErrors,
  type TargetFormValues,
} from './target-form.ts';

const range = (overrides: Partial<TargetFormValues> = {}): TargetFormValues => ({
  scope: 'range',
  from: '2027-01',
  to: '2027-03',
  revenueTarget: '130000',
  reason: 'New enterprise contract signed',
  ...overrides,
});

describe('who may set targets', () => {
  it('is the same as for figures: admins, and the area’s own leads', () => {
    expect(canSetAreaTargets({ role: 'admin', areaSlugs: [] }, 'checkout')).toBe(true);
    expect(canSetAreaTargets({ role: 'area_lead', areaSlugs: ['checkout'] }, 'checkout')).toBe(true);
    expect(canSetAreaTargets({ role: 'area_lead', areaSlugs: ['payments'] }, 'checkout')).toBe(false);
    expect(canSetAreaTargets({ role: 'executive', areaSlugs: [] }, 'checkout')).toBe(false);
    expect(canSetAreaTargets({ role: 'viewer', areaSlugs: [] }, 'checkout')).toBe(false);
  });
});

describe('initialTargetValues', () => {
  it('starts after the latest month with figures, with a quarter ready if a range is chosen', () => {
    expect(initialTargetValues('2026-10', '2026-11')).toEqual({ scope: 'month', from: '2026-11', to: '2027-01', revenueTarget: '', reason: '' });
  });

  it('starts at the current month for an area without figures', () => {
    expect(initialTargetValues(null, '2026-11').from).toBe('2026-11');
  });
});

describe('parseTargetForm', () => {
  it('turns a range into the request the API takes, the reason trimmed', () => {
    expect(parseTargetForm(range({ revenueTarget: ' 130000.50 ', reason: '  New contract  ' }))).toEqual({
      ok: true,
      request: { from: '2027-01', to: '2027-03', revenueTarget: 130000.5, reason: 'New contract' },
    });
  });

  it('sends one month without `to`, whatever the hidden "To" field holds', () => {
    expect(parseTargetForm(range({ scope: 'month', to: 'nonsense' }))).toEqual({
      ok: true,
      request: { from: '2027-01', revenueTarget: 130000, reason: 'New enterprise contract signed' },
    });
  });

  it('refuses amounts that are not plain digits, and a blank amount', () => {
    expect(parseTargetForm(range({ revenueTarget: '1,000' }))).toEqual({
      ok: false,
      errors: { revenueTarget: ['Enter an amount in digits, such as 125000 or 125000.50.'] },
    });
    expect(parseTargetForm(range({ revenueTarget: '1e6' })).ok).toBe(false);
    expect(parseTargetForm(range({ revenueTarget: '' }))).toEqual({ ok: false, errors: { revenueTarget: ['Enter a target.'] } });
  });

  it('applies the contract’s rules, in plain words, and reports every field at once', () => {
    expect(parseTargetForm(range({ from: '2027-1', revenueTarget: '-5', reason: '   ' }))).toEqual({
      ok: false,
      errors: {
        from: ['Must be a month written YYYY-MM, from 1900-01 on.'],
        revenueTarget: ['Must be 0 or more.'],
        reason: ['Must say why the target changes.'],
      },
    });
  });

  it('judges the other fields even while the amount is unreadable', () => {
    expect(parseTargetForm(range({ revenueTarget: 'lots', reason: '' })).ok).toBe(false);
    expect(parseTargetForm(range({ revenueTarget: 'lots', reason: '' }))).toMatchObject({
      errors: { revenueTarget: ['Enter an amount in digits, such as 125000 or 125000.50.'], reason: ['Must say why the target changes.'] },
    });
  });

  it('refuses a range that runs backwards or covers more than 120 months, naming the first month as the form does', () => {
    expect(parseTargetForm(range({ from: '2027-04', to: '2027-03' }))).toEqual({
      ok: false,
      errors: { to: ['Must not be before the first month.'] },
    });
    expect(parseTargetForm(range({ from: '2027-01', to: '2036-12' })).ok).toBe(true);
    expect(parseTargetForm(range({ from: '2027-01', to: '2037-01' }))).toEqual({
      ok: false,
      errors: { to: ['Must be at most 120 months after the first month.'] },
    });
  });

  it('asks for the last month of a range, and keeps reasons to 500 characters', () => {
    expect(parseTargetForm(range({ to: ' ' }))).toEqual({ ok: false, errors: { to: ['Enter the last month of the range.'] } });
    expect(parseTargetForm(range({ reason: 'x'.repeat(501) }))).toEqual({
      ok: false,
      errors: { reason: ['Must be at most 500 characters.'] },
    });
  });
});

describe('placeTargetErrors', () => {
  it('puts each 422 error beside the field its path names', () => {
    expect(
      placeTargetErrors([
        { path: 'to', message: 'must not be before from' },
        { path: '/revenueTarget', message: 'must be 0 or more' },
        { path: 'body.reason', message: 'must say why the target changes' },
      ]),
    ).toEqual({
      byField: {
        to: ['Must not be before the first month.'],
        revenueTarget: ['Must be 0 or more.'],
        reason: ['Must say why the target changes.'],
      },
      general: [],
    });
  });

  it('lists errors about no field under the form', () => {
    expect(placeTargetErrors([{ path: '', message: 'Unrecognized key: "extra"' }]).general).toEqual(['Unrecognized key: "extra"']);
  });
});

describe('explainTargetMessage', () => {
  it('renames only the field called from, not the word elsewhere', () => {
    expect(explainTargetMessage('must be at most 120 months after from')).toBe('Must be at most 120 months after the first month.');
    expect(explainTargetMessage('copied from the figures')).toBe('Copied from the figures.');
  });
});

describe('monthsCovered', () => {
  it('counts both ends, across years, and gives up on text that is not a month', () => {
    expect(monthsCovered('2026-11', '2027-02')).toBe(4);
    expect(monthsCovered('2027-01', '2027-01')).toBe(1);
    expect(monthsCovered('2027-03', '2027-01')).toBe(-1);
    expect(monthsCovered('2027-1', '2027-03')).toBeNull();
  });
});
