import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AreaMonthFigures } from '@autonomy/contracts';
import { ProblemNotice } from '../../components/ui/problem-notice.tsx';
import { SaveRefusal } from '../../components/ui/save-refusal.tsx';
import { ErrorState, LoadingState } from '../../components/ui/query-states.tsx';
import { ApiError, type VersionedAreaMonth } from '../../lib/api.ts';
import { without } from '../../lib/records.ts';
import { countOf, formatMonthLong } from '../../lib/format.ts';
import { FIGURE_FIELDS, FIGURE_GROUPS, type FigureField, type FigureGroup, type FigureKey } from './figure-fields.ts';
import { FiguresConflictPanel } from './figures-conflict-panel.tsx';
import {
  errorsAnsweredBy,
  parseFiguresForm,
  pickFigures,
  placeFigureErrors,
  rebaseFigures,
  toFiguresFormValues,
  type FigureFieldErrors,
  type FiguresFormValues,
  type PlacedFigureErrors,
} from './figures-form.ts';
import { FiguresChangedError, useFiguresForEdit, useSaveFigures } from './queries.ts';

/** Which month the form writes: one with figures (edit), or the next one, prefilled from the latest. */
export type FiguresEditTarget = { mode: 'edit'; month: string } | { mode: 'create'; month: string; prefillMonth: string };

export interface SavedFigures {
  month: string;
  created: boolean;
}

/**
 * The form for one month's fourteen figures. Reads the figures with their ETag when it opens and
 * sends it back as `If-Match` with every save of an existing month, so a save never overwrites a
 * change made in the meantime: the API refuses it (412) and the form shows both versions instead.
 */
export function FiguresEditor({ slug, target, onCancel, onSaved }: {
  slug: string;
  target: FiguresEditTarget;
  onCancel: () => void;
  onSaved: (saved: SavedFigures) => void;
}) {
  const sourceMonth = target.mode === 'edit' ? target.month : target.prefillMonth;
  const source = useFiguresForEdit(slug, sourceMonth);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // The form opens below the button that asked for it: take the reader (and a screen reader) there.
  useEffect(() => {
    headingRef.current?.scrollIntoView({ block: 'start' });
    headingRef.current?.focus({ preventScroll: true });
  }, []);

  const title = `${target.mode === 'edit' ? 'Edit' : 'Add'} figures for ${formatMonthLong(target.month)}`;
  return (
    <section className="panel figures-editor" aria-labelledby="figures-editor-heading" data-mode={target.mode}>
      <div className="panel__header">
        <h2 id="figures-editor-heading" ref={headingRef} tabIndex={-1}>
          {title}
        </h2>
        <p className="muted">
          {target.mode === 'edit'
            ? 'Correct what is wrong and save: the area’s indices and signals are recomputed at once, and the change is kept in its history.'
            : `Prefilled from ${formatMonthLong(target.prefillMonth)}. Change what was different this month, then save.`}
        </p>
      </div>
      {source.isPending ? (
        <LoadingState label="Loading the figures…" />
      ) : source.isError ? (
        <ErrorState error={source.error} onRetry={() => void source.refetch()}>
          <button type="button" className="button" onClick={onCancel}>
            Close
          </button>
        </ErrorState>
      ) : (
        <FiguresForm
          slug={slug}
          month={target.month}
          opened={source.data}
          creating={target.mode === 'create'}
          onCancel={onCancel}
          onSaved={onSaved}
        />
      )}
    </section>
  );
}

const NO_SERVER_ERRORS: PlacedFigureErrors = { byField: {}, general: [] };

const fieldId = (key: FigureKey) => `figure-${key}`;

/** A refused save: what is saved now, and the figures that were sent. */
interface Conflict {
  latest: VersionedAreaMonth;
  mine: AreaMonthFigures;
}

