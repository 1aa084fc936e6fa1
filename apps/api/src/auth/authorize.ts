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
  | 'signal.comment' // comment on a signal's incident: its area's leads, executives
  | 'review.manage' // start a monthly review, edit it, record decisions and action items
  | 'review.discard' // remove a review started by mistake (no decisions, no action items yet)
  | 'review.refreeze' // take a review's snapshot again, before its first decision
  | 'action_item.update' // change any action item, any field
  | 'action_item.update_own' // mark one's own action item done or dropped, write its progress note
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
    case 'action_item.update_own':
      return true;
    case 'area.edit':
    case 'figures.write':
    case 'targets.write':
    case 'metrics.import':
      return user.role === 'area_lead' && areaSlug !== undefined && user.areaSlugs.includes(areaSlug);
    case 'signal.manage':
    case 'review.manage':
    case 'action_item.update':
      return user.role === 'executive';
    case 'signal.comment':
      return user.role === 'executive' || (user.role === 'area_lead' && areaSlug !== undefined && user.areaSlugs.includes(areaSlug));
    case 'area.create':
    case 'area.administer':
    case 'user.create':
    case 'user.list':
    case 'user.update':
    case 'token.revoke_any':
    case 'import.read_any':
    case 'settings.write':
    case 'assessments.rebuild':
    case 'review.discard':
    case 'review.refreeze':
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
    case 'signal.comment':
      return `Only ${its} leads, executives and admins can comment on ${its} signals.`;
    case 'review.manage':
      return 'Only executives and admins can run the monthly review.';
    case 'review.discard':
      return 'Only admins can discard a review.';
    case 'review.refreeze':
      return 'Only admins can take a review’s snapshot again.';
    case 'action_item.update':
      return 'Only the item’s owner, executives and admins can update it.';
    case 'settings.write':
      return 'Only admins can change the drift settings.';
    case 'assessments.rebuild':
      return 'Only admins can rebuild the stored assessments.';
    case 'read':
    case 'audit.read':
    case 'token.create':
    case 'token.manage_own':
    case 'action_item.update_own':
      return 'You are not allowed to do this.';
  }
}

/** What the owner of an action item may change on it: its status to done or dropped, and its note. */
export interface ActionItemChange {
  title?: unknown;
  ownerEmail?: unknown;
  dueOn?: unknown;
  status?: 'open' | 'done' | 'dropped';
  note?: unknown;
}

/**
 * Executives and admins change any action item; its owner marks it done or dropped and writes
 * its progress note. Refuses anyone else, and an owner asking for more, saying what they may do.
 */
export function authorizeActionItemChange(user: AuthenticatedUser, item: { owner: { id: string } | null }, change: ActionItemChange): void {
  if (can(user, 'action_item.update')) return;
  if (item.owner?.id !== user.id || !can(user, 'action_item.update_own')) {
    throw new ApiError('forbidden', refusal('action_item.update', undefined));
  }
  const fields = [change.title !== undefined && 'title', change.ownerEmail !== undefined && 'owner', change.dueOn !== undefined && 'due date'].filter(
    (field): field is string => field !== false,
  );
  const asks = [...(change.status === 'open' ? ['reopen it'] : []), ...(fields.length > 0 ? [`change its ${listed(fields)}`] : [])];
  if (asks.length === 0) return;
  throw new ApiError('forbidden', `As its owner you can mark it done or dropped and add a note; ask an executive to ${asks.join(' or ')}.`);
}

function listed(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** Billing → Billing’s; Payments → Payments’. */
function possessive(name: string): string {
  return name.endsWith('s') ? `${name}’` : `${name}’s`;
}
