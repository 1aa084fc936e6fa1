import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { describeInput, Field } from '../../components/ui/field.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/query-states.tsx';
import { FormRefusal } from '../../components/ui/save-refusal.tsx';
import { ApiError } from '../../lib/api.ts';
import { hasErrors, type FieldErrors } from '../../lib/field-errors.ts';
import { unreadableDates } from '../../lib/unreadable-dates.ts';
import { formatMonthLong } from '../../lib/format.ts';
import { useFieldErrors } from '../../lib/use-field-errors.ts';
import { Link, navigate } from '../../router.tsx';
import type { MonthCoverage } from '@autonomy/contracts';
import { coverageByMonth, reviewCoverageWarning } from '../portfolio/coverage.ts';
import { usePortfolio } from '../portfolio/queries.ts';
import { ReviewExistsError, useAllReviews, useStartReview } from './queries.ts';
import { dayOf } from './review-dates.ts';
import {
  defaultReviewMonth,
  initialStartReviewValues,
  parseStartReview,
  placeStartReviewErrors,
  reviewMonthOptions,
  START_REVIEW_FIELDS,
  type StartReviewField,
  type StartReviewValues,
} from './start-review-form.ts';

const fieldId = (field: StartReviewField) => `start-review-${field}`;

/**
 * "Start a review": the months that have figures (the portfolio lists them) and which of them
 * already have a review, then the form. Starting one opens its pack.
 */
export function StartReviewPanel({ onCancel, preferredMonth }: {
  onCancel: () => void;
  /** The month the reader came to review (the portfolio's "Start it" link); else the likeliest one. */
  preferredMonth?: string;
}) {
  const portfolio = usePortfolio(undefined);
  const reviews = useAllReviews();
  const reviewedMonths = useMemo(() => new Map((reviews.data ?? []).map((review) => [review.month, review.id])), [reviews.data]);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <section className="panel start-review" aria-labelledby="start-review-heading">
      <div className="panel__header">
        <h2 id="start-review-heading" ref={headingRef} tabIndex={-1}>
          Start a review
        </h2>
        <p className="muted">
          Starting a review freezes the month’s portfolio and signals as they are now: the pack will read the same whatever
          changes later.
        </p>
      </div>
      {portfolio.isPending || reviews.isPending ? (
        <LoadingState label="Loading the months with figures…" />
      ) : portfolio.isError ? (
        <ErrorState error={portfolio.error} onRetry={() => void portfolio.refetch()} />
      ) : reviews.isError ? (
        <ErrorState error={reviews.error} onRetry={() => void reviews.refetch()} />
      ) : portfolio.data.months.length === 0 ? (
        <EmptyState title="No month has figures yet">
          <p>
            A review walks one month’s figures. <Link to="/import">Import a CSV</Link> first.
          </p>
          <button type="button" className="button" onClick={onCancel}>
            Close
          </button>
        </EmptyState>
      ) : (
        <StartReviewForm
          months={portfolio.data.months}
          landingMonth={portfolio.data.month}
          monthCoverage={portfolio.data.monthCoverage}
          reviewedMonths={reviewedMonths}
          preferredMonth={preferredMonth}
          onCancel={onCancel}
        />
      )}
    </section>
  );
}

