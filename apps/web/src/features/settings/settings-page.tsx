import { useState, type FormEvent } from 'react';
import type { SettingsResponse } from '@autonomy/contracts';
import { describeInput, Field } from '../../components/ui/field.tsx';
import { ErrorState, LoadingState } from '../../components/ui/query-states.tsx';
import { SaveRefusal } from '../../components/ui/save-refusal.tsx';
import { ApiError } from '../../lib/api.ts';
import { without } from '../../lib/records.ts';
import { countOf, formatDateTime } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { canEditSettings } from '../auth/permissions.ts';
import { useSessionUser } from '../auth/queries.ts';
import { SettingsChangedError, useSaveSettings, useSettings } from './queries.ts';
import { SettingsConflictNotice } from './settings-conflict-notice.tsx';
import {
  parseFormValues,
  placeFieldErrors,
  SETTINGS_FIELDS,
  SETTINGS_GROUPS,
  toFormValues,
  type PlacedErrors,
  type SettingsField,
  type SettingsFieldErrors,
  type SettingsFormValues,
  type SettingsGroup,
  type SettingsPath,
} from './settings-form.ts';

export function SettingsPage() {
  useDocumentTitle('Settings');
  const session = useSessionUser();
  const settings = useSettings();
  const canEdit = session.data ? canEditSettings(session.data.role) : false;

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>Settings</h1>
          <p className="muted">
            How the indices are weighted and when an area counts as drifting. They apply to every area; a change
            recomputes every index and signal.
          </p>
        </div>
      </div>
      {settings.isPending ? (
        <LoadingState label="Loading the settings…" />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <SettingsForm response={settings.data} canEdit={canEdit} />
      )}
    </div>
  );
}

const NO_SERVER_ERRORS: PlacedErrors = { byPath: {}, general: [] };

const fieldId = (path: string) => `setting-${path.replace(/\./g, '-')}`;

/** What the form says under its buttons after something other than a refused save. */
type FormNotice = 'saved' | 'defaults' | 'theirs' | null;

function SettingsForm({ response, canEdit }: { response: SettingsResponse; canEdit: boolean }) {
  const [values, setValues] = useState<SettingsFormValues>(() => toFormValues(response.settings));
  // The version the values were filled in from, sent as If-Match. Kept apart from `response`, which a
  // refetch may move on without the reader seeing it; it moves on only with a save or a conflict shown.
  const [baseVersion, setBaseVersion] = useState(response.version);
  const [inputErrors, setInputErrors] = useState<SettingsFieldErrors>({});
  const [serverErrors, setServerErrors] = useState<PlacedErrors>(NO_SERVER_ERRORS);
  const [notice, setNotice] = useState<FormNotice>(null);
  const save = useSaveSettings();
  const defaults = toFormValues(response.defaults);
  const conflict = save.error instanceof SettingsChangedError ? save.error.latest : null;

  function errorsFor(path: string): string[] {
    const inputError = inputErrors[path as SettingsPath];
    return inputError ? [inputError] : (serverErrors.byPath[path] ?? []);
  }

  function handleChange(path: SettingsPath, text: string) {
    setValues((current) => ({ ...current, [path]: text }));
    // Those errors were about the old value (a band's, about the bands); keep the others until the next save.
    const answered = [path, groupPathOf(path) ?? path];
    setInputErrors((current) => without(current, answered));
    setServerErrors((current) => ({ ...current, byPath: without(current.byPath, answered) }));
    setNotice(null);
  }

  function resetToDefaults() {
    setValues(toFormValues(response.defaults));
    setInputErrors({});
    setServerErrors(NO_SERVER_ERRORS);
    save.reset();
    setNotice('defaults');
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(null);
    setServerErrors(NO_SERVER_ERRORS);
    const parsed = parseFormValues(values);
    if (!parsed.ok) {
      save.reset();
      setInputErrors(parsed.errors);
      focusFirstError((path) => parsed.errors[path] !== undefined);
      return;
    }
    setInputErrors({});
    save.mutate({ settings: parsed.settings, version: baseVersion }, {
      onSuccess: (saved) => {
        setValues(toFormValues(saved.settings));
        setBaseVersion(saved.version);
        setNotice('saved');
      },
      onError: (error) => {
        if (error instanceof SettingsChangedError) {
          // The reader is shown what is saved now, so the next save may knowingly replace it.
          setBaseVersion(error.latest.version);
          return;
        }
        const placed = placeFieldErrors(error instanceof ApiError ? error.fieldErrors : []);
        setServerErrors(placed);
        focusFirstError((path) => placed.byPath[path] !== undefined || placed.byPath[groupPathOf(path) ?? ''] !== undefined);
      },
    });
  }

  /** "Use the saved settings": start again from what the other admin saved. */
  function takeTheirs(latest: SettingsResponse) {
    setValues(toFormValues(latest.settings));
    setInputErrors({});
    setServerErrors(NO_SERVER_ERRORS);
    save.reset();
    setNotice('theirs');
  }

  const unparsed = Object.keys(inputErrors).length;

  return (
    <form className="settings-form" onSubmit={handleSubmit} noValidate>
      {!canEdit && (
        <p className="notice notice--info">Only admins can change these settings. These are the values in use.</p>
      )}
      {SETTINGS_GROUPS.map((group) => (
        <SettingsFieldset
          key={group.title}
          group={group}
          values={values}
          defaults={defaults}
          readOnly={!canEdit}
          errorsFor={errorsFor}
          onChange={handleChange}
        />
      ))}
      <p className="muted small">
        {response.updatedAt
          ? `Last changed ${formatDateTime(response.updatedAt)}.`
          : 'Nobody has changed these yet: they are the defaults.'}
      </p>
      {canEdit && (
        <div className="settings-form__footer">
          <div className="button-row">
            <button type="submit" className="button button--primary" disabled={save.isPending}>
              {save.isPending ? 'Saving and recomputing…' : 'Save'}
            </button>
            <button type="button" className="button" disabled={save.isPending} onClick={resetToDefaults}>
              Reset to defaults
            </button>
          </div>
          <div aria-live="polite">
            {notice === 'saved' && (
              <p className="notice notice--success" role="status">
                Saved — every signal was recomputed
              </p>
            )}
            {notice === 'defaults' && (
              <p className="notice notice--info" role="status">
                The defaults are filled in. Save to apply them.
              </p>
            )}
            {notice === 'theirs' && (
              <p className="notice notice--info" role="status">
                The form now shows the settings the other admin saved. Make your change again if it still applies.
              </p>
            )}
          </div>
          {unparsed > 0 && (
            <p className="notice notice--error" role="alert">
              <span className="notice__title">Not saved:</span> {countOf(unparsed, 'field')}{' '}
              {unparsed === 1 ? 'is' : 'are'} not a number. See the {unparsed === 1 ? 'message' : 'messages'} beside{' '}
              {unparsed === 1 ? 'it' : 'them'}.
            </p>
          )}
          {conflict ? (
            <SettingsConflictNotice latest={conflict} values={values} onUseTheirs={() => takeTheirs(conflict)} />
          ) : (
            save.isError && <SaveRefusal error={save.error} general={serverErrors.general} besideWhat="fields" />
          )}
        </div>
      )}
    </form>
  );
}

