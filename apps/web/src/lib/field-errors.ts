import type { FieldError } from '@autonomy/contracts';

/**
 * What is wrong with a form, field by field: from the contract's own check before sending, or
 * from the API's 422 after. Each form brings its fields and its wording for a message.
 */

/** Messages to show beside each field, already worded for a person. */
export type FieldErrors<K extends string> = Partial<Record<K, string[]>>;

export function hasErrors(errors: FieldErrors<string>): boolean {
  return Object.keys(errors).length > 0;
}

/** The API's refusal, placed: beside the field its path names, or in a list under the form. */
export interface PlacedErrors<K extends string> {
  byField: FieldErrors<K>;
  general: string[];
}

/** The field an error path names: `email`, `body.email`, `/leadEmails/1`; null for none. */
export function fieldOfPath<K extends string>(path: string, fields: readonly K[]): K | null {
  const [first = ''] = path.replace(/^[/.]+/, '').replace(/^body[./]/, '').split(/[./]/);
  return fields.find((key) => key === first) ?? null;
}

/** The API's field errors, each beside its field in the form's words, or with its path in the list under the form. */
export function placeFieldErrors<K extends string>(
  errors: readonly FieldError[],
  fieldOf: (path: string) => K | null,
  explain: (message: string) => string,
): PlacedErrors<K> {
  const placed: PlacedErrors<K> = { byField: {}, general: [] };
  for (const error of errors) {
    const key = fieldOf(error.path);
    if (key) (placed.byField[key] ??= []).push(explain(error.message));
    else placed.general.push(error.path ? `${error.path}: ${error.message}` : error.message);
  }
  return placed;
}

/** A schema's issues beside the fields they name; an issue about no field of the form is left out. */
export function issuesByField<K extends string, I extends { path: readonly PropertyKey[] }>(
  issues: readonly I[],
  fieldOf: (path: string) => K | null,
  explain: (issue: I) => string,
): FieldErrors<K> {
  const errors: FieldErrors<K> = {};
  for (const issue of issues) {
    const key = fieldOf(issue.path.map(String).join('.'));
    if (key) (errors[key] ??= []).push(explain(issue));
  }
  return errors;
}
