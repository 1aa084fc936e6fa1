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

/**
 * Refuses, in the words of the person refused: who may do this, and to what. Never a permission
 * code; the area by its name when the caller knows it.
 */
export function authorize(user: AuthenticatedUser, action: Action, areaSlug?: string, areaName?: string): void {
  if (can(user, action, areaSlug)) return;
  throw new ApiError('forbidden', refusal(action, areaName ?? areaSlug));
}

function refusal(action: Action, area: string | undefined): string {
  const its = area === undefined ? 'the area’s' : possessive(area);
  switch (action) {
    case 'figures.write':
      return `Only ${its} leads and admins can change ${its} figures.`;
    case 'targets.write':
      return `Only ${its} leads and admins can set ${its} revenue targets.`;
    case 'metrics.import':
      return `Only ${its} leads and admins can import ${its} figures.`;
    case 'area.edit':
      return `Only ${its} leads and admins can change ${its} name and description.`;
    case 'area.create':
      return 'Only admins can add areas.';
    case 'area.administer':
      return 'Only admins can change who leads an area, or archive and restore it.';
    case 'user.create':
    case 'user.list':
    case 'user.update':
      return 'Only admins can see and manage user accounts.';
    case 'token.revoke_any':
      return 'Only admins can revoke someone else’s API token.';
    case 'import.read_any':
      return 'This import job is someone else’s: only they and admins can see it.';
    case 'signal.manage':
      return 'Only executives and admins can decide on signals.';
    case 'review.manage':
      return 'Only executives and admins can run the monthly review.';
    case 'settings.write':
      return 'Only admins can change the drift settings.';
    case 'assessments.rebuild':
      return 'Only admins can rebuild the stored assessments.';
    case 'read':
    case 'audit.read':
    case 'token.create':
    case 'token.manage_own':
      return 'You are not allowed to do this.';
  }
}

/** Billing → Billing’s; Payments → Payments’. */
function possessive(name: string): string {
  return name.endsWith('s') ? `${name}’` : `${name}’s`;
}