function FiguresForm({ slug, month, opened, creating, onCancel, onSaved }: {
  slug: string;
  month: string;
  /** The figures the form starts from: the month itself, or for a new month the latest one. */
  opened: VersionedAreaMonth;
  creating: boolean;
  onCancel: () => void;
  onSaved: (saved: SavedFigures) => void;
}) {
  const save = useSaveFigures(slug);
  const [values, setValues] = useState<FiguresFormValues>(() => toFiguresFormValues(opened.areaMonth));
  // The version the form's figures are based on, and its ETag; both move on when a conflict is settled.
  const [base, setBase] = useState<AreaMonthFigures>(() => pickFigures(opened.areaMonth));
  const [etag, setEtag] = useState<string | null>(creating ? null : opened.etag);
  const [inputErrors, setInputErrors] = useState<FigureFieldErrors>({});
  const [serverErrors, setServerErrors] = useState<PlacedFigureErrors>(NO_SERVER_ERRORS);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [showingTheirs, setShowingTheirs] = useState(false);

  function errorsFor(key: FigureKey): string[] {
    return inputErrors[key] ?? serverErrors.byField[key] ?? [];
  }

  function handleChange(key: FigureKey, text: string) {
    setValues((current) => ({ ...current, [key]: text }));
    const answered = errorsAnsweredBy(key);
    setInputErrors((current) => without(current, answered));
    setServerErrors((current) => ({ ...current, byField: without(current.byField, answered) }));
    setShowingTheirs(false);
  }

  function send(figures: AreaMonthFigures, ifMatch: string | null) {
    setServerErrors(NO_SERVER_ERRORS);
    save.mutate(
      { month, figures, ifMatch },
      {
        onSuccess: (saved) => onSaved({ month, created: saved.created }),
        onError: (error) => {
          if (error instanceof FiguresChangedError) {
            setConflict({ latest: error.latest, mine: figures });
            return;
          }
          if (error instanceof ApiError && error.fieldErrors.length > 0) {
            const placed = placeFigureErrors(error.fieldErrors);
            setServerErrors(placed);
            focusFirstError((key) => placed.byField[key] !== undefined);
          }
        },
      },
    );
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (conflict) return;
    setShowingTheirs(false);
    const parsed = parseFiguresForm(values);
    if (!parsed.ok) {
      save.reset();
      setServerErrors(NO_SERVER_ERRORS);
      setInputErrors(parsed.errors);
      focusFirstError((key) => parsed.errors[key] !== undefined);
      return;
    }
    setInputErrors({});
    send(parsed.figures, etag);
  }

  /** "Use theirs": start again from what is saved now. */
  function takeTheirs(latest: VersionedAreaMonth) {
    const theirs = pickFigures(latest.areaMonth);
    setValues(toFiguresFormValues(theirs));
    setBase(theirs);
    setEtag(latest.etag);
    setConflict(null);
    save.reset();
    setShowingTheirs(true);
  }

  /** "Keep mine": my changes over what is saved now, saved again against its ETag. */
  function keepMine({ latest, mine }: Conflict) {
    const theirs = pickFigures(latest.areaMonth);
    const merged = rebaseFigures(base, mine, theirs);
    setValues(toFiguresFormValues(merged));
    setBase(theirs);
    setEtag(latest.etag);
    setConflict(null);
    send(merged, latest.etag);
  }

  const unsettled = Object.keys(inputErrors).length;
  const refusal = save.isError && !(save.error instanceof FiguresChangedError) ? save.error : null;

  return (
    <form className="figures-form" onSubmit={handleSubmit} noValidate aria-busy={save.isPending}>
      {showingTheirs && (
        <p className="notice notice--info" role="status">
          The form now shows the figures saved by the other person. Make your change again if it still applies.
        </p>
      )}
      {/* While a conflict is open the inputs wait for a choice, so "Keep mine" keeps what was sent. */}
      <fieldset className="figures-form__groups" disabled={conflict !== null}>
        {FIGURE_GROUPS.map((group) => (
          <FiguresFieldset key={group.title} group={group} values={values} errorsFor={errorsFor} onChange={handleChange} />
        ))}
      </fieldset>
      {conflict ? (
        <FiguresConflictPanel
          opened={base}
          mine={conflict.mine}
          latest={conflict.latest}
          onUseTheirs={() => takeTheirs(conflict.latest)}
          onKeepMine={() => keepMine(conflict)}
        />
      ) : (
        <div className="figures-form__footer">
          <div className="button-row">
            <button type="submit" className="button button--primary" disabled={save.isPending}>
              {save.isPending ? 'Saving and recomputing…' : 'Save figures'}
            </button>
            <button type="button" className="button" disabled={save.isPending} onClick={onCancel}>
              Cancel
            </button>
          </div>
          {unsettled > 0 && (
            <p className="notice notice--error" role="alert">
              <span className="notice__title">Not saved:</span> {countOf(unsettled, 'figure')} {unsettled === 1 ? 'needs' : 'need'}{' '}
              a change. See the {unsettled === 1 ? 'message' : 'messages'} beside {unsettled === 1 ? 'it' : 'them'}.
            </p>
          )}
          {refusal && <SaveRefusalOfFigures error={refusal} general={serverErrors.general} />}
        </div>
      )}
    </form>
  );
}

