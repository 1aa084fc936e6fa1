import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Review } from '@autonomy/contracts';
import { ConflictPanel, type ConflictPanelText } from '../../components/ui/conflict-panel.tsx';
import { describeInput, Field } from '../../components/ui/field.tsx';
import { FormRefusal } from '../../components/ui/save-refusal.tsx';
import { ApiError } from '../../lib/api.ts';
import { conflictRows, keepMyChanges } from '../../lib/conflict.ts';
import { hasErrors, type FieldErrors } from '../../lib/field-errors.ts';
import { unreadableDates } from '../../lib/unreadable-dates.ts';
import { useFieldErrors } from '../../lib/use-field-errors.ts';
import { ReviewChangedError, useSaveReviewRecord } from './queries.ts';
import {
  buildReviewPatch,
  diffReviewRecord,
  pickReviewRecord,
  placeReviewRecordErrors,
  REVIEW_RECORD_CONFLICT_FIELDS,
  REVIEW_RECORD_KEYS,
  type ReviewRecord,
  type ReviewRecordKey,
} from './review-record-form.ts';

/** The meeting's agenda and notes: read by everyone, edited by those who run the review. */
export function ReviewRecordPanel({ review, canEdit }: { review: Review; canEdit: boolean }) {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const formClosed = useRef(false);

  // A closed form (saved or cancelled) gives the keyboard back to the button that opened it.
  useEffect(() => {
    if (editing || !formClosed.current) return;
    formClosed.current = false;
    editButtonRef.current?.focus();
  }, [editing]);

  return (
    <section className="panel review-record" aria-labelledby="review-record-heading">
      <div className="panel__header panel__header--with-actions">
        <div>
          <h2 id="review-record-heading">Agenda and notes</h2>
          <p className="muted">
            What the meeting set out to cover, and what was said
            {canEdit && <span className="no-print">; the day it was held is corrected here too</span>}.
          </p>
        </div>
        {canEdit && !editing && (
          <div className="button-row no-print">
            <button
              ref={editButtonRef}
              type="button"
              className="button button--small"
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              Edit agenda and notes
            </button>
          </div>
        )}
      </div>
      {saved && (
        <p className="notice notice--success review-record__saved no-print" role="status">
          Saved.
        </p>
      )}
      {/* While editing, the saved text still prints: the form does not. */}
      <div className={editing ? 'print-only' : undefined}>
        <RecordText label="Agenda" text={review.agenda} empty="No agenda was written." field="agenda" />
        <RecordText label="Notes" text={review.notes} empty="No notes yet." field="notes" />
      </div>
      {editing && (
        <ReviewRecordForm
          review={review}
          onCancel={() => {
            formClosed.current = true;
            setEditing(false);
          }}
          onSaved={() => {
            formClosed.current = true;
            setEditing(false);
            setSaved(true);
          }}
        />
      )}
    </section>
  );
}

function RecordText({ label, text, empty, field }: { label: string; text: string; empty: string; field: string }) {
  return (
    <div className="review-record__text" data-record={field}>
      <h3 className="subheading">{label}</h3>
      {text.trim() === '' ? <p className="muted">{empty}</p> : <p className="preserve-lines">{text}</p>}
    </div>
  );
}

const fieldId = (key: ReviewRecordKey) => `review-record-${key}`;

const RECORD_CONFLICT_TEXT: ConflictPanelText = {
  headingId: 'review-record-conflict-heading',
  title: 'Someone else changed the agenda or notes since you opened them',
  yoursNotSaved: 'Yours has not been saved; the form still holds what you typed.',
  noDifference: 'Their text is the same as yours.',
  rowNoun: 'field',
  theirVersion: 'their text',
  rowAttribute: 'data-field',
  numeric: false,
  theirsClassName: 'review-conflict__theirs',
  mineClassName: 'review-conflict__mine',
};

/** A refused save: what is saved now, and the record the form held when it was sent. */
interface Conflict {
  latest: Review;
  mine: ReviewRecord;
}

type FormNotice = 'unchanged' | 'showing-theirs' | null;

/**
 * Edits the day, agenda and notes on the version the form opened with (`If-Match`), so a save
 * never overwrites what someone else saved meanwhile: the API refuses it (412) and the form shows
 * both versions, keeping what was typed until the reader chooses.
 */
