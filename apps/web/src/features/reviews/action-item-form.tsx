import { useId, useRef, useState, type FormEvent } from 'react';
import type { Review } from '@autonomy/contracts';
import { describeInput, Field } from '../../components/ui/field.tsx';
import { FormRefusal } from '../../components/ui/save-refusal.tsx';
import { ApiError } from '../../lib/api.ts';
import { hasErrors, type FieldErrors } from '../../lib/field-errors.ts';
import { unreadableDates } from '../../lib/unreadable-dates.ts';
import { useFieldErrors } from '../../lib/use-field-errors.ts';
import { useUserAccounts } from '../area-details/queries.ts';
import { useAddActionItem } from './queries.ts';
import { ReviewAreaField } from './review-area-field.tsx';
import {
  ACTION_ITEM_FIELDS,
  EMPTY_ACTION_ITEM,
  ownerOptions,
  parseActionItem,
  peopleInReview,
  placeActionItemErrors,
  type ActionItemField,
  type ActionItemValues,
} from './review-items.ts';

const fieldId = (field: ActionItemField) => `action-item-${field}`;

/**
 * Adds an action item. Checked with the contract before it is sent; an owner the API does not
 * know (422) is said beside the owner field, and nothing typed is cleared until the item is saved.
 */
export function ActionItemForm({ review, canListUsers }: { review: Review; canListUsers: boolean }) {
  const add = useAddActionItem(review.id);
  const [values, setValues] = useState<ActionItemValues>(EMPTY_ACTION_ITEM);
  const [added, setAdded] = useState(false);
  const fieldErrors = useFieldErrors<ActionItemField>();
  const titleRef = useRef<HTMLInputElement>(null);
  const { errorsFor, unsettled } = fieldErrors;
  const ownerProps: OwnerFieldProps = {
    review,
    value: values.ownerEmail,
    errors: errorsFor('ownerEmail'),
    onChange: (ownerEmail) => change({ ownerEmail }),
  };

  function change(next: Partial<ActionItemValues>) {
    setValues((current) => ({ ...current, ...next }));
    fieldErrors.answered(Object.keys(next));
    setAdded(false);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAdded(false);
    const unreadable = unreadableDates(event.currentTarget, ACTION_ITEM_FIELDS);
    const parsed = hasErrors(unreadable) ? { ok: false as const, errors: unreadable } : parseActionItem(values);
    if (!parsed.ok) {
      add.reset();
      fieldErrors.showInputErrors(parsed.errors);
      focusFirstError(parsed.errors);
      return;
    }
    fieldErrors.clear();
    add.mutate(parsed.request, {
      onSuccess: () => {
        setValues(EMPTY_ACTION_ITEM);
        setAdded(true);
        titleRef.current?.focus();
      },
      onError: (error) => {
        if (error instanceof ApiError && error.fieldErrors.length > 0) {
          const placed = placeActionItemErrors(error.fieldErrors);
          fieldErrors.showServerErrors(placed);
          focusFirstError(placed.byField);
        }
      },
    });
  }

  return (
    <form
      className="figures-form review-form review-add-form no-print"
      onSubmit={handleSubmit}
      noValidate
      aria-busy={add.isPending}
      aria-labelledby="action-item-form-heading"
    >
      <h3 id="action-item-form-heading" className="subheading">
        Add an action item
      </h3>
      <div className="review-form__fields">
        <Field
          id={fieldId('title')}
          label="Action"
          hint="What is to be done."
          errors={errorsFor('title')}
          data-field="title"
          className="field review-form__wide"
        >
          <input
            id={fieldId('title')}
            ref={titleRef}
            type="text"
            autoComplete="off"
            value={values.title}
            {...describeInput(fieldId('title'), errorsFor('title'))}
            onChange={(event) => change({ title: event.target.value })}
          />
        </Field>
        {canListUsers ? <OwnerChoice {...ownerProps} /> : <OwnerEmail {...ownerProps} />}
        <Field
          id={fieldId('dueOn')}
          label="Due on (optional)"
          hint="Open items past this day are flagged overdue."
          errors={errorsFor('dueOn')}
          data-field="dueOn"
        >
          <input
            id={fieldId('dueOn')}
            type="date"
            value={values.dueOn}
            {...describeInput(fieldId('dueOn'), errorsFor('dueOn'))}
            onChange={(event) => change({ dueOn: event.target.value })}
          />
        </Field>
        <ReviewAreaField
          id={fieldId('areaSlug')}
          hint="The area it is for, if one."
          areas={review.snapshot.areas}
          value={values.areaSlug}
          errors={errorsFor('areaSlug')}
          onChange={(areaSlug) => change({ areaSlug })}
        />
      </div>
      <div className="figures-form__footer">
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={add.isPending}>
            {add.isPending ? 'Adding…' : 'Add action item'}
          </button>
        </div>
        <div aria-live="polite">
          {added && (
            <p className="notice notice--success" role="status">
              Action item added.
            </p>
          )}
        </div>
        {unsettled > 0 && (
          <p className="notice notice--error" role="alert">
            <span className="notice__title">Not added:</span> see the {unsettled === 1 ? 'message' : 'messages'} beside the{' '}
            {unsettled === 1 ? 'field' : 'fields'}.
          </p>
        )}
        {add.isError && (
          <FormRefusal error={add.error} general={fieldErrors.general} besideWhat="fields" action="The action item was not added" />
        )}
      </div>
    </form>
  );
}

