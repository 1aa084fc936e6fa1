import type { AuthenticatedUser } from '../context.ts';
import { ApiError } from '../errors/problem.ts';

/**
 * Everything a signed-in user can try. Reading is open to every role; writing depends on the
 * role and, for area leads, on whether they lead the area concerned.
 */
export type Action =
  | 'read'
  | 'area.create'
  | 'area.edit'
  | 'area.administer' // lead, status
  | 'figures.write'
  | 'metrics.import'
  | 'user.create'
  | 'token.create';

/** The one authorisation rule: route × role × own or other area. */
export function can(user: AuthenticatedUser, action: Action, areaSlug?: string): boolean {
  if (user.role === 'admin') return true;
  switch (action) {
    case 'read':
    case 'token.create':
      return true;
    case 'area.edit':
    case 'figures.write':
    case 'metrics.import':
      return user.role === 'area_lead' && areaSlug !== undefined && user.areaSlugs.includes(areaSlug);
    case 'area.create':
    case 'area.administer':
    case 'user.create':
      return false;
  }
}

export function authorize(user: AuthenticatedUser, action: Action, areaSlug?: string): void {
  if (can(user, action, areaSlug)) return;
  const what = areaSlug ? ` for area "${areaSlug}"` : '';
  throw new ApiError('forbidden', `Your role (${user.role}) does not allow ${action}${what}.`);
}
