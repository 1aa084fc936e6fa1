import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { UpdateUser, UserAccount } from '@autonomy/contracts';
import { describeInput, Field } from '../../components/ui/field.tsx';
import { FormRefusal } from '../../components/ui/save-refusal.tsx';
import { ApiError } from '../../lib/api.ts';
import { keepMyChanges } from '../../lib/conflict.ts';
import type { FieldErrors, PlacedErrors } from '../../lib/field-errors.ts';
import { without } from '../../lib/records.ts';
import { UserChangedError, useUpdateUser } from './queries.ts';
import { RoleField } from './role-field.tsx';
import {
  buildAccountPatch,
  describeAccountChanges,
  describeDeactivation,
  describeStatus,
  diffAccountValues,
  parsePasswordReset,
  pickAccountValues,
  placeUserErrors,
  type AccountValues,
} from './user-form.ts';

/** The fields with an input of their own; an error about any other goes in the list under the form. */
type EditorField = 'name' | 'role' | 'password';
const EDITOR_FIELDS: readonly EditorField[] = ['name', 'role', 'password'];

/** The three things an admin does to an account, each its own PATCH. */
type Action = 'details' | 'deactivate' | 'reactivate' | 'password';

const NOT_DONE: Record<Action, string> = {
  details: 'Not saved',
  deactivate: 'Not deactivated',
  reactivate: 'Not reactivated',
  password: 'The password was not reset',
};

const NO_SERVER_ERRORS: PlacedErrors<EditorField> = { byField: {}, general: [] };

/** What another admin changed, found when a change of mine was refused (412). */
type Conflict = { kind: 'changed'; changes: string[] } | { kind: 'gone' };

/**
 * Changes one account: name and role, active or not, and a new password. Every change is sent
 * with the version the admin is looking at (If-Match), so another admin's change made meanwhile
 * is refused, reported, and the form moves onto it without losing what was typed.
 */
