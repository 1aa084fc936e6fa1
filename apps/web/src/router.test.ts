import { describe, expect, it } from 'vitest';
import { matchRoute, readMonthParam, safeReturnPath, withMonth } from './router.tsx';

describe('matchRoute', () => {
  it('knows every page', () => {
    expect(matchRoute('/')).toEqual({ name: 'portfolio' });
    expect(matchRoute('/areas/payments')).toEqual({ name: 'area', slug: 'payments' });
    expect(matchRoute('/areas')).toEqual({ name: 'areas' });
    expect(matchRoute('/my-areas/')).toEqual({ name: 'my-areas' });
    expect(matchRoute('/import/')).toEqual({ name: 'import' });
    expect(matchRoute('/settings')).toEqual({ name: 'settings' });
    expect(matchRoute('/access')).toEqual({ name: 'access' });
    expect(matchRoute('/sign-in')).toEqual({ name: 'sign-in' });
    expect(matchRoute('/reviews')).toEqual({ name: 'reviews' });
    expect(matchRoute('/reviews/')).toEqual({ name: 'reviews' });
    expect(matchRoute('/signals')).toEqual({ name: 'signals' });
    expect(matchRoute('/reviews/6f1c2a8e-0b7d-4c1e-9a53-2d4e8f0a1b2c')).toEqual({
      name: 'review',
      id: '6f1c2a8e-0b7d-4c1e-9a53-2d4e8f0a1b2c',
    });
  });

  it('treats anything else as not found', () => {
    expect(matchRoute('/areas/a/b')).toEqual({ name: 'not-found' });
    expect(matchRoute('/nope')).toEqual({ name: 'not-found' });
    expect(matchRoute('/reviews/a/decisions')).toEqual({ name: 'not-found' });
    expect(matchRoute('/reviews/garbage')).toEqual({ name: 'not-found' });
  });

  it('treats a malformed %-escape as not found instead of throwing (regression: a blank page)', () => {
    expect(matchRoute('/areas/%')).toEqual({ name: 'not-found' });
    expect(matchRoute('/areas/%E9')).toEqual({ name: 'not-found' });
    expect(matchRoute('/reviews/%zz')).toEqual({ name: 'not-found' });
    expect(matchRoute('/%')).toEqual({ name: 'not-found' });
    expect(matchRoute('/areas/caf%C3%A9')).toEqual({ name: 'area', slug: 'café' });
  });
});

describe('withMonth', () => {
  it('keeps the month in the query so links are shareable', () => {
    expect(withMonth('/areas/payments', '2024-09')).toBe('/areas/payments?month=2024-09');
    expect(withMonth('/', undefined)).toBe('/');
  });
});

describe('readMonthParam', () => {
  it('reads a real month and ignores anything else', () => {
    expect(readMonthParam(new URLSearchParams('month=2024-09'))).toBe('2024-09');
    expect(readMonthParam(new URLSearchParams('month=2024-13'))).toBeUndefined();
    expect(readMonthParam(new URLSearchParams('month=september'))).toBeUndefined();
    expect(readMonthParam(new URLSearchParams(''))).toBeUndefined();
  });
});

describe('safeReturnPath', () => {
  it('returns to same-origin paths, query included', () => {
    expect(safeReturnPath('/areas/payments?month=2024-09')).toBe('/areas/payments?month=2024-09');
  });

  it('refuses anything that could leave the site or loop back to sign-in', () => {
    expect(safeReturnPath('https://evil.example/')).toBe('/');
    expect(safeReturnPath('//evil.example/')).toBe('/');
    expect(safeReturnPath('/\\evil.example')).toBe('/');
    expect(safeReturnPath('/sign-in?next=/')).toBe('/');
    expect(safeReturnPath(null)).toBe('/');
  });
});
