import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AreaMonthFigures } from '@autonomy/contracts';
import { ConflictPanel, type ConflictPanelText } from '../../components/ui/conflict-panel.tsx';
import { describeInput, Field, FieldGroup } from '../../components/ui/field.tsx';
import { FormRefusal } from '../../components/ui/save-refusal.tsx';
import { ErrorState, LoadingState } from '../../components/ui/query-states.tsx';
import { ApiError, type VersionedAreaMonth } from '../../lib/api.ts';
import { conflictRows, keepMyChanges } from '../../lib/conflict.ts';
import { useFieldErrors } from '../../lib/use-field-errors.ts';
import { countOf, formatAmount, formatMonthLong } from '../../lib/format.ts';
import { FIGURE_FIELDS, FIGURE_GROUPS, type FigureField, type FigureGroup, type FigureKey } from './figure-fields.ts';
import {
  diffFigures,
  errorsAnsweredBy,
  FIGURE_CONFLICT_FIELDS,
  parseFiguresForm,
  pickFigures,
  placeFigureErrors,
  firstMonthFormValues,
  newMonthFormValues,
  prefillNewMonth,
  toFiguresFormValues,
  type FiguresFormValues,
} from './figures-form.ts';
import { FiguresChangedError, useFiguresForEdit, usePlannedTarget, useSaveFigures } from './queries.ts';

/**
 * Which month the form writes: one with figures (edit), or one without, its stocks prefilled from
 * `prefillMonth` (the nearest earlier month with figures; null for an area's first figures).
 */
export type FiguresEditTarget = { mode: 'edit'; month: string } | { mode: 'create'; month: string; prefillMonth: string | null };

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
  const creating = target.mode === 'create';
  const sourceMonth = target.mode === 'edit' ? target.month : target.prefillMonth;
  const source = useFiguresForEdit(slug, sourceMonth);
  const planned = usePlannedTarget(slug, target.month, { enabled: creating });
  // Without the targets the form still works, prefilled from the latest month alone.
  const plannedTarget = creating && planned.isSuccess ? planned.data : null;
  const waitingForPlan = creating && planned.isPending;
  const waitingForSource = sourceMonth !== null && source.isPending;
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
            : target.prefillMonth === null
              ? `The area has no earlier figures to start from: enter every figure${plannedTarget === null ? '' : ' (the revenue target is the one planned for this month)'}, then save.`
              : `Support, dependencies, processes, latency and who set the target are prefilled from ${formatMonthLong(target.prefillMonth)}${plannedTarget === null ? '' : ', and the revenue target is the one planned for this month'}. Revenue, hires and decisions are this month’s own: enter them, change what else was different, then save.`}
        </p>
      </div>
      {waitingForSource || waitingForPlan ? (
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
          opened={source.data ?? null}
          creating={creating}
          plannedTarget={plannedTarget}
          onCancel={onCancel}
          onSaved={onSaved}
        />
      )}
    </section>
  );
}

const fieldId = (key: FigureKey) => `figure-${key}`;

/** A refused save: what is saved now, and the figures that were sent. */
interface Conflict {
  latest: VersionedAreaMonth;
  mine: AreaMonthFigures;
}

const FIGURES_CONFLICT_TEXT: ConflictPanelText = {
  headingId: 'figures-conflict-heading',
  title: 'Someone else changed these figures since you opened them',
  yoursNotSaved: 'Yours has not been saved.',
  noDifference: 'Their figures are the same as yours.',
  rowNoun: 'figure',
  theirVersion: 'their figures',
  rowAttribute: 'data-figure',
  numeric: true,
  theirsClassName: 'numeric conflict-table__theirs',
  mineClassName: 'numeric conflict-table__mine',
};

