import { useState, type FormEvent } from 'react';
import { describeInput, Field } from '../../components/ui/field.tsx';
import { FormRefusal } from '../../components/ui/save-refusal.tsx';
import { ApiError, changeOwnPassword } from '../../lib/api.ts';
import { useMutation } from '@tanstack/react-query';

const MIN_LENGTH = 10;

type PasswordField = 'currentPassword' | 'newPassword' | 'repeated';

/** Everyone changes their own password here: the current one proves it is them; other sessions end. */
export function PasswordPanel() {
  const change = useMutation({ mutationFn: changeOwnPassword });
  const [values, setValues] = useState<Record<PasswordField, string>>({ currentPassword: '', newPassword: '', repeated: '' });
  const [inputErrors, setInputErrors] = useState<Partial<Record<PasswordField, string[]>>>({});

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors: Partial<Record<PasswordField, string[]>> = {};
    if (values.currentPassword === '') errors.currentPassword = ['Enter your current password.'];
    if (values.newPassword.length < MIN_LENGTH) errors.newPassword = [`Use at least ${MIN_LENGTH} characters.`];
    else if (values.newPassword === values.currentPassword) errors.newPassword = ['Choose a password other than the current one.'];
    if (values.repeated !== values.newPassword) errors.repeated = ['The two new passwords differ.'];
    setInputErrors(errors);
    if (Object.keys(errors).length > 0) return;
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      { onSuccess: () => setValues({ currentPassword: '', newPassword: '', repeated: '' }) },
    );
  }

  const fromApi = change.error instanceof ApiError ? change.error.fieldErrors : [];
  const errorsOf = (field: PasswordField) => inputErrors[field] ?? fromApi.filter((error) => error.path === field).map((error) => `This ${error.message}.`);

  const input = (field: PasswordField, label: string, autoComplete: string, hint?: string) => (
    <Field id={`password-${field}`} label={label} hint={hint} errors={errorsOf(field)}>
      <input
        id={`password-${field}`}
        type="password"
        autoComplete={autoComplete}
        value={values[field]}
        {...describeInput(`password-${field}`, errorsOf(field), hint ? ['hint'] : [])}
        onChange={(event) => {
          setValues((current) => ({ ...current, [field]: event.target.value }));
          setInputErrors((current) => ({ ...current, [field]: [] }));
          change.reset();
        }}
      />
    </Field>
  );

  return (
    <section className="panel" aria-labelledby="password-heading">
      <div className="panel__header">
        <h2 id="password-heading">My password</h2>
        <p className="muted">Changing it signs you out everywhere else; this browser stays signed in. Your API tokens keep working.</p>
      </div>
      <form className="password-form" onSubmit={handleSubmit} noValidate aria-busy={change.isPending}>
        {input('currentPassword', 'Current password', 'current-password')}
        {input('newPassword', 'New password', 'new-password', `At least ${MIN_LENGTH} characters.`)}
        {input('repeated', 'New password again', 'new-password')}
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={change.isPending}>
            {change.isPending ? 'Changing…' : 'Change password'}
          </button>
        </div>
        {change.isSuccess && (
          <p className="notice notice--success" role="status">
            Your password was changed. Other browsers and devices signed in as you were signed out.
          </p>
        )}
        {change.isError && (
          <FormRefusal error={change.error} general={[]} besideWhat="password fields" action="The password was not changed" />
        )}
      </form>
    </section>
  );
}
