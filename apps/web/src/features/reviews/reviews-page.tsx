import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReviewSummary } from '@autonomy/contracts';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/query-states.tsx';
import { formatMonthLong, NO_VALUE } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { Link, readMonthParam, useLocation } from '../../router.tsx';
import { canRunReviews } from '../auth/permissions.ts';
import { useSessionUser } from '../auth/queries.ts';
import { useReviewList } from './queries.ts';
import { formatDay } from './review-dates.ts';
import { describeActionItemCounts } from './review-items.ts';
import { StartReviewPanel } from './start-review-panel.tsx';

/** Every monthly scaling review, newest month first; admins and executives start the next one here. */
export function ReviewsPage() {
  useDocumentTitle('Reviews');
  const session = useSessionUser();
  const canRun = session.data ? canRunReviews(session.data.role) : false;
  const reviews = useReviewList();
  // `?month=` comes from the portfolio's "Start it": open the form on that month.
  const requestedMonth = readMonthParam(useLocation().searchParams);
  const [starting, setStarting] = useState(requestedMonth !== undefined);
  const items = useMemo(() => reviews.data?.pages.flatMap((page) => page.items) ?? [], [reviews.data]);
  const startButtonRef = useRef<HTMLButtonElement>(null);
  const closedByCancel = useRef(false);

  // A cancelled form gives the keyboard back to the button that opened it, not to the top of the page.
  useEffect(() => {
    if (starting || !closedByCancel.current) return;
    closedByCancel.current = false;
    startButtonRef.current?.focus();
  }, [starting]);

  function cancelStarting() {
    closedByCancel.current = true;
    setStarting(false);
  }

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>Scaling reviews</h1>
          <p className="muted">
            The monthly meeting that walks the portfolio: its signals, decisions and action items, with the figures kept
            exactly as they stood.
          </p>
        </div>
        {canRun && !starting && (
          <button ref={startButtonRef} type="button" className="button button--primary" onClick={() => setStarting(true)}>
            Start a review
          </button>
        )}
      </div>
      {starting && canRun && <StartReviewPanel onCancel={cancelStarting} preferredMonth={requestedMonth} />}
      {reviews.isPending ? (
        <LoadingState label="Loading the reviews…" />
      ) : reviews.isError ? (
        <ErrorState error={reviews.error} onRetry={() => void reviews.refetch()} />
      ) : items.length === 0 ? (
        <NoReviewsYet canRun={canRun} starting={starting} onStart={() => setStarting(true)} />
      ) : (
        <section className="panel" aria-labelledby="reviews-heading">
          <div className="panel__header">
            <h2 id="reviews-heading">Reviews</h2>
            <p className="muted">Newest month first. Open one to read its pack as it stood at the meeting.</p>
          </div>
          <ReviewsTable reviews={items} />
          {reviews.hasNextPage && (
            <button
              type="button"
              className="button button--small change-list__more"
              disabled={reviews.isFetchingNextPage}
              onClick={() => void reviews.fetchNextPage()}
            >
              {reviews.isFetchingNextPage ? 'Loading more…' : 'Show more'}
            </button>
          )}
          {reviews.isFetchNextPageError && (
            <p className="notice notice--error" role="alert">
              The earlier reviews could not be loaded. Try again.
            </p>
          )}
        </section>
      )}
    </div>
  );
}

function NoReviewsYet({ canRun, starting, onStart }: { canRun: boolean; starting: boolean; onStart: () => void }) {
  return (
    <EmptyState title="No scaling reviews yet">
      <p>
        A scaling review is the monthly meeting that walks the portfolio for one month. Starting one freezes that month’s
        figures and signals, so the pack reads later exactly as it stood; the meeting then records its decisions and its
        action items, each with an owner and a due date.
      </p>
      {canRun ? (
        !starting && (
          <>
            <p>Choose the month, the day of the meeting and, if you have one, the agenda.</p>
            <button type="button" className="button button--primary" onClick={onStart}>
              Start a review
            </button>
          </>
        )
      ) : (
        <p>Admins and executives start the reviews; each one will be listed here for you to read.</p>
      )}
    </EmptyState>
  );
}

function ReviewsTable({ reviews }: { reviews: readonly ReviewSummary[] }) {
  return (
    <div className="table-scroll">
      <table className="table reviews-table">
        <caption className="visually-hidden">Scaling reviews, newest month first.</caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col">Held on</th>
            <th scope="col">Started by</th>
            <th scope="col" className="numeric">
              Areas in drift
            </th>
            <th scope="col" className="numeric">
              Decisions
            </th>
            <th scope="col">Action items</th>
          </tr>
        </thead>
        <tbody>
          {reviews.map((review) => (
            <tr key={review.id} data-review-month={review.month}>
              <th scope="row">
                <Link to={`/reviews/${encodeURIComponent(review.id)}`}>{formatMonthLong(review.month)}</Link>
              </th>
              <td>{formatDay(review.heldOn)}</td>
              <td>{review.createdBy?.name ?? NO_VALUE}</td>
              <td className={review.areasInDrift > 0 ? 'numeric tone-bad' : 'numeric'}>{review.areasInDrift}</td>
              <td className="numeric">{review.decisionCount}</td>
              <td>{describeActionItemCounts(review.openActionItemCount, review.actionItemCount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
