import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Area } from '@autonomy/contracts';
import { ConflictPanel, type ConflictPanelText } from '../../components/ui/conflict-panel.tsx';
import { describedBy, describeInput, Field, FieldError, FieldGroup } from '../../components/ui/field.tsx';
import { ErrorState, LoadingState } from '../../components/ui/query-states.tsx';
import { FormRefusal } from '../../components/ui/save-refusal.tsx';
import { ApiError, type VersionedArea } from '../../lib/api.ts';
import { conflictRows, keepMyChanges } from '../../lib/conflict.ts';
import type { FieldErrors } from '../../lib/field-errors.ts';
import { useFieldErrors } from '../../lib/use-field-errors.ts';
import {
  AREA_CONFLICT_FIELDS,
  buildAreaPatch,
  diffAreaDetails,
  editableAreaDetails,
  leadOptions,
  pickAreaDetails,
  placeAreaErrors,
  toggleLead,
  type AreaDetailKey,
  type AreaDetails,
} from './area-details-form.ts';
import { AreaChangedError, useAreaForEdit, useSaveAreaDetails, useUserAccounts } from './queries.ts';

/**
 * The "Edit area" form. Reads the area with its ETag when it opens and sends it back as `If-Match`
 * with every save, so a save never overwrites a change made in the meantime: the API refuses it
 * (412) and the form shows both versions instead.
 */
export function AreaDetailsEditor({ slug, canAdminister, onCancel, onSaved }: {
  slug: string;
  /** Admins also choose the leads and the status. */
  canAdminister: boolean;
  onCancel: () => void;
  onSaved: (area: Area) => void;
}) {
  const source = useAreaForEdit(slug);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // The form opens below the button that asked for it: take the reader (and a screen reader) there.
  useEffect(() => {
    headingRef.current?.scrollIntoView({ block: 'start' });
    headingRef.current?.focus({ preventScroll: true });
  }, []);

  return (
    <section className="panel figures-editor area-details-editor" aria-labelledby="area-editor-heading">
      <div className="panel__header">
        <h2 id="area-editor-heading" ref={headingRef} tabIndex={-1}>
          Edit area
        </h2>
        <p className="muted">
          {canAdminister
            ? 'Change the area’s name, description, leads and status. The change is kept in its history.'
            : 'Change the area’s name and description. Only admins change its leads and status. The change is kept in its history.'}
        </p>
      </div>
      {source.isPending ? (
        <LoadingState label="Loading the area…" />
      ) : source.isError ? (
        <ErrorState error={source.error} onRetry={() => void source.refetch()}>
          <button type="button" className="button" onClick={onCancel}>
            Close
          </button>
        </ErrorState>
      ) : (
        <AreaDetailsForm slug={slug} opened={source.data} canAdminister={canAdminister} onCancel={onCancel} onSaved={onSaved} />
      )}
    </section>
  );
}

const fieldId = (key: AreaDetailKey) => `area-${key}`;

/** A refused save: what is saved now, and the details the form held when it was sent. */
interface Conflict {
  latest: VersionedArea;
  mine: AreaDetails;
}

const AREA_CONFLICT_TEXT: ConflictPanelText = {
  headingId: 'area-conflict-heading',
  title: 'Someone else changed this area since you opened it',
  yoursNotSaved: 'Yours has not been saved; the form still holds what you typed.',
  noDifference: 'Their details are the same as yours.',
  rowNoun: 'field',
  theirVersion: 'their version',
  rowAttribute: 'data-field',
  numeric: false,
  // Not the figures' nowrap cells: a description is a paragraph and must wrap.
  theirsClassName: 'area-conflict__theirs',
  mineClassName: 'area-conflict__mine',
};

/** What the form says above its fields after something other than a save. */
type FormNotice = 'unchanged' | 'showing-theirs' | null;

