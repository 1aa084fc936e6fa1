import { describe, expect, it } from 'vitest';
import type { Role } from '@autonomy/contracts';
import { canActOnSignals, canEditSettings, canImportFigures } from './permissions.ts';

const roles: readonly Role[] = ['admin', 'executive', 'area_lead', 'viewer'];
const allowed = (check: (role: Role) => boolean) => roles.filter(check);

describe('permissions', () => {
  it('lets admins and area leads import figures', () => {
    expect(allowed(canImportFigures)).toEqual(['admin', 'area_lead']);
  });

  it('lets admins and executives act on signals, not leads or viewers', () => {
    expect(allowed(canActOnSignals)).toEqual(['admin', 'executive']);
  });

  it('lets only admins change the settings', () => {
    expect(allowed(canEditSettings)).toEqual(['admin']);
  });
});
