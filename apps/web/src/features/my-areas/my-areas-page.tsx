import type { AreaHistory, User } from '@autonomy/contracts';
import './my-areas.css';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/query-states.tsx';
import { countOf, formatMonthLong } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { Link } from '../../router.tsx';
import { useSessionUser } from '../auth/queries.ts';
import { dayOf, formatDay } from '../reviews/review-dates.ts';
import { AreaOpenIncidents } from './area-open-incidents.tsx';
import { missingRecentMonths, RECENT_MONTH_COUNT, recentMonths, recentMonthsEnd } from './missing-months.ts';
import { orderMyActionItems, type MyActionItem } from './my-action-items.ts';
import { useMyAreaHistories, useMyOpenActionItems, useNewestReportedMonth } from './queries.ts';

/** An area lead's own loop: their areas, the recent months they still owe, their action items. */
export function MyAreasPage() {
  useDocumentTitle('My areas');
  const session = useSessionUser();
  if (!session.data) return null;
  return <MyAreas user={session.data} />;
}

function MyAreas({ user }: { user: User }) {
  const newest = useNewestReportedMonth();
  const end = newest.isSuccess ? recentMonthsEnd(newest.data, new Date()) : null;
  return (
    <div className="page stack my-areas">
      <div className="page-header">
        <div>
          <h1>My areas</h1>
          <p className="muted">
            {end === null
              ? 'The areas you lead, the months they still need figures for, and your action items.'
              : `The areas you lead, and which of the last ${RECENT_MONTH_COUNT} months each still needs figures for: ${formatMonthLong(recentMonths(end)[0] ?? end)} to ${formatMonthLong(end)}, ${newest.data === null ? 'this month (no area has reported figures yet)' : 'the newest month any area has reported'}.`}
          </p>
        </div>
      </div>
      <MyAreasList user={user} end={end} newest={newest} />
      <MyActionItems />
    </div>
  );
}

function MyAreasList({ user, end, newest }: {
  user: User;
  end: string | null;
  newest: ReturnType<typeof useNewestReportedMonth>;
}) {
  const histories = useMyAreaHistories(user.areaSlugs);
  if (user.areaSlugs.length === 0) {
    return (
      <EmptyState title="You do not lead any area yet">
        <p className="muted">An admin names each area’s leads. Until then, the portfolio shows every area.</p>
        <Link to="/">Go to the portfolio</Link>
      </EmptyState>
    );
  }
  if (newest.isError) return <ErrorState error={newest.error} onRetry={() => void newest.refetch()} />;
  return (
    <section aria-labelledby="my-areas-heading">
      <h2 id="my-areas-heading" className="visually-hidden">
        Your areas
      </h2>
      <ul className="my-areas__list">
        {user.areaSlugs.map((slug, index) => {
          const history = histories[index];
          return (
            <li key={slug} className="panel my-area">
              {!history || history.isPending || end === null ? (
                <LoadingState label={`Loading ${slug}…`} />
              ) : history.isError ? (
                <ErrorState error={history.error} onRetry={() => void history.refetch()} />
              ) : (
                <MyAreaCard history={history.data} end={end} />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function MyAreaCard({ history, end }: { history: AreaHistory; end: string }) {
  const areaPath = `/areas/${encodeURIComponent(history.slug)}`;
  const missing = missingRecentMonths(
    history.months.map((point) => point.month),
    end,
  );
  const headingId = `my-area-${history.slug}`;
  return (
    <article aria-labelledby={headingId}>
      <h3 id={headingId} className="my-area__name">
        <Link to={areaPath}>{history.name}</Link>
      </h3>
      {history.months.length === 0 && <p className="muted">No figures yet: add its first month to start its indices.</p>}
      {missing.length === 0 ? (
        <p className="my-area__complete">All {RECENT_MONTH_COUNT} recent months have figures.</p>
      ) : (
        <>
          <p className="my-area__missing-title">
            {countOf(missing.length, 'month')} without figures:
          </p>
          <ul className="my-area__missing">
            {missing.map((month) => (
              <li key={month}>
                <span>{formatMonthLong(month)}</span>
                <Link className="button button--small" to={`${areaPath}?${new URLSearchParams({ fill: month }).toString()}`}>
                  Add figures for {formatMonthLong(month)}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
      <AreaOpenIncidents slug={history.slug} />
    </article>
  );
}

function MyActionItems() {
  const items = useMyOpenActionItems();
  const today = dayOf(new Date());
  return (
    <section className="panel" aria-labelledby="my-action-items-heading">
      <div className="panel__header">
        <h2 id="my-action-items-heading">Your open action items</h2>
        <p className="muted">From the monthly reviews, soonest due first.</p>
      </div>
      {items.isPending ? (
        <LoadingState label="Loading your action items…" />
      ) : items.isError ? (
        <ErrorState error={items.error} onRetry={() => void items.refetch()} />
      ) : (
        <ActionItemList lines={orderMyActionItems(items.data, today)} />
      )}
    </section>
  );
}

function ActionItemList({ lines }: { lines: readonly MyActionItem[] }) {
  if (lines.length === 0) return <EmptyState title="No open action items are yours" />;
  const overdue = lines.filter((line) => line.overdue).length;
  return (
    <>
      <p className="muted">
        {countOf(lines.length, 'open item')}
        {overdue > 0 ? `, ${overdue} overdue` : ''}.
      </p>
      <ul className="my-action-items">
        {lines.map(({ item, overdue: late }) => (
          <li key={item.id} className="my-action-items__item">
            <span className="my-action-items__title">{item.title}</span>
            <span className="muted small">
              {item.dueOn ? `Due ${formatDay(item.dueOn)}` : 'No due date'}
              {late && (
                <>
                  {' '}
                  <span className="badge badge--critical">Overdue</span>
                </>
              )}
              {' · '}
              <Link to={`/reviews/${encodeURIComponent(item.reviewId)}`}>Review of {formatMonthLong(item.reviewMonth)}</Link>
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
