import { useMemo } from 'react';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/query-states.tsx';
import { ShowMoreChanges } from '../../components/ui/show-more-changes.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { describeAuditEvent } from './audit-changes.ts';
import { useAreaChanges } from './queries.ts';

/** Who changed the area's figures, targets and details, and when: its audit events, newest first. */
export function AreaChangesPanel({ slug }: { slug: string }) {
  const changes = useAreaChanges(slug);
  const events = useMemo(() => changes.data?.pages.flatMap((page) => page.items) ?? [], [changes.data]);

  return (
    <section className="panel" aria-labelledby="area-changes-heading">
      <div className="panel__header">
        <h2 id="area-changes-heading">Changes</h2>
        <p className="muted">Who changed this area’s figures (by hand or by import), targets, details and signals, and what reviews decided about it, and when; newest first. Kept for good: nothing here can be edited.</p>
      </div>
      {changes.isPending ? (
        <LoadingState label="Loading the area’s changes…" />
      ) : changes.isError ? (
        <ErrorState error={changes.error} onRetry={() => void changes.refetch()} />
      ) : events.length === 0 ? (
        <EmptyState title="No changes recorded for this area yet" />
      ) : (
        <>
          <ol className="change-list">
            {events.map((event) => (
              <li key={event.id} className="change-list__item" data-action={event.action} data-subject={event.subject ?? undefined}>
                <p className="change-list__what">{describeAuditEvent(event, slug)}</p>
                <time className="muted small" dateTime={event.at}>
                  {formatDateTime(event.at)}
                </time>
              </li>
            ))}
          </ol>
          <ShowMoreChanges changes={changes} />
        </>
      )}
    </section>
  );
}