function FiguresFieldset({ group, values, errorsFor, onChange }: {
  group: FigureGroup;
  values: FiguresFormValues;
  errorsFor: (key: FigureKey) => string[];
  onChange: (key: FigureKey, text: string) => void;
}) {
  return (
    <fieldset className="figures-group">
      <legend className="figures-group__title">{group.title}</legend>
      <p className="muted small figures-group__description">{group.description}</p>
      <div className="figures-group__fields">
        {group.fields.map((field) => (
          <FigureInput
            key={field.key}
            field={field}
            value={values[field.key]}
            errors={errorsFor(field.key)}
            onChange={(text) => onChange(field.key, text)}
          />
        ))}
      </div>
    </fieldset>
  );
}

function FigureInput({ field, value, errors, onChange }: {
  field: FigureField;
  value: string;
  errors: string[];
  onChange: (text: string) => void;
}) {
  const id = fieldId(field.key);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const invalid = errors.length > 0;
  const describedBy = invalid ? `${errorId} ${hintId}` : hintId;
  return (
    <div className="field figures-field" data-figure={field.key}>
      <label className="field__label" htmlFor={id}>
        {field.label}
      </label>
      {field.key === 'targetOwner' ? (
        <select id={id} name={field.key} value={value} aria-describedby={describedBy} aria-invalid={invalid} onChange={(event) => onChange(event.target.value)}>
          <option value="area">The area</option>
          <option value="central">Central</option>
        </select>
      ) : (
        <div className="input-with-unit">
          <input
            id={id}
            name={field.key}
            type="text"
            inputMode={field.whole ? 'numeric' : 'decimal'}
            autoComplete="off"
            value={value}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            onChange={(event) => onChange(event.target.value)}
          />
          {field.unit && <span className="input-with-unit__unit">{field.unit}</span>}
        </div>
      )}
      <p id={hintId} className="field__hint">
        {field.hint}
      </p>
      {invalid && (
        <p id={errorId} className="field__error">
          {errors.join(' ')}
        </p>
      )}
    </div>
  );
}

/** The API refused the save for a reason other than a conflict: its words, and what no field could show. */
function SaveRefusalOfFigures({ error, general }: { error: Error; general: readonly string[] }) {
  if (!(error instanceof ApiError) || error.fieldErrors.length === 0) {
    return <ProblemNotice error={error} action="The figures were not saved" />;
  }
  return <SaveRefusal error={error} general={general} besideWhat="figures" />;
}

/** Puts the cursor in the first figure (in form order) with something to fix. */
function focusFirstError(hasError: (key: FigureKey) => boolean): void {
  const first = FIGURE_FIELDS.find((field) => hasError(field.key));
  if (first) document.getElementById(fieldId(first.key))?.focus();
}
