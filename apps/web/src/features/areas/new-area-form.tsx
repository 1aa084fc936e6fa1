import { useState, type FormEvent } from 'react';
import type { Area } from '@autonomy/contracts';
import { describeInput, Field } from '../../components/ui/field.tsx';
import { FormRefusal } from '../../components/ui/save-refusal.tsx';
import type { FieldErrors } from '../../lib/field-errors.ts';
import { useFieldErrors } from '../../lib/use-field-errors.ts';
import { leadOptions } from '../area-details/area-details-form.ts';
import { useUserAccounts } from '../area-details/queries.ts';
import { EMPTY_NEW_AREA, NEW_AREA_FIELDS, parseNewArea, placeNewAreaErrors, suggestSlug, type NewAreaField, type NewAreaValues } from './new-area-form.ts';
import { useCreateArea } from './queries.ts';

const fieldId = (field: NewAreaField) => `new-area-${field}`;

/**
 * An admin creates an area: slug, name, description and its lead. Checked with the contract before
 * it is sent; what the API still refuses (a slug already taken, a lead who may not lead) is shown
 * beside the field it is about.
 */
export function NewAreaForm({ onCreated }: { onCreated: (area: Area) => void }) {
  const create = useCreateArea();
  const users = useUserAccounts();
  const [values, setValues] = useState<NewAreaValues>(EMPTY_NEW_AREA);
  // The slug follows the name until the admin types one of their own.
  const [slugTouched, setSlugTouched] = useState(false);
  const fieldErrors = useFieldErrors<NewAreaField>();
  const candidates = users.isSuccess ? leadOptions(users.data, []).filter((option) => option.eligible) : [];

  function change(next: Partial<NewAreaValues>) {
    setValues((current) => ({ ...current, ...next }));
    fieldErrors.answered(Object.keys(next));
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = parseNewArea(values);
    if (!parsed.ok) {
      create.reset();
      fieldErrors.showInputErrors(parsed.errors);
      focusFirstError(parsed.errors);
      return;
    }
    fieldErrors.clear();
    create.mutate(parsed.area, {
      onSuccess: (area) => {
        setValues(EMPTY_NEW_AREA);
        setSlugTouched(false);
        onCreated(area);
      },
      onError: (error) => {
        const placed = placeNewAreaErrors(error);
        if (placed) {
          fieldErrors.showServerErrors(placed);
          focusFirstError(placed.byField);
        }
      },
    });
  }

  const { errorsFor, unsettled } = fieldErrors;

  return (
    <form className="figures-form new-area-form" onSubmit={handleSubmit} noValidate aria-busy={create.isPending} aria-labelledby="new-area-heading">
      <h2 id="new-area-heading">New area</h2>
      <p className="muted">It starts active, without figures; its leads then add its first month from its page.</p>
      <div className="new-area-form__fields">
        <Field id={fieldId('name')} label="Name" hint="As people call it, such as Data Platform." errors={errorsFor('name')} data-field="name">
          <input
            id={fieldId('name')}
            type="text"
            autoComplete="off"
            value={values.name}
            {...describeInput(fieldId('name'), errorsFor('name'))}
            onChange={(event) => change(slugTouched ? { name: event.target.value } : { name: event.target.value, slug: suggestSlug(event.target.value) })}
          />
        </Field>
        <Field
          id={fieldId('slug')}
          label="Slug"
          hint="Its address and its key in CSV files: 2–64 characters of a–z, 0–9 and -. It cannot be changed later."
          errors={errorsFor('slug')}
          data-field="slug"
        >
          <input
            id={fieldId('slug')}
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={values.slug}
            {...describeInput(fieldId('slug'), errorsFor('slug'))}
            onChange={(event) => {
              setSlugTouched(true);
              change({ slug: event.target.value });
            }}
          />
        </Field>
        <Field id={fieldId('description')} label="Description" hint="What the area owns, in a sentence. Optional." errors={errorsFor('description')} data-field="description">
          <textarea
            id={fieldId('description')}
            rows={2}
            value={values.description}
            {...describeInput(fieldId('description'), errorsFor('description'))}
            onChange={(event) => change({ description: event.target.value })}
          />
        </Field>
        <Field
          id={fieldId('leadEmail')}
          label="Lead"
          hint={users.isError ? 'The users could not be loaded, so no lead can be named now; name one later from the area’s page.' : 'An area lead or admin. More leads can be named later from the area’s page.'}
          errors={errorsFor('leadEmail')}
          data-field="leadEmail"
        >
          <select
            id={fieldId('leadEmail')}
            value={values.leadEmail}
            disabled={users.isPending}
            {...describeInput(fieldId('leadEmail'), errorsFor('leadEmail'))}
            onChange={(event) => change({ leadEmail: event.target.value })}
          >
            <option value="">{users.isPending ? 'Loading the users…' : 'No lead yet'}</option>
            {candidates.map((option) => (
              <option key={option.email} value={option.email}>
                {option.name} ({option.email})
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="figures-form__footer">
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create area'}
          </button>
        </div>
        {unsettled > 0 && (
          <p className="notice notice--error" role="alert">
            <span className="notice__title">Not created:</span> see the {unsettled === 1 ? 'message' : 'messages'} beside the{' '}
            {unsettled === 1 ? 'field' : 'fields'}.
          </p>
        )}
        {create.isError && (
          <FormRefusal error={create.error} general={fieldErrors.general} besideWhat="fields" action="The area was not created" />
        )}
      </div>
    </form>
  );
}

function focusFirstError(errors: FieldErrors<NewAreaField>): void {
  const first = NEW_AREA_FIELDS.find((field) => errors[field] !== undefined);
  if (first) document.getElementById(fieldId(first))?.focus();
}
