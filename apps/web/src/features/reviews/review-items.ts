import {
  createActionItemSchema,
  createDecisionSchema,
  type ActionItem,
  type ActionItemStatus,
  type CreateActionItem,
  type CreateDecision,
  type FieldError,
  type PortfolioRow,
  type Review,
  type UpdateActionItem,
  updateActionItemSchema,
  type UserAccount,
} from '@autonomy/contracts';
import { fieldOfPath, issuesByField, placeFieldErrors, type FieldErrors, type PlacedErrors } from '../../lib/field-errors.ts';
import { asSentence, countOf, formatIssueMessage, formatRole } from '../../lib/format.ts';

/**
 * What the meeting records, as data: decisions and action items, the requests that add them, the
 * order they are read in, and what can be done to an item. The rules on the values are the
 * contract's own schemas, the ones the API checks with.
 */

/** Oldest first, as the meeting recorded them; equal times keep a stable order by id. */
export function sortOldestFirst<T extends { createdAt: string; id: string }>(records: readonly T[]): T[] {
  return [...records].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

// ---- Areas of the snapshot -------------------------------------------------------------------

export interface AreaOption {
  slug: string;
  name: string;
}

/** The areas a decision or item can be about: those in the frozen snapshot, by name. */
export function snapshotAreaOptions(areas: readonly Pick<PortfolioRow, 'slug' | 'name'>[]): AreaOption[] {
  return areas
    .map(({ slug, name }) => ({ slug, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB', { sensitivity: 'base' }) || a.slug.localeCompare(b.slug));
}

/** An area's name as the snapshot knew it; its slug if the snapshot did not have it. */
export function areaNameIn(areas: readonly Pick<PortfolioRow, 'slug' | 'name'>[], slug: string): string {
  return areas.find((area) => area.slug === slug)?.name ?? slug;
}

// ---- Decisions -------------------------------------------------------------------------------

export type DecisionField = 'text' | 'areaSlug';

const DECISION_FIELDS: readonly DecisionField[] = ['text', 'areaSlug'];

/** The inputs as typed; `areaSlug` is '' for "no particular area". */
export interface DecisionValues {
  text: string;
  areaSlug: string;
}

export const EMPTY_DECISION: DecisionValues = { text: '', areaSlug: '' };

export type ParsedDecision = { ok: true; request: CreateDecision } | { ok: false; errors: FieldErrors<DecisionField> };

export function parseDecision(values: DecisionValues): ParsedDecision {
  const parsed = createDecisionSchema.safeParse({ text: values.text, ...(values.areaSlug ? { areaSlug: values.areaSlug } : {}) });
  if (parsed.success) return { ok: true, request: parsed.data };
  return { ok: false, errors: issuesByField(parsed.error.issues, decisionFieldOfPath, formatIssueMessage) };
}

function decisionFieldOfPath(path: string): DecisionField | null {
  return fieldOfPath(path, DECISION_FIELDS);
}

export function placeDecisionErrors(errors: readonly FieldError[]): PlacedErrors<DecisionField> {
  return placeFieldErrors(errors, decisionFieldOfPath, asSentence);
}

// ---- Action items ----------------------------------------------------------------------------

export type ActionItemField = 'title' | 'ownerEmail' | 'dueOn' | 'areaSlug';

export const ACTION_ITEM_FIELDS: readonly ActionItemField[] = ['title', 'ownerEmail', 'dueOn', 'areaSlug'];

/** The inputs as typed; '' for no due date and no particular area. */
export interface ActionItemValues {
  title: string;
  ownerEmail: string;
  dueOn: string;
  areaSlug: string;
}

export const EMPTY_ACTION_ITEM: ActionItemValues = { title: '', ownerEmail: '', dueOn: '', areaSlug: '' };

export type ParsedActionItem = { ok: true; request: CreateActionItem } | { ok: false; errors: FieldErrors<ActionItemField> };

export function parseActionItem(values: ActionItemValues): ParsedActionItem {
  const errors: FieldErrors<ActionItemField> = {};
  if (values.ownerEmail.trim() === '') errors.ownerEmail = ['Choose who owns it.'];
  const parsed = createActionItemSchema.safeParse({
    title: values.title,
    ownerEmail: values.ownerEmail,
    ...(values.dueOn.trim() ? { dueOn: values.dueOn.trim() } : {}),
    ...(values.areaSlug ? { areaSlug: values.areaSlug } : {}),
  });
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, request: parsed.data };
  if (!parsed.success) {
    const fromSchema = issuesByField(parsed.error.issues, actionItemFieldOfPath, formatIssueMessage);
    for (const key of ACTION_ITEM_FIELDS) if (!errors[key] && fromSchema[key]) errors[key] = fromSchema[key];
  }
  return { ok: false, errors };
}

/** The fields an item's edit form changes; its area stays what the meeting said. */
export type ActionItemEditField = 'title' | 'ownerEmail' | 'dueOn';

export const ACTION_ITEM_EDIT_FIELDS: readonly ActionItemEditField[] = ['title', 'ownerEmail', 'dueOn'];

export type ActionItemEditValues = Pick<ActionItemValues, ActionItemEditField>;

export function actionItemEditValues(item: ActionItem): ActionItemEditValues {
  return { title: item.title, ownerEmail: item.owner?.email ?? '', dueOn: item.dueOn ?? '' };
}

export type ParsedActionItemEdit =
  | { kind: 'unchanged' }
  | { kind: 'patch'; patch: UpdateActionItem }
  | { kind: 'invalid'; errors: FieldErrors<ActionItemEditField> };

/** Only what differs from the item as shown goes into the patch; a cleared due date is sent as null. */
export function parseActionItemEdit(item: ActionItem, values: ActionItemEditValues): ParsedActionItemEdit {
  const shown = actionItemEditValues(item);
  const candidate: Record<string, unknown> = {};
  if (values.title !== shown.title) candidate.title = values.title;
  if (values.ownerEmail.trim().toLowerCase() !== shown.ownerEmail.toLowerCase()) candidate.ownerEmail = values.ownerEmail;
  if (values.dueOn.trim() !== shown.dueOn) candidate.dueOn = values.dueOn.trim() === '' ? null : values.dueOn.trim();
  if (Object.keys(candidate).length === 0) return { kind: 'unchanged' };
  if (candidate.ownerEmail !== undefined && values.ownerEmail.trim() === '') {
    return { kind: 'invalid', errors: { ownerEmail: ['Choose who owns it.'] } };
  }
  const parsed = updateActionItemSchema.safeParse(candidate);
  if (parsed.success) return { kind: 'patch', patch: parsed.data };
  return { kind: 'invalid', errors: issuesByField(parsed.error.issues, actionItemEditFieldOfPath, formatIssueMessage) };
}

function actionItemEditFieldOfPath(path: string): ActionItemEditField | null {
  return fieldOfPath(path, ACTION_ITEM_EDIT_FIELDS);
}

/** The API's 422 beside its field in the edit form. */
export function placeActionItemEditErrors(errors: readonly FieldError[]): PlacedErrors<ActionItemEditField> {
  return placeFieldErrors(errors, actionItemEditFieldOfPath, asSentence);
}

function actionItemFieldOfPath(path: string): ActionItemField | null {
  return fieldOfPath(path, ACTION_ITEM_FIELDS);
}

/** The API's 422 beside its field: an owner who is not an active user is refused on `ownerEmail`. */
export function placeActionItemErrors(errors: readonly FieldError[]): PlacedErrors<ActionItemField> {
  return placeFieldErrors(errors, actionItemFieldOfPath, asSentence);
}

/** One person an item can be given to. */
export interface OwnerOption {
  email: string;
  /** "Erin Executive · exec@demo.example · Executive": enough to tell two people apart. */
  label: string;
}

/** Anyone who can sign in may own an item, whatever their role; by name. */
export function ownerOptions(users: readonly UserAccount[]): OwnerOption[] {
  return users
    .filter((user) => user.active)
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB', { sensitivity: 'base' }) || a.email.localeCompare(b.email))
    .map((user) => ({ email: user.email, label: `${user.name} · ${user.email} · ${formatRole(user.role)}` }));
}

/**
 * The people this review already names (who started it, recorded its decisions, own its items),
 * by name: suggestions for the owner's email where the full list of users is not available.
 */
export function peopleInReview(review: Pick<Review, 'createdBy' | 'decisions' | 'actionItems'>): { email: string; name: string }[] {
  const byEmail = new Map<string, string>();
  const actors = [
    review.createdBy,
    ...review.decisions.map((decision) => decision.createdBy),
    ...review.actionItems.map((item) => item.owner),
  ];
  for (const actor of actors) if (actor && !byEmail.has(actor.email)) byEmail.set(actor.email, actor.name);
  return [...byEmail]
    .map(([email, name]) => ({ email, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB', { sensitivity: 'base' }) || a.email.localeCompare(b.email));
}

export const ACTION_ITEM_STATUS_LABELS: Readonly<Record<ActionItemStatus, string>> = {
  open: 'Open',
  done: 'Done',
  dropped: 'Dropped',
};

/** A button that moves an item to another status. */
export interface ActionItemMove {
  to: ActionItemStatus;
  label: string;
}

/** Open items can be finished or dropped; settled ones reopened (a dropped item is never deleted). */
export function actionItemMoves(status: ActionItemStatus): ActionItemMove[] {
  if (status === 'open') {
    return [
      { to: 'done', label: 'Mark done' },
      { to: 'dropped', label: 'Drop' },
    ];
  }
  return [{ to: 'open', label: 'Reopen' }];
}

/**
 * What to tell someone whose change to an item was refused because it changed after they saw it
 * (a 412): what the item is now, and that the choice is theirs to make again.
 */
export function describeActionItemConflict(latest: ActionItem | null): string {
  if (latest === null) return 'This item is no longer in the review.';
  const owner = latest.owner ? `, owned by ${latest.owner.name}` : '';
  const status = ACTION_ITEM_STATUS_LABELS[latest.status].toLowerCase();
  return `Someone changed this item meanwhile: it is now ${status}${owner}. Look again and decide.`;
}

/** The list's action-item column: "2 open of 5 items", "all 3 settled", "none". */
export function describeActionItemCounts(open: number, total: number): string {
  if (total === 0) return 'none';
  if (open === 0) return total === 1 ? '1 settled' : `all ${total} settled`;
  return `${open} open of ${countOf(total, 'item')}`;
}

/** "2 of 3 action items still open", "all 3 action items settled", "no action items". */
export function describeOpenItems(open: number, total: number): string {
  if (total === 0) return 'no action items';
  if (open === 0) return total === 1 ? 'its action item settled' : `all ${total} action items settled`;
  return `${open} of ${countOf(total, 'action item')} still open`;
}

/** The pack's line above the items: "3 items, 1 still open, 1 of them overdue." */
export function describeActionItemProgress(total: number, open: number, overdue: number): string {
  const overdueNote = overdue > 0 ? `, ${overdue} of them overdue` : '';
  return `${countOf(total, 'item')}, ${open === 0 ? 'none' : open} still open${overdueNote}.`;
}