function ReviewRecordForm({ review, onCancel, onSaved }: { review: Review; onCancel: () => void; onSaved: () => void }) {
  const save = useSaveReviewRecord(review.id);
  const [values, setValues] = useState<ReviewRecord>(() => pickReviewRecord(review));
  // The version the values are based on; both move on only when a conflict is settled.
  const [base, setBase] = useState<ReviewRecord>(() => pickReviewRecord(review));
  const [version, setVersion] = useState(review.version);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [notice, setNotice] = useState<FormNotice>(null);
  const fieldErrors = useFieldErrors<ReviewRecordKey>();
  const agendaRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    agendaRef.current?.focus();
  }, []);

  function change(next: Partial<ReviewRecord>) {
    setValues((current) => ({ ...current, ...next }));
    fieldErrors.answered(Object.keys(next));
    setNotice(null);
  }

  function send(record: ReviewRecord, from: ReviewRecord, onVersion: number) {
    const built = buildReviewPatch(from, record);
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
      { patch: built.patch, version: onVersion },
      {
        onSuccess: onSaved,
        onError: (error) => {
          if (error instanceof ReviewChangedError) {
            setConflict({ latest: error.latest, mine: record });
            return;
          }
          if (error instanceof ApiError && error.fieldErrors.length > 0) {
            const placed = placeReviewRecordErrors(error.fieldErrors);
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
    const unreadable = unreadableDates(event.currentTarget, REVIEW_RECORD_KEYS);
    if (hasErrors(unreadable)) {
      save.reset();
      fieldErrors.showInputErrors(unreadable);
      focusFirstError(unreadable);
      return;
    }
    send(values, base, version);
  }

  /** "Use theirs": start again from what is saved now. */
  function takeTheirs(latest: Review) {
    const theirs = pickReviewRecord(latest);
    setValues(theirs);
    setBase(theirs);
    setVersion(latest.version);
    setConflict(null);
    save.reset();
    setNotice('showing-theirs');
  }

  /** "Keep mine": my changes laid over what is saved now, sent again on its version. */
  function keepMine({ latest, mine }: Conflict) {
    const theirs = pickReviewRecord(latest);
    const merged = keepMyChanges(diffReviewRecord, base, mine, theirs);
    setValues(merged);
    setBase(theirs);
    setVersion(latest.version);
    setConflict(null);
    // Their version may already say what mine does: then there is nothing left to save.
    if (buildReviewPatch(theirs, merged).kind === 'unchanged') onSaved();
    else send(merged, theirs, latest.version);
  }

  const refusal = save.isError && !(save.error instanceof ReviewChangedError) ? save.error : null;
  const { errorsFor, unsettled } = fieldErrors;

  return (
    <form
      className="figures-form review-form no-print"
      onSubmit={handleSubmit}
      noValidate
      aria-busy={save.isPending}
      aria-label="Edit agenda and notes"
    >
      {notice === 'showing-theirs' && (
        <p className="notice notice--info" role="status">
          The form now shows the agenda and notes as the other person saved them. Make your change again if it still applies.
        </p>
      )}
      {/* While a conflict is open the inputs wait for a choice, so "Keep mine" keeps what was typed. */}
      <fieldset className="review-form__fieldset" disabled={conflict !== null}>
        <legend className="visually-hidden">Agenda and notes</legend>
        <Field id={fieldId('heldOn')} label="Held on" hint="The day of the meeting." errors={errorsFor('heldOn')} data-field="heldOn">
          <input
            id={fieldId('heldOn')}
            type="date"
            value={values.heldOn}
            {...describeInput(fieldId('heldOn'), errorsFor('heldOn'))}
            onChange={(event) => change({ heldOn: event.target.value })}
          />
        </Field>
        <Field
          id={fieldId('agenda')}
          label="Agenda"
          hint="What the meeting sets out to cover."
          errors={errorsFor('agenda')}
          data-field="agenda"
        >
          <textarea
            id={fieldId('agenda')}
            ref={agendaRef}
            rows={5}
            value={values.agenda}
            {...describeInput(fieldId('agenda'), errorsFor('agenda'))}
            onChange={(event) => change({ agenda: event.target.value })}
          />
        </Field>
        <Field
          id={fieldId('notes')}
          label="Notes"
          hint="What was said; decisions and action items have their own lists below."
          errors={errorsFor('notes')}
          data-field="notes"
        >
          <textarea
            id={fieldId('notes')}
            rows={8}
            value={values.notes}
            {...describeInput(fieldId('notes'), errorsFor('notes'))}
            onChange={(event) => change({ notes: event.target.value })}
          />
        </Field>
      </fieldset>
      {conflict ? (
        <ConflictPanel
          text={RECORD_CONFLICT_TEXT}
          savedAt={conflict.latest.updatedAt}
          rows={conflictRows(REVIEW_RECORD_CONFLICT_FIELDS, base, conflict.mine, pickReviewRecord(conflict.latest))}
          onUseTheirs={() => takeTheirs(conflict.latest)}
          onKeepMine={() => keepMine(conflict)}
        />
      ) : (
        <div className="figures-form__footer">
          <div className="button-row">
            <button type="submit" className="button button--primary" disabled={save.isPending}>
              {save.isPending ? 'Saving…' : 'Save agenda and notes'}
            </button>
            <button type="button" className="button" disabled={save.isPending} onClick={onCancel}>
              Cancel
            </button>
          </div>
          {notice === 'unchanged' && (
            <p className="notice notice--info" role="status">
              Nothing to save: the form holds the agenda and notes as they are saved.
            </p>
          )}
          {unsettled > 0 && (
            <p className="notice notice--error" role="alert">
              <span className="notice__title">Not saved:</span> see the {unsettled === 1 ? 'message' : 'messages'} beside the{' '}
              {unsettled === 1 ? 'field' : 'fields'}.
            </p>
          )}
          {refusal && (
            <FormRefusal
              error={refusal}
              general={fieldErrors.general}
              besideWhat="fields"
              action="The agenda and notes were not saved"
            />
          )}
        </div>
      )}
    </form>
  );
}

function focusFirstError(errors: FieldErrors<ReviewRecordKey>): void {
  const first = REVIEW_RECORD_KEYS.find((key) => errors[key] !== undefined);
  if (first) document.getElementById(fieldId(first))?.focus();
}
