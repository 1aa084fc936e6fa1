import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api.ts';
import { EMPTY_NEW_AREA, parseNewArea, placeNewAreaErrors, suggestSlug } from './new-area-form.ts';

describe('parseNewArea', () => {
  it('gives the API the area as typed, trimmed, with no lead when none is chosen', () => {
    expect(parseNewArea({ slug: ' fraud ', name: ' Fraud ', description: 'Risk scoring.', leadEmail: '' })).toEqual({
      ok: true,
      area: { slug: 'fraud', name: 'Fraud', description: 'Risk scoring.', leadEmail: null },
    });
    const withLead = parseNewArea({ ...EMPTY_NEW_AREA, slug: 'fraud', name: 'Fraud', leadEmail: 'priya@example.com' });
    expect(withLead.ok && withLead.area.leadEmail).toBe('priya@example.com');
  });

  it('words what is wrong beside each field, by the contract’s rules', () => {
    const parsed = parseNewArea({ ...EMPTY_NEW_AREA, slug: 'Fraud Team', name: '   ' });
    expect(parsed).toEqual({
      ok: false,
      errors: { slug: ['Must be 2–64 characters of a–z, 0–9 and -.'], name: ['Must not be empty.'] },
    });
  });
});

describe('suggestSlug', () => {
  it('turns a name into an address-safe slug', () => {
    expect(suggestSlug('Data Platform')).toBe('data-platform');
    expect(suggestSlug('  Zürich & Co. ')).toBe('zurich-co');
    expect(suggestSlug('')).toBe('');
  });
});

describe('placeNewAreaErrors', () => {
  it('puts a taken slug (409) beside the slug, in the API’s words', () => {
    const taken = new ApiError({ type: 'about:blank', title: 'Conflict', status: 409, detail: 'An area with the slug "billing" already exists.' });
    expect(placeNewAreaErrors(taken)).toEqual({ byField: { slug: ['An area with the slug "billing" already exists.'] }, general: [] });
  });

  it('puts each 422 error beside the field its path names, and the others under the form', () => {
    const invalid = new ApiError({
      type: 'about:blank',
      title: 'Invalid input',
      status: 422,
      detail: 'Every lead must be an existing user with the area_lead role.',
      errors: [
        { path: 'leadEmail', message: 'val@example.com is a viewer; a lead needs the area_lead role' },
        { path: 'status', message: 'is not a field' },
      ],
    });
    expect(placeNewAreaErrors(invalid)).toEqual({
      byField: { leadEmail: ['val@example.com is a viewer; a lead needs the area_lead role.'] },
      general: ['status: is not a field'],
    });
  });

  it('leaves a refusal about no field (a 403) to the notice under the form', () => {
    const forbidden = new ApiError({ type: 'about:blank', title: 'Forbidden', status: 403, detail: 'Only admins create areas.' });
    expect(placeNewAreaErrors(forbidden)).toBeNull();
  });
});
