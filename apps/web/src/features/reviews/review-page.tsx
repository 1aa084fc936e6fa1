import { useEffect, useRef } from 'react';
import './review-changes.css';
import type { Review } from '@autonomy/contracts';
import { ErrorState, LoadingState } from '../../components/ui/query-states.tsx';
import { formatDateTime, formatMonthLong } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { Link } from '../../router.tsx';
import { canCorrectReviews, canManageUsers, canRunReviews } from '../auth/permissions.ts';
import { useSessionUser } from '../auth/queries.ts';
import { ActionItemsPanel } from './action-items-panel.tsx';
import { DecisionsPanel } from './decisions-panel.tsx';
import { useReview } from './queries.ts';
import { formatDay } from './review-dates.ts';
import { ReviewCorrections } from './review-corrections.tsx';
import { ReviewRecordPanel } from './review-record-panel.tsx';
import { FrozenPortfolio, FrozenSignals } from './review-snapshot.tsx';

/** One review's pack: the portfolio frozen when it started, and what the meeting recorded. */
export function ReviewPage({ id }: { id: string }) {
  const review = useReview(id);
  const session = useSessionUser();
  const role = session.data?.role;
  useDocumentTitle(review.data ? `Scaling review — ${formatMonthLong(review.data.month)}` : 'Review');

  return (
    <div className="page review-pack">
      <Link className="back-link no-print" to="/reviews">
        ← Reviews
      </Link>
      {review.isPending ? (
        <LoadingState label="Loading the review…" />
      ) : review.isError ? (
        <ErrorState error={review.error} onRetry={() => void review.refetch()}>
          <Link to="/reviews">Back to the reviews</Link>
        </ErrorState>
      ) : (
        <ReviewPack
          review={review.data}
          canRun={role ? canRunReviews(role) : false}
          canListUsers={role ? canManageUsers(role) : false}
          canCorrect={role ? canCorrectReviews(role) : false}
          userId={session.data?.id}
        />
      )}
    </div>
  );
}

function ReviewPack({ review, canRun, canListUsers, canCorrect, userId }: {
  review: Review;
  /** Admins and executives write; everyone else reads the same pack without a single control. */
  canRun: boolean;
  /** Only admins may list accounts (the API refuses anyone else), so only they pick owners from a list. */
  canListUsers: boolean;
  /** Admins discard a review started by mistake, or freeze its snapshot again, before it records decisions. */
  canCorrect: boolean;
  /** The signed-in user: the owner of an action item marks it done or dropped and writes its note. */
  userId: string | undefined;
}) {
  const { snapshot } = review;
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Arriving from "Start review" (or any button that went away) leaves the focus nowhere: put it on the pack.
  useEffect(() => {
    if (document.activeElement === document.body) headingRef.current?.focus();
  }, []);
  return (
    <div className="stack">
      <div className="page-header">
        <div>
          <h1 ref={headingRef} tabIndex={-1}>
            Scaling review — {formatMonthLong(review.month)}
          </h1>
          <p className="muted review-pack__meta">
            Held on <strong>{formatDay(review.heldOn)}</strong>
            {review.createdBy && (
              <>
                {' '}
                · started by <strong>{review.createdBy.name}</strong>
              </>
            )}
          </p>
        </div>
        <div className="button-row no-print">
          <button type="button" className="button" onClick={() => window.print()}>
            Print
          </button>
        </div>
      </div>
      <p className="notice notice--info review-frozen" data-taken-at={snapshot.takenAt}>
        <span className="notice__title">Figures frozen as of </span>
        <time className="notice__title" dateTime={snapshot.takenAt}>
          {formatDateTime(snapshot.takenAt)}
        </time>
        . Changes made to figures, targets, settings or signals since then do not change this pack.
      </p>
      {canCorrect && <ReviewCorrections review={review} />}
      <ReviewRecordPanel review={review} canEdit={canRun} />
      <FrozenPortfolio snapshot={snapshot} />
      <FrozenSignals snapshot={snapshot} />
      <DecisionsPanel review={review} canRecord={canRun} />
      <ActionItemsPanel review={review} canRecord={canRun} canListUsers={canListUsers} userId={userId} />
    </div>
  );
}