export interface OwnerFieldProps {
  review: Review;
  value: string;
  errors: string[];
  onChange: (email: string) => void;
  /** The input's id, when the page has more than one owner field (an item being edited). */
  id?: string;
}

/** Admins pick the owner from every active account; if the list cannot be read, they type the email. */
export function OwnerChoice(props: OwnerFieldProps) {
  const users = useUserAccounts();
  const id = props.id ?? fieldId('ownerEmail');
  if (users.isError) return <OwnerEmail {...props} note="The list of people could not be loaded; type the owner’s email instead." />;
  const options = users.data ? ownerOptions(users.data) : [];
  return (
    <Field id={id} label="Owner" hint="Anyone who can sign in, whatever their role." errors={props.errors} data-field="ownerEmail">
      <select
        id={id}
        value={props.value}
        disabled={users.isPending}
        {...describeInput(id, props.errors)}
        onChange={(event) => props.onChange(event.target.value)}
      >
        <option value="">{users.isPending ? 'Loading people…' : 'Choose who owns it'}</option>
        {users.data && props.value !== '' && !options.some((option) => option.email === props.value) && (
          // An owner whose account was deactivated still owns the item until someone else is chosen.
          <option value={props.value} disabled>
            {props.value} (can no longer sign in)
          </option>
        )}
        {options.map((option) => (
          <option key={option.email} value={option.email}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/**
 * Everyone else types the owner's email (only admins may list accounts); the people this review
 * already names are suggested, and the API says so beside the field if nobody has that email.
 */
export function OwnerEmail({ review, value, errors, onChange, note, id: givenId }: OwnerFieldProps & { note?: string }) {
  const id = givenId ?? fieldId('ownerEmail');
  const suggestionsId = useId();
  const people = peopleInReview(review);
  return (
    <Field
      id={id}
      label="Owner’s email"
      hint={note ?? 'The email they sign in with; anyone with an account, whatever their role.'}
      errors={errors}
      data-field="ownerEmail"
    >
      <input
        id={id}
        type="email"
        autoComplete="off"
        list={people.length > 0 ? suggestionsId : undefined}
        value={value}
        {...describeInput(id, errors)}
        onChange={(event) => onChange(event.target.value)}
      />
      {people.length > 0 && (
        <datalist id={suggestionsId}>
          {people.map((person) => (
            <option key={person.email} value={person.email}>
              {person.name}
            </option>
          ))}
        </datalist>
      )}
    </Field>
  );
}

function focusFirstError(errors: FieldErrors<ActionItemField>): void {
  const first = ACTION_ITEM_FIELDS.find((field) => errors[field] !== undefined);
  if (first) document.getElementById(fieldId(first))?.focus();
}
