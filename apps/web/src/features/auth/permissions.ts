import type { Role } from '@autonomy/contracts';

/**
 * Who may load figures: admins, and area leads for their own areas (the API checks each row's
 * area). Executives and viewers review; the API refuses their writes anyway, this only spares
 * them a form that cannot work.
 */
export function canImportFigures(role: Role): boolean {
  return role === 'admin' || role === 'area_lead';
}
