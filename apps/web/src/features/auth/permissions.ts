import type { Role, User } from '@autonomy/contracts';

/**
 * Who may load figures: admins, and area leads for their own areas (the API checks each row's
 * area). Executives and viewers review; the API refuses their writes anyway, this only spares
 * them a form that cannot work.
 */
export function canImportFigures(role: Role): boolean {
  return role === 'admin' || role === 'area_lead';
}

/**
 * Who may change an area's monthly figures on its page: admins, and the leads of that area ("they
 * may change their own areas and nothing else"). The API decides again on every save.
 */
export function canEditAreaFigures(user: Pick<User, 'role' | 'areaSlugs'>, areaSlug: string): boolean {
  if (user.role === 'admin') return true;
  return user.role === 'area_lead' && user.areaSlugs.includes(areaSlug);
}

/**
 * Who acts on signals (acknowledge, resolve, dismiss, reopen): the people who run the monthly
 * review. Area leads keep their figures current but do not close findings about their own areas.
 */
export function canActOnSignals(role: Role): boolean {
  return role === 'admin' || role === 'executive';
}

/**
 * Who runs the monthly scaling review: starts one, edits its agenda and notes, records decisions
 * and action items. The same people who act on signals; everyone else reads the pack.
 */
export function canRunReviews(role: Role): boolean {
  return role === 'admin' || role === 'executive';
}

/** The drift rule and index weights apply to every area, so only admins change them. */
export function canEditSettings(role: Role): boolean {
  return role === 'admin';
}

/** Creating, changing and deactivating accounts is for admins; the API refuses anyone else (403). */
export function canManageUsers(role: Role): boolean {
  return role === 'admin';
}

/**
 * Who corrects a review started by mistake: admins discard one that has no decisions and no action
 * items yet, or take its snapshot again before its first decision. The API decides again.
 */
export function canCorrectReviews(role: Role): boolean {
  return role === 'admin';
}

/**
 * The owner of an action item marks it done or dropped and writes its progress note; executives
 * and admins change anything on any item (canRunReviews).
 */
export function ownsActionItem(user: Pick<User, 'id'>, item: { owner: { id: string | null } | null }): boolean {
  return item.owner?.id === user.id;
}
