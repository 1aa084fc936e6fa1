import { describe, expect, it } from 'vitest';
import type { Role } from '@autonomy/contracts';
import {
  canActOnSignals,
  canEditAreaFigures,
  canEditSettings,
  canImportFigures,
  canManageUsers,
  canRunReviews,
} from './permissions.ts';

const roles: readonly Role[] = ['admin', 'executive', 'area_lead', 'viewer'];
const allowed = (check: (role: Role) => boolean) => roles.filter(check);

describe('permissions', () => {
  it('lets admins and area leads import figures', () => {
    expect(allowed(canImportFigures)).toEqual(['admin', 'area_lead']);
  });

  it('lets admins and executives act on signals, not leads or viewers', () => {
    expect(allowed(canActOnSignals)).toEqual(['admin', 'executive']);
  });

  it('lets admins and executives run the monthly review, not leads or viewers', () => {
    expect(allowed(canRunReviews)).toEqual(['admin', 'executive']);
  });

  it('lets only admins change the settings', () => {
    expect(allowed(canEditSettings)).toEqual(['admin']);
  });

  it('lets only admins manage users', () => {
    expect(allowed(canManageUsers)).toEqual(['admin']);
  });

  it('lets admins edit any area’s figures and leads only the areas they lead', () => {
    expect(canEditAreaFigures({ role: 'admin', areaSlugs: [] }, 'search')).toBe(true);
    expect(canEditAreaFigures({ role: 'area_lead', areaSlugs: ['checkout', 'payments'] }, 'checkout')).toBe(true);
    expect(canEditAreaFigures({ role: 'area_lead', areaSlugs: ['checkout', 'payments'] }, 'search')).toBe(false);
    // As in the API, the list of areas grants writes to area leads only.
    expect(canEditAreaFigures({ role: 'executive', areaSlugs: ['checkout'] }, 'checkout')).toBe(false);
    expect(canEditAreaFigures({ role: 'viewer', areaSlugs: [] }, 'checkout')).toBe(false);
  });
});