function StartReviewForm({ months, landingMonth, monthCoverage, reviewedMonths, preferredMonth, onCancel }: {
  /** Newest first. */
  months: readonly string[];
  /** The portfolio's default month: the newest at least half of the areas reported. */
  landingMonth: string | null;
  /** The coverage of the months in progress, for their labels. */
  monthCoverage: readonly MonthCoverage[];
  /** Each month that already has a review, to its review's id. */
  reviewedMonths: ReadonlyMap<string, string>;
  preferredMonth: string | undefined;
  onCancel: () => void;
}) {
  const reviewed = useMemo(() => new Set(reviewedMonths.keys()), [reviewedMonths]);
  const options = reviewMonthOptions(months, reviewed, coverageByMonth(monthCoverage));
  const [values, setValues] = useState<StartReviewValues>(() =>
    initialStartReviewValues(
      preferredMonth && months.includes(preferredMonth) ? preferredMonth : defaultReviewMonth(months, reviewed, landingMonth),
      dayOf(new Date()),
    ),
  );
  const start = useStartReview();
  const fieldErrors = useFieldErrors<StartReviewField>();
  const { errorsFor, unsettled } = fieldErrors;
  const existingId = reviewedMonths.get(values.month);

  function change(next: Partial<StartReviewValues>) {
    setValues((current) => ({ ...current, ...next }));
    fieldErrors.answered(Object.keys(next));
    if ('month' in next) start.reset();
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const unreadable = unreadableDates(event.currentTarget, START_REVIEW_FIELDS);
    const parsed = hasErrors(unreadable) ? { ok: false as const, errors: unreadable } : parseStartReview(values);
    if (!parsed.ok) {
      start.reset();
      fieldErrors.showInputErrors(parsed.errors);
      focusFirstError(parsed.errors);
      return;
    }
    fieldErrors.clear();
    start.mutate(parsed.request, {
      onSuccess: (review) => navigate(`/reviews/${encodeURIComponent(review.id)}`),
      onError: (error) => {
        if (error instanceof ApiError && error.fieldErrors.length > 0) {
          const placed = placeStartReviewErrors(error.fieldErrors);
          fieldErrors.showServerErrors(placed);
          focusFirstError(placed.byField);
        }
      },
    });
  }

  const monthId = fieldId('month');
  const heldOnId = fieldId('heldOn');
  const agendaId = fieldId('agenda');

  return (
    <form className="figures-form review-form" onSubmit={handleSubmit} noValidate aria-busy={start.isPending}>
      <div className="review-form__fields">
        <Field
          id={monthId}
          label="Month"
          hint={
            existingId ? (
              <>
                {formatMonthLong(values.month)} already has a review:{' '}
                <Link to={`/reviews/${encodeURIComponent(existingId)}`}>open it</Link>.
              </>
            ) : (
              <>
                The month whose figures the meeting walks.
                <ChosenMonthCoverage month={values.month} />
              </>
            )
          }
          errors={errorsFor('month')}
          data-field="month"
        >
          <select
            id={monthId}
            value={values.month}
            {...describeInput(monthId, errorsFor('month'))}
            onChange={(event) => change({ month: event.target.value })}
          >
            {options.map((option) => (
              <option key={option.month} value={option.month}>
                {option.label}
              </option>
            ))}
          </select>
        </Field>
        <Field id={heldOnId} label="Held on" hint="The day of the meeting." errors={errorsFor('heldOn')} data-field="heldOn">
          <input
            id={heldOnId}
            type="date"
            value={values.heldOn}
            {...describeInput(heldOnId, errorsFor('heldOn'))}
            onChange={(event) => change({ heldOn: event.target.value })}
          />
        </Field>
      </div>
      <Field
        id={agendaId}
        label="Agenda (optional)"
        hint="What the meeting will walk through; you can change it later."
        errors={errorsFor('agenda')}
        data-field="agenda"
      >
        <textarea
          id={agendaId}
          rows={4}
          value={values.agenda}
          {...describeInput(agendaId, errorsFor('agenda'))}
          onChange={(event) => change({ agenda: event.target.value })}
        />
      </Field>
      <div className="figures-form__footer">
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={start.isPending}>
            {start.isPending ? 'Freezing the figures…' : 'Start review'}
          </button>
          <button type="button" className="button" disabled={start.isPending} onClick={onCancel}>
            Cancel
          </button>
        </div>
        {unsettled > 0 && (
          <p className="notice notice--error" role="alert">
            <span className="notice__title">Not started:</span> see the {unsettled === 1 ? 'message' : 'messages'} beside the{' '}
            {unsettled === 1 ? 'field' : 'fields'}.
          </p>
        )}
        {start.error instanceof ReviewExistsError ? (
          <ReviewExistsNotice error={start.error} />
        ) : (
          start.isError && (
            <FormRefusal error={start.error} general={fieldErrors.general} besideWhat="fields" action="The review was not started" />
          )
        )}
      </div>
    </form>
  );
}

/**
 * How many areas reported for the chosen month, read from that month's portfolio (the one the
 * review will freeze), and a warning when some have not: the review still starts, and its pack
 * lists them as not reported.
 */
function ChosenMonthCoverage({ month }: { month: string }) {
  const portfolio = usePortfolio(month === '' ? undefined : month);
  const data = portfolio.data?.month === month ? portfolio.data : undefined;
  if (month === '' || !data) return null;
  const warning = reviewCoverageWarning(month, data.coverage);
  return warning ? (
    <span className="notice notice--warning coverage-warning" role="status">
      {warning}
    </span>
  ) : (
    <> All {data.coverage.active} areas reported.</>
  );
}

/** A 409: the month has its review already; there is one per month, so go to it. */
function ReviewExistsNotice({ error }: { error: ReviewExistsError }) {
  const { existing, refusal } = error;
  return (
    <div className="notice notice--error review-exists" role="alert">
      <p>
        <span className="notice__title">Not started:</span> {refusal.problem.detail || refusal.problem.title}
      </p>
      {existing ? (
        <p>
          <Link to={`/reviews/${encodeURIComponent(existing.id)}`}>Open the review of {formatMonthLong(existing.month)}</Link>
        </p>
      ) : (
        <p>
          <Link to="/reviews">See the list of reviews</Link>
        </p>
      )}
    </div>
  );
}

function focusFirstError(errors: FieldErrors<StartReviewField>): void {
  const first = START_REVIEW_FIELDS.find((field) => errors[field] !== undefined);
  if (first) document.getElementById(fieldId(first))?.focus();
}