function AreaDetailsForm({ slug, opened, canAdminister, onCancel, onSaved }: {
  slug: string;
  opened: VersionedArea;
  canAdminister: boolean;
  onCancel: () => void;
  onSaved: (area: Area) => void;
}) {
  const save = useSaveAreaDetails(slug);
  const editable = editableAreaDetails(canAdminister);
  const [values, setValues] = useState<AreaDetails>(() => pickAreaDetails(opened.area));
  // The version the form's values are based on, and its ETag; both move on when a conflict is settled.
  const [base, setBase] = useState<AreaDetails>(() => pickAreaDetails(opened.area));
  const [etag, setEtag] = useState(opened.etag);
  const fieldErrors = useFieldErrors<AreaDetailKey>();
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [notice, setNotice] = useState<FormNotice>(null);

  function change(next: Partial<AreaDetails>) {
    setValues((current) => ({ ...current, ...next }));
    fieldErrors.answered(Object.keys(next));
    setNotice(null);
  }

  function send(details: AreaDetails, from: AreaDetails, ifMatch: string) {
    const built = buildAreaPatch(from, details, editable);
    if (built.kind === 'unchanged') {
      setNotice('unchanged');
      return;
    }
    if (built.kind === 'invalid') {
      save.reset();
      fieldErrors.showInputErrors(built.errors);
      focusFirstError(built.errors);
      return;
    }
    fieldErrors.clear();
    save.mutate(
      { patch: built.patch, ifMatch },
      {
        onSuccess: (saved) => onSaved(saved.area),
        onError: (error) => {
          if (error instanceof AreaChangedError) {
            setConflict({ latest: error.latest, mine: details });
            return;
          }
          if (error instanceof ApiError && error.fieldErrors.length > 0) {
            const placed = placeAreaErrors(error.fieldErrors);
            fieldErrors.showServerErrors(placed);
            focusFirstError(placed.byField);
          }
        },
      },
    );
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (conflict) return;
    setNotice(null);
    send(values, base, etag);
  }

  /** "Use theirs": start again from what is saved now. */
  function takeTheirs(latest: VersionedArea) {
    const theirs = pickAreaDetails(latest.area);
    setValues(theirs);
    setBase(theirs);
    setEtag(latest.etag);
    setConflict(null);
    save.reset();
    setNotice('showing-theirs');
  }

  /** "Keep mine": my changes over what is saved now, saved again against its ETag. */
  function keepMine({ latest, mine }: Conflict) {
    const theirs = pickAreaDetails(latest.area);
    const merged = keepMyChanges(diffAreaDetails, base, mine, theirs);
    setValues(merged);
    setBase(theirs);
    setEtag(latest.etag);
    setConflict(null);
    // Their version may already say what mine does: then there is nothing left to save.
    if (buildAreaPatch(theirs, merged, editable).kind === 'unchanged') onSaved(latest.area);
    else send(merged, theirs, latest.etag);
  }

  const refusal = save.isError && !(save.error instanceof AreaChangedError) ? save.error : null;
  const { errorsFor, unsettled } = fieldErrors;

  return (
    <form className="figures-form area-details-form" onSubmit={handleSubmit} noValidate aria-busy={save.isPending}>
      {notice === 'showing-theirs' && (
        <p className="notice notice--info" role="status">
          The form now shows the area as the other person saved it. Make your change again if it still applies.
        </p>
      )}
      {/* While a conflict is open the inputs wait for a choice, so "Keep mine" keeps what was typed. */}
      <fieldset className="figures-form__groups" disabled={conflict !== null}>
        <FieldGroup title="Details" description="What the dashboard calls the area and what it is for.">
          <TextField
            detail="name"
            label="Name"
            hint="How the area is called across the dashboard."
            value={values.name}
            errors={errorsFor('name')}
            onChange={(name) => change({ name })}
          />
          <TextField
            detail="description"
            label="Description"
            hint="What the area owns, in a sentence or two."
            multiline
            value={values.description}
            errors={errorsFor('description')}
            onChange={(description) => change({ description })}
          />
        </FieldGroup>
        {canAdminister && (
          <FieldGroup title="Ownership" description="Who leads the area, and whether it is still active.">
            <LeadChoices
              chosen={values.leadEmails}
              current={base.leadEmails}
              errors={errorsFor('leadEmails')}
              onChange={(leadEmails) => change({ leadEmails })}
            />
            <StatusField value={values.status} errors={errorsFor('status')} onChange={(status) => change({ status })} />
          </FieldGroup>
        )}
      </fieldset>
      {conflict ? (
        <ConflictPanel
          text={AREA_CONFLICT_TEXT}
          savedAt={conflict.latest.area.updatedAt}
          rows={conflictRows(AREA_CONFLICT_FIELDS, base, conflict.mine, pickAreaDetails(conflict.latest.area))}
          onUseTheirs={() => takeTheirs(conflict.latest)}
          onKeepMine={() => keepMine(conflict)}
        />
      ) : (
        <div className="figures-form__footer">
          <div className="button-row">
            <button type="submit" className="button button--primary" disabled={save.isPending}>
              {save.isPending ? 'Saving…' : 'Save area'}
            </button>
            <button type="button" className="button" disabled={save.isPending} onClick={onCancel}>
              Cancel
            </button>
          </div>
          {notice === 'unchanged' && (
            <p className="notice notice--info" role="status">
              Nothing to save: the form holds the area as it is saved.
            </p>
          )}
          {unsettled > 0 && (
            <p className="notice notice--error" role="alert">
              <span className="notice__title">Not saved:</span> see the {unsettled === 1 ? 'message' : 'messages'} beside the{' '}
              {unsettled === 1 ? 'field' : 'fields'}.
            </p>
          )}
          {refusal && (
            <FormRefusal error={refusal} general={fieldErrors.general} besideWhat="fields" action="The area was not saved" />
          )}
        </div>
      )}
    </form>
  );
}

