import { useRef, useState, type FormEvent } from 'react';
import type { Review, ReviewDecision } from '@autonomy/contracts';
import { describeInput, Field } from '../../components/ui/field.tsx';
import { EmptyState } from '../../components/ui/query-states.tsx';
import { FormRefusal } from '../../components/ui/save-refusal.tsx';
import { ApiError } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useFieldErrors } from '../../lib/use-field-errors.ts';
import { Link, withMonth } from '../../router.tsx';
import { useAddDecision } from './queries.ts';
import { ReviewAreaField } from './review-area-field.tsx';
import {
  areaNameIn,
  EMPTY_DECISION,
  parseDecision,
  placeDecisionErrors,
  sortOldestFirst,
  type DecisionField,
  type DecisionValues,
} from './review-items.ts';

/** What the meeting decided, oldest first; decisions are the record, so they are added, never edited. */
export function DecisionsPanel({ review, canRecord }: { review: Review; canRecord: boolean }) {
  const decisions = sortOldestFirst(review.decisions);
  return (
    <section className="panel decisions" aria-labelledby="decisions-heading">
      <div className="panel__header">
        <h2 id="decisions-heading">Decisions</h2>
        <p className="muted">In the order they were taken. A decision is kept as recorded: it is not edited or removed.</p>
      </div>
      {decisions.length === 0 ? (
        <EmptyState title="No decisions recorded yet" />
      ) : (
        <ol className="decision-list">
          {decisions.map((decision) => (
            <DecisionItem key={decision.id} decision={decision} review={review} />
          ))}
        </ol>
      )}
      {canRecord && <DecisionForm review={review} />}
    </section>
  );
}

function DecisionItem({ decision, review }: { decision: ReviewDecision; review: Review }) {
  const { areaSlug } = decision;
  return (
    <li className="decision-list__item" data-decision-id={decision.id}>
      <p className="decision-list__text preserve-lines">{decision.text}</p>
      <p className="muted small">
        {areaSlug && (
          <>
            <Link to={withMonth(`/areas/${encodeURIComponent(areaSlug)}`, review.month)}>
              {areaNameIn(review.snapshot.areas, areaSlug)}
            </Link>
            {' · '}
          </>
        )}
        {decision.createdBy ? `recorded by ${decision.createdBy.name}` : 'recorded'}
        {' · '}
        <time dateTime={decision.createdAt}>{formatDateTime(decision.createdAt)}</time>
      </p>
    </li>
  );
}

const fieldId = (field: DecisionField) => `decision-${field}`;

function DecisionForm({ review }: { review: Review }) {
  const add = useAddDecision(review.id);
  const [values, setValues] = useState<DecisionValues>(EMPTY_DECISION);
  const [recorded, setRecorded] = useState(false);
  const fieldErrors = useFieldErrors<DecisionField>();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const { errorsFor } = fieldErrors;

  function change(next: Partial<DecisionValues>) {
    setValues((current) => ({ ...current, ...next }));
    fieldErrors.answered(Object.keys(next));
    setRecorded(false);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setRecorded(false);
    const parsed = parseDecision(values);
    if (!parsed.ok) {
      add.reset();
      fieldErrors.showInputErrors(parsed.errors);
      document.getElementById(fieldId(parsed.errors.text ? 'text' : 'areaSlug'))?.focus();
      return;
    }
    fieldErrors.clear();
    add.mutate(parsed.request, {
      onSuccess: () => {
        // Ready for the next one: the meeting usually records several in a row.
        setValues(EMPTY_DECISION);
        setRecorded(true);
        textRef.current?.focus();
      },
      onError: (error) => {
        if (error instanceof ApiError && error.fieldErrors.length > 0) {
          fieldErrors.showServerErrors(placeDecisionErrors(error.fieldErrors));
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
      aria-labelledby="decision-form-heading"
    >
      <h3 id="decision-form-heading" className="subheading">
        Record a decision
      </h3>
      <Field
        id={fieldId('text')}
        label="Decision"
        hint="What was decided, in a sentence or two."
        errors={errorsFor('text')}
        data-field="text"
      >
        <textarea
          id={fieldId('text')}
          ref={textRef}
          rows={2}
          value={values.text}
          {...describeInput(fieldId('text'), errorsFor('text'))}
          onChange={(event) => change({ text: event.target.value })}
        />
      </Field>
      <ReviewAreaField
        id={fieldId('areaSlug')}
        hint="The area it is about, if one."
        areas={review.snapshot.areas}
        value={values.areaSlug}
        errors={errorsFor('areaSlug')}
        onChange={(areaSlug) => change({ areaSlug })}
      />
      <div className="figures-form__footer">
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={add.isPending}>
            {add.isPending ? 'Recording…' : 'Record decision'}
          </button>
        </div>
        <div aria-live="polite">
          {recorded && (
            <p className="notice notice--success" role="status">
              Decision recorded.
            </p>
          )}
        </div>
        {add.isError && (
          <FormRefusal error={add.error} general={fieldErrors.general} besideWhat="fields" action="The decision was not recorded" />
        )}
      </div>
    </form>
  );
}
