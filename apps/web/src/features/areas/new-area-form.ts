import { createAreaSchema, type CreateArea, type FieldError } from '@autonomy/contracts';
import { ApiError } from '../../lib/api.ts';
import { fieldOfPath, issuesByField, placeFieldErrors, type FieldErrors, type PlacedErrors } from '../../lib/field-errors.ts';
import { asSentence, formatIssueMessage } from '../../lib/format.ts';

/**
 * The admin's "New area" form as data. The rules on the values (a slug of a–z, 0–9 and -, a name,
 * a lead who may lead) are the contract's `createAreaSchema` and the API's; this only words them
 * for the field they are about.
 */

export type NewAreaField = 'slug' | 'name' | 'description' | 'leadEmail';

export const NEW_AREA_FIELDS: readonly NewAreaField[] = ['slug', 'name', 'description', 'leadEmail'];

/** The text as typed; an empty lead means "no lead yet". */
export type NewAreaValues = Record<NewAreaField, string>;

export const EMPTY_NEW_AREA: NewAreaValues = { slug: '', name: '', description: '', leadEmail: '' };

export type ParsedNewArea = { ok: true; area: CreateArea } | { ok: false; errors: FieldErrors<NewAreaField> };

export function parseNewArea(values: NewAreaValues): ParsedNewArea {
  const candidate = {
    slug: values.slug.trim(),
    name: values.name,
    description: values.description,
    leadEmail: values.leadEmail === '' ? null : values.leadEmail,
  };
  const parsed = createAreaSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, area: parsed.data };
  return { ok: false, errors: issuesByField(parsed.error.issues, (path) => fieldOfPath(path, NEW_AREA_FIELDS), formatIssueMessage) };
}

/**
 * A name as a slug to start from: "Data Platform" → "data-platform". Only a suggestion the admin
 * can change; the slug is the area's address and its key in CSV files.
 */
export function suggestSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

/** HTTP status of a create refused because the slug is taken. */
export const SLUG_TAKEN_STATUS = 409;

/**
 * The API's refusal beside the field it is about: 422 errors by their path, and a taken slug (a
 * 409, whose detail names it) beside the slug.
 */
export function placeNewAreaErrors(error: Error): PlacedErrors<NewAreaField> | null {
  if (error instanceof ApiError && error.status === SLUG_TAKEN_STATUS) {
    return { byField: { slug: [error.problem.detail || error.problem.title] }, general: [] };
  }
  if (error instanceof ApiError && error.fieldErrors.length > 0) return placeAreaFieldErrors(error.fieldErrors);
  return null;
}

function placeAreaFieldErrors(errors: readonly FieldError[]): PlacedErrors<NewAreaField> {
  return placeFieldErrors(errors, (path) => fieldOfPath(path, NEW_AREA_FIELDS), asSentence);
}