export function UserEditor({ user, onClose }: { user: UserAccount; onClose: () => void }) {
  const update = useUpdateUser();
  // The version every change is based on. It moves on with my saves and with a reported conflict,
  // never silently with a background refetch: that is what makes If-Match mean something.
  const [base, setBase] = useState(user);
  const [values, setValues] = useState<AccountValues>(() => pickAccountValues(user));
  const [password, setPassword] = useState('');
  const [confirmingDeactivation, setConfirmingDeactivation] = useState(false);
  const [inputErrors, setInputErrors] = useState<FieldErrors<EditorField>>({});
  const [serverErrors, setServerErrors] = useState<PlacedErrors<EditorField>>(NO_SERVER_ERRORS);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [lastAction, setLastAction] = useState<Action | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  function errorsFor(field: EditorField): string[] {
    return inputErrors[field] ?? serverErrors.byField[field] ?? [];
  }

  function clearFeedback(answered: readonly string[] = []) {
    setInputErrors((current) => without(current, answered));
    setServerErrors((current) => ({ ...current, byField: without(current.byField, answered) }));
    setDone(null);
  }

  function send(action: Action, patch: UpdateUser) {
    const opened = base;
    setLastAction(action);
    setInputErrors({});
    setServerErrors(NO_SERVER_ERRORS);
    setConflict(null);
    setDone(null);
    update.mutate(
      { id: opened.id, patch, version: opened.version },
      {
        onSuccess: (saved) => {
          setBase(saved);
          // Whatever else is typed but not yet saved stays in the form.
          setValues((current) => keepMyChanges(diffAccountValues, pickAccountValues(opened), current, pickAccountValues(saved)));
          if (action === 'password') setPassword('');
          setConfirmingDeactivation(false);
          setDone(doneMessage(action, saved));
        },
        onError: (error) => {
          if (error instanceof UserChangedError) {
            setConfirmingDeactivation(false);
            if (!error.latest) {
              setConflict({ kind: 'gone' });
              return;
            }
            const latest = error.latest;
            setConflict({ kind: 'changed', changes: describeAccountChanges(opened, latest) });
            setValues((current) => keepMyChanges(diffAccountValues, pickAccountValues(opened), current, pickAccountValues(latest)));
            setBase(latest);
            return;
          }
          if (error instanceof ApiError && error.fieldErrors.length > 0) {
            setServerErrors(placeUserErrors(error.fieldErrors, EDITOR_FIELDS));
          }
        },
      },
    );
  }

  function saveDetails(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const built = buildAccountPatch(pickAccountValues(base), values);
    if (built.kind === 'unchanged') {
      update.reset();
      setDone('Nothing to save: the name and role are as saved.');
      return;
    }
    if (built.kind === 'invalid') {
      update.reset();
      setInputErrors(built.errors);
      return;
    }
    send('details', built.patch);
  }

  function resetPassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = parsePasswordReset(password);
    if (!parsed.ok) {
      update.reset();
      setInputErrors({ password: parsed.errors });
      document.getElementById(fieldId('password'))?.focus();
      return;
    }
    send('password', parsed.patch);
  }

  const refusal = update.isError && !(update.error instanceof UserChangedError) ? update.error : null;
  const refusalFor = (action: Action) =>
    refusal && lastAction === action ? (
      <FormRefusal error={refusal} general={serverErrors.general} besideWhat="fields" action={NOT_DONE[action]} />
    ) : null;

  return (
    <section className="user-editor" aria-labelledby={`user-editor-heading-${user.id}`} data-user-email={user.email}>
      <div className="user-editor__header">
        <h3 id={`user-editor-heading-${user.id}`} className="subheading" ref={headingRef} tabIndex={-1}>
          Change {base.name}
        </h3>
        <button type="button" className="button button--small" onClick={onClose}>
          Close
        </button>
      </div>
      {conflict && <ConflictNotice conflict={conflict} />}
      {done && (
        <p className="notice notice--success" role="status">
          {done}
        </p>
      )}
      <fieldset className="user-editor__sections" disabled={update.isPending || conflict?.kind === 'gone'}>
        <form className="user-editor__section" onSubmit={saveDetails} noValidate aria-label="Name and role">
          <div className="access-form__fields">
            <Field id={fieldId('name')} label="Name" errors={errorsFor('name')} data-field="name">
              <input
                id={fieldId('name')}
                type="text"
                autoComplete="off"
                value={values.name}
                {...describeInput(fieldId('name'), errorsFor('name'), [])}
                onChange={(event) => {
                  const name = event.target.value;
                  setValues((current) => ({ ...current, name }));
                  clearFeedback(['name']);
                }}
              />
            </Field>
            <RoleField
              id={fieldId('role')}
              value={values.role}
              errors={errorsFor('role')}
              onChange={(role) => {
                setValues((current) => ({ ...current, role }));
                clearFeedback(['role']);
              }}
            />
          </div>
          <div className="button-row">
            <button type="submit" className="button button--primary">
              {update.isPending && lastAction === 'details' ? 'Saving…' : 'Save name and role'}
            </button>
          </div>
          {refusalFor('details')}
        </form>

        <div className="user-editor__section" role="group" aria-label="Access">
          <p>
            <strong>Status:</strong> {describeStatus(base.active)}.{' '}
            {base.active ? 'They can sign in and use their API tokens.' : 'They cannot sign in; their API tokens were revoked.'}
          </p>
          {base.active ? (
            confirmingDeactivation ? (
              <div className="confirm" role="group" aria-label={`Deactivate ${base.name}?`}>
                <p>
                  <strong>Deactivate {base.name}?</strong> {describeDeactivation(base)}
                </p>
                <div className="button-row">
                  <button type="button" className="button button--danger" onClick={() => send('deactivate', { active: false })}>
                    {update.isPending && lastAction === 'deactivate' ? 'Deactivating…' : 'Deactivate'}
                  </button>
                  <button type="button" className="button" onClick={() => setConfirmingDeactivation(false)}>
                    Keep active
                  </button>
                </div>
              </div>
            ) : (
              <div className="button-row">
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    update.reset();
                    setDone(null);
                    setConfirmingDeactivation(true);
                  }}
                >
                  Deactivate…
                </button>
              </div>
            )
          ) : (
            <div className="button-row">
              <button type="button" className="button" onClick={() => send('reactivate', { active: true })}>
                {update.isPending && lastAction === 'reactivate' ? 'Reactivating…' : 'Reactivate'}
              </button>
            </div>
          )}
          {refusalFor('deactivate')}
          {refusalFor('reactivate')}
        </div>

        <form className="user-editor__section" onSubmit={resetPassword} noValidate aria-label="Reset the password">
          <Field
            id={fieldId('password')}
            label="New password"
            hint="At least 10 characters. Their other sessions end; tell them the new password in person."
            errors={errorsFor('password')}
            data-field="password"
          >
            <input
              id={fieldId('password')}
              type="password"
              autoComplete="new-password"
              value={password}
              {...describeInput(fieldId('password'), errorsFor('password'))}
              onChange={(event) => {
                setPassword(event.target.value);
                clearFeedback(['password']);
              }}
            />
          </Field>
          <div className="button-row">
            <button type="submit" className="button">
              {update.isPending && lastAction === 'password' ? 'Resetting…' : 'Reset password'}
            </button>
          </div>
          {refusalFor('password')}
        </form>
      </fieldset>
    </section>
  );
}

const fieldId = (field: EditorField) => `user-${field}`;

function ConflictNotice({ conflict }: { conflict: Conflict }) {
  const headingRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, [conflict]);

  if (conflict.kind === 'gone') {
    return (
      <div className="notice notice--error" role="alert">
        <p ref={headingRef} tabIndex={-1}>
          <span className="notice__title">Not saved:</span> this account is no longer in the list. Close this form and reload the page.
        </p>
      </div>
    );
  }
  return (
    <div className="notice notice--error user-editor__conflict" role="alert">
      <p ref={headingRef} tabIndex={-1}>
        <span className="notice__title">Not saved: another admin changed this account since you opened it.</span> It now reads:
      </p>
      <ul className="notice__list">
        {conflict.changes.map((change) => (
          <li key={change}>{change}</li>
        ))}
      </ul>
      <p>The form now starts from their version and still holds what you typed. Check it, then do your change again.</p>
    </div>
  );
}

function doneMessage(action: Action, saved: UserAccount): string {
  switch (action) {
    case 'details':
      return 'Saved.';
    case 'deactivate':
      return `Deactivated: ${saved.name} was signed out everywhere and their API tokens were revoked.`;
    case 'reactivate':
      return `Reactivated: ${saved.name} can sign in again. Their earlier API tokens stay revoked.`;
    case 'password':
      return `Password reset. Any other sessions of ${saved.name}’s have ended.`;
  }
}
