import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ActionItem, Review } from '@autonomy/contracts';
import { describeInput, Field } from '../../components/ui/field.tsx';
import { FormRefusal } from '../../components/ui/save-refusal.tsx';
import { ApiError } from '../../lib/api.ts';
import { hasErrors } from '../../lib/field-errors.ts';
import { unreadableDates } from '../../lib/unreadable-dates.ts';
import { useFieldErrors } from '../../lib/use-field-errors.ts';
import { OwnerChoice, OwnerEmail } from './action-item-form.tsx';
import { ActionItemChangedError, useChangeActionItem } from './queries.ts';
import {
  ACTION_ITEM_EDIT_FIELDS,
  actionItemEditValues,
  describeActionItemConflict,
  parseActionItemEdit,
  placeActionItemEditErrors,
  type ActionItemEditField,
  type ActionItemEditValues,
} from './review-items.ts';

/**
 * Changes an item's action, owner or due date after the meeting: someone left, a date moved.
 * Sends only what changed, on the version shown; if someone changed the item first, says what it
 * is now and keeps what was typed.
 */
export function ActionItemEditForm({ review, item, canListUsers, onDone }: {
  review: Review;
  item: ActionItem;
  canListUsers: boolean;
  onDone: () => void;
}) {
  const change = useChangeActionItem(review.id);
  // The item as the form last showed it: what "changed" means, and the version sent back. Not the
  // `item` prop, which a refetch can move on while the form is open (someone else's change would
  // then look like the reader's own and be written back over).
  const [shown, setShown] = useState(item);
  const [values, setValues] = useState<ActionItemEditValues>(() => actionItemEditValues(item));
  const [unchanged, setUnchanged] = useState(false);
  const fieldErrors = useFieldErrors<ActionItemEditField>();
  const { errorsFor } = fieldErrors;
  const fieldId = (field: ActionItemEditField) => `edit-item-${item.id}-${field}`;
  const titleRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    titleRef.current?.focus();
  }, []);

  function edit(next: Partial<ActionItemEditValues>) {
    setValues((current) => ({ ...current, ...next }));
    fieldErrors.answered(Object.keys(next));
    setUnchanged(false);
  }

  function focusFirst(errors: Partial<Record<ActionItemEditField, string[]>>) {
    const first = ACTION_ITEM_EDIT_FIELDS.find((field) => errors[field] !== undefined);
    if (first) document.getElementById(fieldId(first))?.focus();
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const unreadable = unreadableDates(event.currentTarget, ACTION_ITEM_EDIT_FIELDS);
    const parsed = hasErrors(unreadable) ? { kind: 'invalid' as const, errors: unreadable } : parseActionItemEdit(shown, values);
    if (parsed.kind === 'unchanged') {
      setUnchanged(true);
      return;
    }
    if (parsed.kind === 'invalid') {
      change.reset();
      fieldErrors.showInputErrors(parsed.errors);
      focusFirst(parsed.errors);
      return;
    }
    fieldErrors.clear();
    change.mutate(
      { itemId: item.id, patch: parsed.patch, version: shown.version },
      {
        onSuccess: onDone,
        onError: (error) => {
          if (error instanceof ActionItemChangedError && error.latest) {
            // Their change stands in every field the reader did not touch; the reader's edits stay.
            setValues(keepEditsOver(actionItemEditValues(shown), values, actionItemEditValues(error.latest)));
            setShown(error.latest);
            return;
          }
          if (error instanceof ApiError && error.fieldErrors.length > 0) {
            const placed = placeActionItemEditErrors(error.fieldErrors);
            fieldErrors.showServerErrors(placed);
            focusFirst(placed.byField);
          }
        },
      },
    );
  }

  const ownerProps = {
    review,
    id: fieldId('ownerEmail'),
    value: values.ownerEmail,
    errors: errorsFor('ownerEmail'),
    onChange: (ownerEmail: string) => edit({ ownerEmail }),
  };
  return (
    <form
      className="figures-form review-form action-item-edit no-print"
      onSubmit={handleSubmit}
      noValidate
      aria-busy={change.isPending}
      aria-label={`Change “${item.title}”`}
    >
      <div className="review-form__fields">
        <Field id={fieldId('title')} label="Action" errors={errorsFor('title')} data-field="title" className="field review-form__wide">
          <input
            id={fieldId('title')}
            ref={titleRef}
            type="text"
            autoComplete="off"
            value={values.title}
            {...describeInput(fieldId('title'), errorsFor('title'), [])}
            onChange={(event) => edit({ title: event.target.value })}
          />
        </Field>
        {canListUsers ? <OwnerChoice {...ownerProps} /> : <OwnerEmail {...ownerProps} />}
        <Field id={fieldId('dueOn')} label="Due on" hint="Empty for no due date." errors={errorsFor('dueOn')} data-field="dueOn">
          <input
            id={fieldId('dueOn')}
            type="date"
            value={values.dueOn}
            {...describeInput(fieldId('dueOn'), errorsFor('dueOn'))}
            onChange={(event) => edit({ dueOn: event.target.value })}
          />
        </Field>
      </div>
      <div className="figures-form__footer">
        <div className="button-row">
          <button type="submit" className="button button--primary button--small" disabled={change.isPending}>
            {change.isPending ? 'Saving…' : 'Save changes'}
          </button>
          <button type="button" className="button button--small" disabled={change.isPending} onClick={onDone}>
            Cancel
          </button>
        </div>
        {unchanged && (
          <p className="muted" role="status">
            Nothing has changed yet.
          </p>
        )}
        {change.error instanceof ActionItemChangedError ? (
          <p className="notice notice--error" role="alert">
            <span className="notice__title">Not saved.</span> {describeActionItemConflict(change.error.latest)}
            {change.error.latest && ' The fields now show it as it is, with your own changes kept: save again to apply them.'}
          </p>
        ) : (
          change.isError && (
            <FormRefusal error={change.error} general={fieldErrors.general} besideWhat="fields" action="The item was not changed" />
          )
        )}
      </div>
    </form>
  );
}

/** The reader's edits (where `values` differs from what the form first showed) laid over `latest`. */
function keepEditsOver(first: ActionItemEditValues, values: ActionItemEditValues, latest: ActionItemEditValues): ActionItemEditValues {
  const merged = { ...latest };
  for (const field of ACTION_ITEM_EDIT_FIELDS) if (values[field] !== first[field]) merged[field] = values[field];
  return merged;
}
