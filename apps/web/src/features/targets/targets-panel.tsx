import { useEffect, useMemo, useRef, useState } from 'react';
import type { TargetChange, TargetChangeResult } from '@autonomy/contracts';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/query-states.tsx';
import { ShowMoreChanges } from '../../components/ui/show-more-changes.tsx';
import { formatAmount, formatDateTime, formatMonthLong, formatMonthSpan } from '../../lib/format.ts';
import { useAreaTargets, useTargetChanges } from './queries.ts';
import { SetTargetForm } from './set-target-form.tsx';
import { plannedTargets, summariseTargetChange } from './target-history.ts';

/**
 * An area's revenue targets: the form to set one (for those who may), the targets planned ahead
 * of the figures, and every change with who made it, when and why.
 */
export function TargetsPanel({ slug, canEdit, latestMonthWithFigures }: {
  slug: string;
  /** Admins and the area's leads; the API decides again on every save. */
  canEdit: boolean;
  latestMonthWithFigures: string | null;
}) {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<TargetChangeResult | null>(null);

  return (
    <section className="panel targets-panel" aria-labelledby="targets-heading">
      <div className="panel__header panel__header--with-actions">
        <div>
          <h2 id="targets-heading">Revenue targets</h2>
          <p className="muted">What each month is expected to bring in, and every change to it with its reason; newest first.</p>
        </div>
        {canEdit && !editing && (
          <div className="button-row">
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                setSaved(null);
                setEditing(true);
              }}
            >
              Set a target
            </button>
          </div>
        )}
      </div>
      <div className="stack">
        {saved && <TargetSavedNotice result={saved} onDismiss={() => setSaved(null)} />}
        {editing && (
          <SetTargetForm
            slug={slug}
            latestMonthWithFigures={latestMonthWithFigures}
            onCancel={() => setEditing(false)}
            onSaved={(result) => {
              setEditing(false);
              setSaved(result);
            }}
          />
        )}
        <div className="two-columns targets-panel__columns">
          <PlannedTargets slug={slug} />
          <TargetHistory slug={slug} />
        </div>
      </div>
    </section>
  );
}

function TargetSavedNotice({ result, onDismiss }: { result: TargetChangeResult; onDismiss: () => void }) {
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    noticeRef.current?.focus({ preventScroll: true });
    noticeRef.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  const { change } = result;
  return (
    <div ref={noticeRef} tabIndex={-1} className="notice notice--success figures-saved target-saved" role="status">
      <p>
        <span className="notice__title">Saved.</span> The revenue target for {formatMonthSpan(change.from, change.to)} is now{' '}
        {formatAmount(change.revenueTarget)}; revenue attainment and signals were recomputed.
      </p>
      <button type="button" className="button button--small figures-saved__dismiss" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}

/** The months with a target set ahead of their figures. */
function PlannedTargets({ slug }: { slug: string }) {
  const targets = useAreaTargets(slug);
  const planned = useMemo(() => (targets.data ? plannedTargets(targets.data) : []), [targets.data]);
  return (
    <div className="planned-targets">
      <h3 className="subheading">Planned ahead of the figures</h3>
      {targets.isPending ? (
        <LoadingState label="Loading the targets…" />
      ) : targets.isError ? (
        <ErrorState error={targets.error} onRetry={() => void targets.refetch()} />
      ) : planned.length === 0 ? (
        <p className="muted">No targets planned for months without figures.</p>
      ) : (
        <table className="table table--compact planned-targets__table">
          <caption className="visually-hidden">Revenue targets of months without figures yet, oldest first.</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col" className="numeric">
                Target
              </th>
            </tr>
          </thead>
          <tbody>
            {planned.map((month) => (
              <tr key={month.month} data-month={month.month}>
                <th scope="row">{formatMonthLong(month.month)}</th>
                <td className="numeric">{formatAmount(month.revenueTarget)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** Every target change, newest first, a page at a time. */
function TargetHistory({ slug }: { slug: string }) {
  const changes = useTargetChanges(slug);
  const items = useMemo(() => changes.data?.pages.flatMap((page) => page.items) ?? [], [changes.data]);
  return (
    <div className="target-history">
      <h3 className="subheading">Changes</h3>
      {changes.isPending ? (
        <LoadingState label="Loading the target changes…" />
      ) : changes.isError ? (
        <ErrorState error={changes.error} onRetry={() => void changes.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="No target changes yet" />
      ) : (
        <>
          <ol className="change-list target-history__list">
            {items.map((change) => (
              <TargetChangeItem key={change.id} change={change} />
            ))}
          </ol>
          <ShowMoreChanges changes={changes} />
        </>
      )}
    </div>
  );
}

function TargetChangeItem({ change }: { change: TargetChange }) {
  const summary = summariseTargetChange(change);
  return (
    <li className="change-list__item target-change" data-change-id={change.id} data-source={change.source}>
      <div>
        <p className="change-list__what">
          <span className="target-change__range">{summary.range}</span>:{' '}
          <span className="target-change__values">{summary.oldToNew}</span>
          {summary.sourceLabel && (
            <>
              {' '}
              <span className="kind-tag target-change__source">{summary.sourceLabel}</span>
            </>
          )}
        </p>
        <p className="muted small">
          <span className="target-change__reason">“{change.reason}”</span> — <span className="target-change__actor">{change.actor.name}</span>
        </p>
      </div>
      <time className="muted small" dateTime={change.at}>
        {formatDateTime(change.at)}
      </time>
    </li>
  );
}
