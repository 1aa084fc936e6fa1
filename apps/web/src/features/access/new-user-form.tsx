import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { UserAccount } from '@autonomy/contracts';
import { describeInput, Field } from '../../components/ui/field.tsx';
import { FormRefusal } from '../../components/ui/save-refusal.tsx';
import { ApiError } from '../../lib/api.ts';
import type { FieldErrors } from '../../lib/field-errors.ts';
import { useFieldErrors } from '../../lib/use-field-errors.ts';
import { useCreateUser } from './queries.ts';
import { RoleField } from './role-field.tsx';
import {
  EMPTY_NEW_USER,
  parseNewUser,
  placeUserErrors,
  type NewUserField,
  type NewUserValues,
} from './user-form.ts';

const FIELDS: readonly NewUserField[] = ['email', 'name', 'role', 'password'];
const fieldId = (field: NewUserField) => `new-user-${field}`;

/**
 * An admin adds an account. Checked with the contract before it is sent; what the API still
 * refuses (an email already taken, say) is shown beside the field or under the form.
 */
export function NewUserForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (user: UserAccount) => void }) {
  const create = useCreateUser();
  const [values, setValues] = useState<NewUserValues>(EMPTY_NEW_USER);
  const fieldErrors = useFieldErrors<NewUserField>();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  function change(next: Partial<NewUserValues>) {
    setValues((current) => ({ ...current, ...next }));
    fieldErrors.answered(Object.keys(next));
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = parseNewUser(values);
    if (!parsed.ok) {
      create.reset();
      fieldErrors.showInputErrors(parsed.errors);
      focusFirstError(parsed.errors);
      return;
    }
    fieldErrors.clear();
    create.mutate(parsed.user, {
      onSuccess: onCreated,
      onError: (error) => {
        if (error instanceof ApiError && error.fieldErrors.length > 0) {
          const placed = placeUserErrors(error.fieldErrors, FIELDS);
          fieldErrors.showServerErrors(placed);
          focusFirstError(placed.byField);
        }
      },
    });
  }

  const { errorsFor, unsettled } = fieldErrors;

  return (
    <form className="figures-form new-user-form" onSubmit={handleSubmit} noValidate aria-busy={create.isPending} aria-labelledby="new-user-heading">
      <h3 id="new-user-heading" className="subheading" ref={headingRef} tabIndex={-1}>
        Add a user
      </h3>
      <div className="access-form__fields">
        <TextField field="email" type="email" label="Email" hint="They sign in with it." value={values.email} errors={errorsFor('email')} onChange={(email) => change({ email })} />
        <TextField field="name" type="text" label="Name" hint="As colleagues know them." value={values.name} errors={errorsFor('name')} onChange={(name) => change({ name })} />
        <RoleField id={fieldId('role')} value={values.role} errors={errorsFor('role')} onChange={(role) => change({ role })} />
        <TextField
          field="password"
          type="password"
          label="Password"
          hint="At least 10 characters. Tell it to them in person, not by email."
          value={values.password}
          errors={errorsFor('password')}
          onChange={(password) => change({ password })}
        />
      </div>
      <div className="figures-form__footer">
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {create.isPending ? 'Adding…' : 'Add user'}
          </button>
          <button type="button" className="button" disabled={create.isPending} onClick={onCancel}>
            Cancel
          </button>
        </div>
        {unsettled > 0 && (
          <p className="notice notice--error" role="alert">
            <span className="notice__title">Not added:</span> see the {unsettled === 1 ? 'message' : 'messages'} beside the{' '}
            {unsettled === 1 ? 'field' : 'fields'}.
          </p>
        )}
        {create.isError && (
          <FormRefusal error={create.error} general={fieldErrors.general} besideWhat="fields" action="The user was not added" />
        )}
      </div>
    </form>
  );
}

function TextField({ field, type, label, hint, value, errors, onChange }: {
  field: Exclude<NewUserField, 'role'>;
  type: 'text' | 'email' | 'password';
  label: string;
  hint: string;
  value: string;
  errors: string[];
  onChange: (text: string) => void;
}) {
  const id = fieldId(field);
  return (
    <Field id={id} label={label} hint={hint} errors={errors} data-field={field}>
      <input
        id={id}
        type={type}
        autoComplete={type === 'password' ? 'new-password' : 'off'}
        value={value}
        {...describeInput(id, errors)}
        onChange={(event) => onChange(event.target.value)}
      />
    </Field>
  );
}

function focusFirstError(errors: FieldErrors<NewUserField>): void {
  const first = FIELDS.find((field) => errors[field] !== undefined);
  if (first) document.getElementById(fieldId(first))?.focus();
}
