import { updateAreaSchema, type Area, type FieldError, type Role, type UpdateArea, type User, type UserAccount } from '@autonomy/contracts';
import type { ConflictFields } from '../../lib/conflict.ts';
import { fieldOfPath, issuesByField, placeFieldErrors, type FieldErrors, type PlacedErrors } from '../../lib/field-errors.ts';
import { asSentence, formatIssueMessage, formatRole } from '../../lib/format.ts';
import { canEditAreaFigures } from '../auth/permissions.ts';

/**
 * The "Edit area" form as data: who may change what, the patch a save sends, and what a conflict
 * looks like. The rules on the values (a name, at most 10 distinct leads) are the contract's own
 * `updateAreaSchema`, the one the API validates the change with.
 */

export type AreaDetailKey = 'name' | 'description' | 'leadEmails' | 'status';

/** What the form edits. Name and description hold the text as typed; leads are kept sorted. */
export interface AreaDetails {
  name: string;
  description: string;
  leadEmails: string[];
  status: Area['status'];
}

export const AREA_DETAIL_LABELS: Readonly<Record<AreaDetailKey, string>> = {
  name: 'Name',
  description: 'Description',
  leadEmails: 'Leads',
  status: 'Status',
};

const DETAIL_KEYS: readonly AreaDetailKey[] = ['name', 'description', 'leadEmails', 'status'];

/**
 * Who may edit an area's details: the same people who may edit its figures (admins, and the area's
 * own leads). The API decides again on every save.
 */
export function canEditAreaDetails(user: Pick<User, 'role' | 'areaSlugs'>, areaSlug: string): boolean {
  return canEditAreaFigures(user, areaSlug);
}

/** Naming leads and archiving decide who owns an area, so only admins do it. */
export function canAdministerArea(role: Role): boolean {
  return role === 'admin';
}

/** The fields a user may change: name and description, and for admins leads and status too. */
export function editableAreaDetails(canAdminister: boolean): AreaDetailKey[] {
  return canAdminister ? [...DETAIL_KEYS] : ['name', 'description'];
}

export function pickAreaDetails(area: Area): AreaDetails {
  return { name: area.name, description: area.description, leadEmails: sortedEmails(area.leadEmails), status: area.status };
}

function sortedEmails(emails: readonly string[]): string[] {
  return [...emails].sort();
}

/** Ticks or unticks one lead; the list stays sorted, as the API returns it. */
export function toggleLead(leadEmails: readonly string[], email: string, chosen: boolean): string[] {
  const others = leadEmails.filter((lead) => lead !== email);
  return sortedEmails(chosen ? [...others, email] : others);
}

/**
 * Whether a field differs as the API would store it: text trimmed (the contract trims it), leads
 * as a set (the API keeps them in email order whatever order they were sent in).
 */
function sameDetail(key: AreaDetailKey, a: AreaDetails, b: AreaDetails): boolean {
  switch (key) {
    case 'name':
    case 'description':
      return a[key].trim() === b[key].trim();
    case 'leadEmails':
      return sortedEmails(a.leadEmails).join('\n') === sortedEmails(b.leadEmails).join('\n');
    case 'status':
      return a.status === b.status;
  }
}

/** The fields that differ between two versions, in form order. */
export function diffAreaDetails(a: AreaDetails, b: AreaDetails): AreaDetailKey[] {
  return DETAIL_KEYS.filter((key) => !sameDetail(key, a, b));
}

export type AreaPatch =
  | { kind: 'patch'; patch: UpdateArea }
  /** Nothing the user may change differs from what was opened: there is nothing to send. */
  | { kind: 'unchanged' }
  | { kind: 'invalid'; errors: FieldErrors<AreaDetailKey> };

/**
 * The PATCH body for a save: only the fields the user changed, so a save never writes back a
 * value someone else changed in the meantime, and a lead's save never carries the admin-only
 * fields the API would refuse.
 */
