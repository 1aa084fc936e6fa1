import type { FieldErrors } from './field-errors.ts';

export const UNREADABLE_DATE = 'This is not a date that exists; check the day, month and year.';

/**
 * The date inputs of a form holding something the browser cannot read as a date (30 February, a
 * half-typed year). Their value reads as '' exactly as if they were empty, so a form would send
 * them as "no date" unless it asks the input itself first. Fields are found by `data-field`.
 */
export function unreadableDates<F extends string>(form: HTMLFormElement, fields: readonly F[]): FieldErrors<F> {
  const errors: FieldErrors<F> = {};
  for (const field of fields) {
    const input = form.querySelector<HTMLInputElement>(`[data-field="${field}"] input[type="date"]`);
    if (input?.validity.badInput) errors[field] = [UNREADABLE_DATE];
  }
  return errors;
}