function FiguresForm({ slug, month, opened, creating, plannedTarget, onCancel, onSaved }: {
  slug: string;
  month: string;
  /**
   * The figures the form starts from: the month itself, or for a new month the nearest earlier
   * one; null for an area's first figures, which start blank.
   */
  opened: VersionedAreaMonth | null;
  creating: boolean;
  /** For a new month, the revenue target planned for it, which replaces the latest month's. */
  plannedTarget: number | null;
  onCancel: () => void;
  onSaved: (saved: SavedFigures) => void;
}) {
  const save = useSaveFigures(slug);
  const [prefilled] = useState<AreaMonthFigures | null>(() =>
    opened === null ? null : creating ? prefillNewMonth(opened.areaMonth, plannedTarget) : pickFigures(opened.areaMonth),
  );
  const [values, setValues] = useState<FiguresFormValues>(() =>
    prefilled === null ? firstMonthFormValues(plannedTarget) : creating ? newMonthFormValues(prefilled) : toFiguresFormValues(prefilled),
  );
  // The version the form's figures are based on, and its ETag; both move on when a conflict is settled.
  // A first month has no base: every figure in it was entered, so a conflict counts each as mine.
  const [base, setBase] = useState<AreaMonthFigures | null>(prefilled);
  const [etag, setEtag] = useState<string | null>(creating || opened === null ? null : opened.etag);
  const fieldErrors = useFieldErrors<FigureKey>();
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [showingTheirs, setShowingTheirs] = useState(false);

  function handleChange(key: FigureKey, text: string) {
    setValues((current) => ({ ...current, [key]: text }));
    fieldErrors.answered(errorsAnsweredBy(key));
    setShowingTheirs(false);
  }

  function send(figures: AreaMonthFigures, ifMatch: string | null) {
    fieldErrors.clear();
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
            fieldErrors.showServerErrors(placed);
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
      fieldErrors.showInputErrors(parsed.errors);
      focusFirstError((key) => parsed.errors[key] !== undefined);
      return;
    }
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
    const merged = keepMyChanges(diffFigures, base ?? theirs, mine, theirs);
    setValues(toFiguresFormValues(merged));
    setBase(theirs);
    setEtag(latest.etag);
    setConflict(null);
    send(merged, latest.etag);
  }

  const notes: FigureNotes =
    creating && plannedTarget !== null
      ? { revenueTarget: `Prefilled with the planned target for ${formatMonthLong(month)}: ${formatAmount(plannedTarget)}.` }
      : {};
  const { errorsFor, unsettled } = fieldErrors;
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
          <FiguresFieldset
            key={group.title}
            group={group}
            values={values}
            notes={notes}
            errorsFor={errorsFor}
            onChange={handleChange}
          />
        ))}
      </fieldset>
      {conflict ? (
        <ConflictPanel
          text={FIGURES_CONFLICT_TEXT}
          savedAt={conflict.latest.areaMonth.updatedAt}
          rows={conflictRows(FIGURE_CONFLICT_FIELDS, base ?? pickFigures(conflict.latest.areaMonth), conflict.mine, pickFigures(conflict.latest.areaMonth))}
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
          {refusal && (
            <FormRefusal error={refusal} general={fieldErrors.general} besideWhat="figures" action="The figures were not saved" />
          )}
        </div>
      )}
    </form>
  );
}

/** A line beside a field on where its value came from (a planned target). */
type FigureNotes = Partial<Record<FigureKey, string>>;

function FiguresFieldset({ group, values, notes, errorsFor, onChange }: {
  group: FigureGroup;
  values: FiguresFormValues;
  notes: FigureNotes;
  errorsFor: (key: FigureKey) => string[];
  onChange: (key: FigureKey, text: string) => void;
}) {
  return (
    <FieldGroup title={group.title} description={group.description}>
      {group.fields.map((field) => (
        <FigureInput
          key={field.key}
          field={field}
          value={values[field.key]}
          note={notes[field.key]}
          errors={errorsFor(field.key)}
          onChange={(text) => onChange(field.key, text)}
        />
      ))}
    </FieldGroup>
  );
}

function FigureInput({ field, value, note, errors, onChange }: {
  field: FigureField;
  value: string;
  note: string | undefined;
  errors: string[];
  onChange: (text: string) => void;
}) {
  const id = fieldId(field.key);
  const aria = describeInput(id, errors, note ? ['hint', 'note'] : ['hint']);
  return (
    <Field
      id={id}
      label={field.label}
      hint={field.hint}
      note={
        note && (
          <p id={`${id}-note`} className="field__hint figures-field__note">
            {note}
          </p>
        )
      }
      errors={errors}
      className="field figures-field"
      data-figure={field.key}
    >
      {field.key === 'targetOwner' ? (
        <select id={id} name={field.key} value={value} {...aria} onChange={(event) => onChange(event.target.value)}>
          {value === '' && <option value="">Choose…</option>}
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
            {...aria}
            onChange={(event) => onChange(event.target.value)}
          />
          {field.unit && <span className="input-with-unit__unit">{field.unit}</span>}
        </div>
      )}
    </Field>
  );
}

/** Puts the cursor in the first figure (in form order) with something to fix. */
function focusFirstError(hasError: (key: FigureKey) => boolean): void {
  const first = FIGURE_FIELDS.find((field) => hasError(field.key));
  if (first) document.getElementById(fieldId(first.key))?.focus();
}
