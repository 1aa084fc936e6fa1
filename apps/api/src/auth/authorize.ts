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
  | 'targets.write'
  | 'metrics.import'
  | 'import.read_any' // see anybody's import job, not only one's own
  | 'user.create'
  | 'user.list'
  | 'user.update' // name, role, active, password reset
  | 'audit.read'
  | 'token.create'
  | 'token.manage_own' // list and revoke one's own tokens
  | 'token.revoke_any' // revoke anybody's, e.g. a leaver's
  | 'signal.manage'
  | 'review.manage' // start a monthly review, edit it, record decisions and action items
  | 'settings.write'
  | 'assessments.rebuild';

/** The one authorisation rule: route × role × own or other area. */
export function can(user: AuthenticatedUser, action: Action, areaSlug?: string): boolean {
  if (user.role === 'admin') return true;
  switch (action) {
    case 'read':
    case 'audit.read':
    case 'token.create':
    case 'token.manage_own':
      return true;
    case 'area.edit':
    case 'figures.write':
    case 'targets.write':
    case 'metrics.import':
      return user.role === 'area_lead' && areaSlug !== undefined && user.areaSlugs.includes(areaSlug);
    case 'signal.manage':
    case 'review.manage':
      return user.role === 'executive';
    case 'area.create':
    case 'area.administer':
    case 'user.create':
    case 'user.list':
    case 'user.update':
    case 'token.revoke_any':
    case 'import.read_any':
    case 'settings.write':
    case 'assessments.rebuild':
      return false;
  }
}

export function authorize(user: AuthenticatedUser, action: Action, areaSlug?: string): void {
  if (can(user, action, areaSlug)) return;
  const what = areaSlug ? ` for area "${areaSlug}"` : '';
  throw new ApiError('forbidden', `Your role (${user.role}) does not allow ${action}${what}.`);
}
