import { describe, expect, it } from 'vitest';
import { landingPathAfterSignIn } from './landing.ts';

describe('landingPathAfterSignIn', () => {
  it('lands an area lead on My areas when no page was asked for', () => {
    expect(landingPathAfterSignIn('/', { role: 'area_lead' })).toBe('/my-areas');
  });

  it('keeps the portfolio for everyone else', () => {
    for (const role of ['admin', 'executive', 'viewer'] as const) expect(landingPathAfterSignIn('/', { role })).toBe('/');
  });

  it('takes a lead to the page they asked for, the portfolio for a month included', () => {
    expect(landingPathAfterSignIn('/areas/billing', { role: 'area_lead' })).toBe('/areas/billing');
    expect(landingPathAfterSignIn('/?month=2026-10', { role: 'area_lead' })).toBe('/?month=2026-10');
  });
});