function SettingsFieldset({ group, values, defaults, readOnly, errorsFor, onChange }: {
  group: SettingsGroup;
  values: SettingsFormValues;
  defaults: SettingsFormValues;
  readOnly: boolean;
  errorsFor: (path: string) => string[];
  onChange: (path: SettingsPath, text: string) => void;
}) {
  const groupErrors = group.path ? errorsFor(group.path) : [];
  const groupErrorId = group.path ? `${fieldId(group.path)}-error` : undefined;
  return (
    <fieldset className="panel settings-group" aria-describedby={groupErrors.length > 0 ? groupErrorId : undefined}>
      <legend className="settings-group__title">{group.title}</legend>
      <p className="muted small settings-group__description">{group.description}</p>
      {groupErrors.length > 0 && (
        <p id={groupErrorId} className="field__error settings-group__error" data-error-path={group.path}>
          {groupErrors.join(' ')}
        </p>
      )}
      <div className="settings-grid">
        {group.fields.map((field) => (
          <SettingsInput
            key={field.path}
            field={field}
            value={values[field.path]}
            defaultValue={defaults[field.path]}
            readOnly={readOnly}
            errors={errorsFor(field.path)}
            onChange={(text) => onChange(field.path, text)}
          />
        ))}
      </div>
    </fieldset>
  );
}

function SettingsInput({ field, value, defaultValue, readOnly, errors, onChange }: {
  field: SettingsField;
  value: string;
  defaultValue: string;
  readOnly: boolean;
  errors: string[];
  onChange: (text: string) => void;
}) {
  const id = fieldId(field.path);
  return (
    <Field
      id={id}
      label={field.label}
      hint={
        <>
          {field.hint} Default {defaultValue}.
        </>
      }
      errors={errors}
      className="field settings-field"
      data-path={field.path}
    >
      <div className="input-with-unit">
        <input
          id={id}
          name={field.path}
          type="text"
          inputMode={field.whole ? 'numeric' : 'decimal'}
          autoComplete="off"
          value={value}
          readOnly={readOnly}
          {...describeInput(id, errors)}
          onChange={(event) => onChange(event.target.value)}
        />
        {field.unit && <span className="input-with-unit__unit">{field.unit}</span>}
      </div>
    </Field>
  );
}

function groupPathOf(path: SettingsPath): string | null {
  return SETTINGS_GROUPS.find((group) => group.fields.some((field) => field.path === path))?.path ?? null;
}

/** Puts the cursor in the first field (in form order) with something to fix. */
function focusFirstError(hasError: (path: SettingsPath) => boolean): void {
  const first = SETTINGS_FIELDS.find((field) => hasError(field.path));
  if (first) document.getElementById(fieldId(first.path))?.focus();
}
