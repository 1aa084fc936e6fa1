import { useState } from 'react';
import type { FieldErrors, PlacedErrors } from './field-errors.ts';
import { without } from './records.ts';

const NO_SERVER_ERRORS: PlacedErrors<never> = { byField: {}, general: [] };

/**
 * The messages beside a form's fields. The form's own check, made before sending, wins over the
 * API's last refusal; editing a field answers its messages, whoever said them.
 */
export function useFieldErrors<K extends string>() {
  const [inputErrors, setInputErrors] = useState<FieldErrors<K>>({});
  const [serverErrors, setServerErrors] = useState<PlacedErrors<K>>(NO_SERVER_ERRORS);

  return {
    errorsFor: (key: K): string[] => inputErrors[key] ?? serverErrors.byField[key] ?? [],
    /** How many fields the form's own check stopped the save for. */
    unsettled: Object.keys(inputErrors).length,
    /** The API's messages that name no field of the form. */
    general: serverErrors.general,
    /** The form's own check failed: its messages replace whatever was shown. */
    showInputErrors(errors: FieldErrors<K>) {
      setInputErrors(errors);
      setServerErrors(NO_SERVER_ERRORS);
    },
    showServerErrors(placed: PlacedErrors<K>) {
      setServerErrors(placed);
    },
    /** About to send: nothing is wrong until the API says otherwise. */
    clear() {
      setInputErrors({});
      setServerErrors(NO_SERVER_ERRORS);
    },
    /** The reader edited these fields, which may have answered their messages. */
    answered(keys: readonly string[]) {
      setInputErrors((current) => without(current, keys));
      setServerErrors((current) => ({ ...current, byField: without(current.byField, keys) }));
    },
  };
}