function TextField({ detail, label, hint, value, errors, multiline = false, onChange }: {
  detail: 'name' | 'description';
  label: string;
  hint: string;
  value: string;
  errors: string[];
  multiline?: boolean;
  onChange: (text: string) => void;
}) {
  const id = fieldId(detail);
  return (
    <Field id={id} label={label} hint={hint} errors={errors} data-detail={detail}>
      {multiline ? (
        <textarea id={id} rows={3} value={value} {...describeInput(id, errors)} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input id={id} type="text" autoComplete="off" value={value} {...describeInput(id, errors)} onChange={(event) => onChange(event.target.value)} />
      )}
    </Field>
  );
}

function StatusField({ value, errors, onChange }: {
  value: AreaDetails['status'];
  errors: string[];
  onChange: (status: AreaDetails['status']) => void;
}) {
  const id = fieldId('status');
  return (
    <Field
      id={id}
      label="Status"
      hint="An archived area keeps its history but no longer counts in the organisation’s averages."
      errors={errors}
      className="field figures-field"
      data-detail="status"
    >
      <select
        id={id}
        value={value}
        {...describeInput(id, errors)}
        onChange={(event) => onChange(event.target.value === 'archived' ? 'archived' : 'active')}
      >
        <option value="active">Active</option>
        <option value="archived">Archived</option>
      </select>
    </Field>
  );
}

/** The admin's choice of leads: every user who may lead an area, ticked for those who do. */
function LeadChoices({ chosen, current, errors, onChange }: {
  chosen: readonly string[];
  /** The leads as saved, kept in the list even if they could no longer be named. */
  current: readonly string[];
  errors: string[];
  onChange: (leadEmails: string[]) => void;
}) {
  const users = useUserAccounts();
  const id = fieldId('leadEmails');
  return (
    <div
      className="field lead-choices"
      id={id}
      role="group"
      data-detail="leadEmails"
      aria-labelledby={`${id}-label`}
      aria-describedby={describedBy(id, errors)}
    >
      <span id={`${id}-label`} className="field__label">
        Leads
      </span>
      <p id={`${id}-hint`} className="field__hint">
        Area leads and admins who own this area and may change it: none, one or several.
      </p>
      {users.isPending ? (
        <LoadingState label="Loading the people who can lead…" />
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        leadOptions(users.data, current).map((option) => (
          <div key={option.email} className="lead-choices__option" data-lead-email={option.email}>
            <label>
              <input
                type="checkbox"
                checked={chosen.includes(option.email)}
                onChange={(event) => onChange(toggleLead(chosen, option.email, event.target.checked))}
              />{' '}
              {option.name}{' '}
              <span className="muted small">
                ({option.detail}
                {option.eligible ? '' : '; cannot be named lead'})
              </span>
            </label>
          </div>
        ))
      )}
      <FieldError inputId={id} errors={errors} />
    </div>
  );
}

/** Puts the cursor in the first field (in form order) with something to fix. */
function focusFirstError(errors: FieldErrors<AreaDetailKey>): void {
  const first = (['name', 'description', 'leadEmails', 'status'] as const).find((key) => errors[key] !== undefined);
  if (!first) return;
  const target = document.getElementById(fieldId(first));
  // The leads are a group of checkboxes: focus the first of them.
  (target?.querySelector('input') ?? target)?.focus();
}