export function buildAreaPatch(opened: AreaDetails, values: AreaDetails, editable: readonly AreaDetailKey[]): AreaPatch {
  const changed = diffAreaDetails(opened, values).filter((key) => editable.includes(key));
  if (changed.length === 0) return { kind: 'unchanged' };
  const patch: UpdateArea = {};
  for (const key of changed) {
    if (key === 'leadEmails') patch.leadEmails = [...values.leadEmails];
    else if (key === 'status') patch.status = values.status;
    else patch[key] = values[key];
  }
  const parsed = updateAreaSchema.safeParse(patch);
  if (parsed.success) return { kind: 'patch', patch: parsed.data };
  return { kind: 'invalid', errors: issuesByField(parsed.error.issues, detailOfPath, formatIssueMessage) };
}

/** The field an error path names: `name`, `/leadEmails/1`, `leadEmail` (one bad lead); null for none. */
function detailOfPath(path: string): AreaDetailKey | null {
  const field = fieldOfPath<AreaDetailKey | 'leadEmail'>(path, [...DETAIL_KEYS, 'leadEmail']);
  return field === 'leadEmail' ? 'leadEmails' : field;
}

export function placeAreaErrors(errors: readonly FieldError[]): PlacedErrors<AreaDetailKey> {
  return placeFieldErrors(errors, detailOfPath, asSentence);
}

/** A field's value for reading: the conflict panel and the header say leads and status in words. */
export function formatAreaDetail(key: AreaDetailKey, details: AreaDetails): string {
  switch (key) {
    case 'name':
      return details.name.trim();
    case 'description':
      return details.description.trim() || '(no description)';
    case 'leadEmails':
      return details.leadEmails.length > 0 ? details.leadEmails.join(', ') : 'no lead';
    case 'status':
      return details.status === 'active' ? 'Active' : 'Archived';
  }
}

/** The page header's line about leads: "Lead: a", "Leads: a, b", or "No lead assigned". */
export function describeLeads(leadEmails: readonly string[]): string {
  if (leadEmails.length === 0) return 'No lead assigned';
  return `${leadEmails.length === 1 ? 'Lead' : 'Leads'}: ${leadEmails.join(', ')}`;
}

/** How the conflict panel compares the details and words them (leads and status too). */
export const AREA_CONFLICT_FIELDS: ConflictFields<AreaDetails, AreaDetailKey> = {
  diff: diffAreaDetails,
  label: (key) => AREA_DETAIL_LABELS[key],
  format: formatAreaDetail,
};

/** One choice in the admin's list of leads. */
export interface LeadOption {
  email: string;
  name: string;
  /** Email and role, to tell two people of the same name apart. */
  detail: string;
  /** False for a current lead who could not be named today (another role, deactivated). */
  eligible: boolean;
}

const LEAD_ROLES: readonly Role[] = ['area_lead', 'admin'];

/**
 * Who can be named lead, by name: active users with the area_lead or admin role (the API refuses
 * anyone else). A current lead who no longer qualifies stays in the list, so the admin can untick them.
 */
export function leadOptions(users: readonly UserAccount[], currentLeads: readonly string[]): LeadOption[] {
  const byEmail = new Map(users.map((user) => [user.email, user]));
  const options: LeadOption[] = [];
  for (const user of users) {
    const eligible = user.active && LEAD_ROLES.includes(user.role);
    if (eligible || currentLeads.includes(user.email)) options.push(optionFor(user, eligible));
  }
  for (const email of currentLeads) {
    if (!byEmail.has(email)) options.push({ email, name: email, detail: 'not a user any more', eligible: false });
  }
  return options.sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.email.localeCompare(b.email));
}

function optionFor(user: UserAccount, eligible: boolean): LeadOption {
  const status = user.active ? '' : ', deactivated';
  return { email: user.email, name: user.name, detail: `${user.email} · ${formatRole(user.role)}${status}`, eligible };
}
