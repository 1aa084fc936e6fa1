import {
  createUserSchema,
  passwordSchema,
  updateUserSchema,
  type CreateUser,
  type FieldError,
  type Role,
  type UpdateUser,
  type UserAccount,
} from '@autonomy/contracts';
import { fieldOfPath, issuesByField, placeFieldErrors, type FieldErrors, type PlacedErrors } from '../../lib/field-errors.ts';
import { asSentence, formatIssueMessage, formatRole, type ValidationIssue } from '../../lib/format.ts';

/**
 * The admin's user forms as data: a new account, a change of name or role, a password reset, and
 * what to say when another admin changed the account first. The rules on the values are the
 * contract's own schemas, the ones the API validates with.
 */

/** From least to most rights, the order the role menu offers them in. */
export const ROLES: readonly Role[] = ['viewer', 'area_lead', 'executive', 'admin'];

export const ROLE_DESCRIPTIONS: Readonly<Record<Role, string>> = {
  viewer: 'Reads everything, changes nothing.',
  area_lead: 'Reads everything; changes the areas they lead (named on each area’s page).',
  executive: 'Reads everything; acts on signals and runs the monthly reviews.',
  admin: 'Everything, including users and settings.',
};

// ---- A new user ----------------------------------------------------------------------------

export type NewUserField = 'email' | 'name' | 'role' | 'password';

const NEW_USER_FIELDS: readonly NewUserField[] = ['email', 'name', 'role', 'password'];

export interface NewUserValues {
  email: string;
  name: string;
  role: Role;
  password: string;
}

/** Viewer by default: the least a new account can do until someone decides otherwise. */
export const EMPTY_NEW_USER: NewUserValues = { email: '', name: '', role: 'viewer', password: '' };

export type ParsedNewUser = { ok: true; user: CreateUser } | { ok: false; errors: FieldErrors<NewUserField> };

export function parseNewUser(values: NewUserValues): ParsedNewUser {
  const parsed = createUserSchema.safeParse(values);
  if (parsed.success) return { ok: true, user: parsed.data };
  return { ok: false, errors: issuesByField(parsed.error.issues, (path) => fieldOfPath(path, NEW_USER_FIELDS), explainIssue) };
}

// ---- Changing a user -------------------------------------------------------------------------

export type AccountField = 'name' | 'role';

const ACCOUNT_FIELDS: readonly AccountField[] = ['name', 'role'];

/** What the "name and role" form edits; the name as typed. */
export interface AccountValues {
  name: string;
  role: Role;
}

export function pickAccountValues(user: Pick<UserAccount, 'name' | 'role'>): AccountValues {
  return { name: user.name, role: user.role };
}

/** The fields that differ as the API would store them (it trims the name). */
export function diffAccountValues(a: AccountValues, b: AccountValues): AccountField[] {
  return ACCOUNT_FIELDS.filter((key) => (key === 'name' ? a.name.trim() !== b.name.trim() : a.role !== b.role));
}

export type AccountPatch =
  | { kind: 'patch'; patch: UpdateUser }
  /** The form holds the account as it is saved: there is nothing to send. */
  | { kind: 'unchanged' }
  | { kind: 'invalid'; errors: FieldErrors<AccountField> };

/**
 * The PATCH for a change of name or role: only what the admin changed, so a save never writes
 * back a value another admin set in the meantime.
 */
export function buildAccountPatch(opened: AccountValues, values: AccountValues): AccountPatch {
  const changed = diffAccountValues(opened, values);
  if (changed.length === 0) return { kind: 'unchanged' };
  const patch: UpdateUser = {};
  for (const key of changed) {
    if (key === 'name') patch.name = values.name;
    else patch.role = values.role;
  }
  const parsed = updateUserSchema.safeParse(patch);
  if (parsed.success) return { kind: 'patch', patch: parsed.data };
  return { kind: 'invalid', errors: issuesByField(parsed.error.issues, (path) => fieldOfPath(path, ACCOUNT_FIELDS), explainIssue) };
}

export type ParsedPasswordReset = { ok: true; patch: UpdateUser } | { ok: false; errors: string[] };

export function parsePasswordReset(password: string): ParsedPasswordReset {
  const parsed = passwordSchema.safeParse(password);
  if (parsed.success) return { ok: true, patch: { password: parsed.data } };
  return { ok: false, errors: parsed.error.issues.map(explainIssue) };
}

// ---- Reading the API's answers ----------------------------------------------------------------

export function placeUserErrors<K extends string>(errors: readonly FieldError[], fields: readonly K[]): PlacedErrors<K> {
  return placeFieldErrors(errors, (path) => fieldOfPath(path, fields), asSentence);
}

/**
 * What another admin changed between the version I opened and the one saved now, in words. A
 * password reset changes the version without changing anything shown, so that is said instead of
 * an empty list.
 */
export function describeAccountChanges(opened: UserAccount, latest: UserAccount): string[] {
  const changes: string[] = [];
  if (opened.name !== latest.name) changes.push(`Name: ${opened.name} → ${latest.name}`);
  if (opened.role !== latest.role) changes.push(`Role: ${formatRole(opened.role)} → ${formatRole(latest.role)}`);
  if (opened.active !== latest.active) changes.push(`Status: ${describeStatus(opened.active)} → ${describeStatus(latest.active)}`);
  if (changes.length === 0) changes.push('Its password was reset, or something this page does not show changed.');
  return changes;
}

export function describeStatus(active: boolean): string {
  return active ? 'Active' : 'Deactivated';
}

/** What deactivating does, for the confirmation: the API ends sessions and revokes tokens at once. */
export function describeDeactivation(user: Pick<UserAccount, 'name'>): string {
  return (
    `${user.name} will be signed out everywhere at once and every API token of theirs revoked; ` +
    'they cannot sign in again until an admin reactivates the account. Their history is kept.'
  );
}

/** zod's wording for an empty required text ("Too small: expected string to have >=1 characters"), in plain words. */
function explainIssue(issue: ValidationIssue & { minimum?: unknown }): string {
  if (issue.origin === 'string' && issue.code === 'too_small' && issue.minimum === 1) return 'Must not be empty.';
  return formatIssueMessage(issue);
}
