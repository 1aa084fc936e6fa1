import { countOf, formatMonthLong } from '../../lib/format.ts';
import { Link, withMonth } from '../../router.tsx';
import { canRunReviews } from '../auth/permissions.ts';
import { useSessionUser } from '../auth/queries.ts';
import { useAllReviews } from './queries.ts';
import { formatDay } from './review-dates.ts';
import { describeOpenItems } from './review-items.ts';

/**
 * One line on the portfolio: whether the month shown has had its scaling review, with a way into
 * its pack, or a way to start it for those who run reviews.
 */
export function MonthReviewNote({ month }: { month: string }) {
  const reviews = useAllReviews();
  const session = useSessionUser();
  const canRun = session.data ? canRunReviews(session.data.role) : false;
  // Quiet while loading; the page has its own loading state and this line is an aside.
  if (reviews.isPending) return null;
  if (reviews.isError) {
    return <p className="muted month-review-note">Whether {formatMonthLong(month)} has had its scaling review could not be checked.</p>;
  }
  const review = reviews.data.find((candidate) => candidate.month === month);
  if (!review) {
    return (
      <p className="muted month-review-note" data-month-review="none">
        No scaling review of {formatMonthLong(month)} yet.
        {canRun && (
          <>
            {' '}
            <Link to={withMonth('/reviews', month)}>Start it</Link>
          </>
        )}
      </p>
    );
  }
  return (
    <p className="muted month-review-note" data-month-review={review.id}>
      Reviewed on {formatDay(review.heldOn)}: {countOf(review.decisionCount, 'decision')},{' '}
      {describeOpenItems(review.openActionItemCount, review.actionItemCount)}.{' '}
      <Link to={`/reviews/${encodeURIComponent(review.id)}`}>Open the review pack</Link>
    </p>
  );
}
