import { useEffect, useRef, useState } from 'react';
import type { ActionItem, Review } from '@autonomy/contracts';
import { ProblemNotice } from '../../components/ui/problem-notice.tsx';
import { EmptyState } from '../../components/ui/query-states.tsx';
import { countOf, NO_VALUE } from '../../lib/format.ts';
import { Link, withMonth } from '../../router.tsx';
import { ownsActionItem } from '../auth/permissions.ts';
import { ActionItemEditForm } from './action-item-edit-form.tsx';
import { ActionItemForm } from './action-item-form.tsx';
import { ActionItemNoteForm } from './action-item-note-form.tsx';
import { ActionItemChangedError, useChangeActionItem } from './queries.ts';
import { dayOf, daysBetween, formatDay, isOverdue } from './review-dates.ts';
import {
  ACTION_ITEM_STATUS_LABELS,
  actionItemMoves,
  areaNameIn,
  describeActionItemConflict,
  describeActionItemProgress,
  sortOldestFirst,
} from './review-items.ts';

/**
 * What the meeting asked someone to do, with an owner and a due date. Open items past their due
 * day are flagged against today, so reading an old pack still shows what was left undone.
 */
export function ActionItemsPanel({ review, canRecord, canListUsers, userId }: {
  review: Review;
  canRecord: boolean;
  canListUsers: boolean;
  /** The signed-in user, who may close and annotate the items they own. */
  userId?: string | undefined;
}) {
  const items = sortOldestFirst(review.actionItems);
  const ownsAny = userId !== undefined && items.some((item) => ownsActionItem({ id: userId }, item));
  const today = dayOf(new Date());
  const open = items.filter((item) => item.status === 'open').length;
  const overdue = items.filter((item) => isOverdue(item, today)).length;

  return (
    <section className="panel action-items" aria-labelledby="action-items-heading">
      <div className="panel__header">
        <h2 id="action-items-heading">Action items</h2>
        <p className="muted">
          {items.length === 0
            ? 'Who does what, by when.'
            : `${describeActionItemProgress(items.length, open, overdue)} In the order they were agreed.`}
        </p>
      </div>
      {items.length === 0 ? (
        <EmptyState title="No action items yet" />
      ) : (
        <div className="table-scroll">
          <table className="table table--compact action-items__table">
            <caption className="visually-hidden">Action items of this review, oldest first, with owner, due date and status.</caption>
            <thead>
              <tr>
                <th scope="col">Action</th>
                <th scope="col">Area</th>
                <th scope="col">Owner</th>
                <th scope="col">Due</th>
                <th scope="col">Status</th>
                {(canRecord || ownsAny) && (
                  <th scope="col" className="no-print">
                    <span className="visually-hidden">Change the status</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <ActionItemRow
                  key={item.id}
                  item={item}
                  review={review}
                  today={today}
                  canRecord={canRecord}
                  canListUsers={canListUsers}
                  owned={userId !== undefined && ownsActionItem({ id: userId }, item)}
                  withControls={canRecord || ownsAny}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canRecord && <ActionItemForm review={review} canListUsers={canListUsers} />}
    </section>
  );
}

function ActionItemRow({ item, review, today, canRecord, canListUsers, owned, withControls }: {
  item: ActionItem;
  review: Review;
  today: string;
  canRecord: boolean;
  canListUsers: boolean;
  /** The signed-in user owns it: they mark it done or dropped and write its note, nothing else. */
  owned: boolean;
  /** The table has a controls column (someone may change some item). */
  withControls: boolean;
}) {
  const overdue = isOverdue(item, today);
  const [editing, setEditing] = useState(false);
  const [noting, setNoting] = useState(false);
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const focusEditButton = useRef(false);

  // Back to the button that opened the form, for the keyboard, once React has shown it again: in
  // an effect, after the commit, rather than on the next frame, which a busy page can reach first.
  useEffect(() => {
    if (editing || !focusEditButton.current) return;
    focusEditButton.current = false;
    editButtonRef.current?.focus();
  }, [editing]);

  function stopEditing() {
    focusEditButton.current = true;
    setEditing(false);
  }

  // For the owner's controls and the recorder's alike.
  const noteButton = !noting && (
    <button
      type="button"
      className="button button--small action-items__add-note"
      aria-label={`${item.note ? 'Change the note' : 'Add a note'}: ${item.title}`}
      onClick={() => setNoting(true)}
    >
      {item.note ? 'Change note…' : 'Add note…'}
    </button>
  );

  return (
    <>
      <tr data-action-item-id={item.id} data-status={item.status} data-overdue={overdue} className={overdue ? 'is-overdue' : undefined}>
        <th scope="row" className="preserve-lines">
          {item.title}
          {item.note && (
            <span className="action-items__note small">
              <span className="muted">Progress: </span>
              {item.note}
            </span>
          )}
        </th>
        <td>
          {item.areaSlug ? (
            <Link to={withMonth(`/areas/${encodeURIComponent(item.areaSlug)}`, review.month)}>
              {areaNameIn(review.snapshot.areas, item.areaSlug)}
            </Link>
          ) : (
            NO_VALUE
          )}
        </td>
        <td>
          {item.owner ? (
            <>
              {item.owner.name}
              <span className="muted small action-items__email">{item.owner.email}</span>
            </>
          ) : (
            <span className="muted">Account deleted</span>
          )}
        </td>
        <td className="action-items__due">
          {item.dueOn ? formatDay(item.dueOn) : NO_VALUE}
          {overdue && item.dueOn && (
            <span className="badge badge--critical action-items__overdue">
              Overdue by {countOf(daysBetween(item.dueOn, today), 'day')}
            </span>
          )}
        </td>
        <td>
          <span className={`status-badge status-badge--${item.status}`} data-status={item.status}>
            {ACTION_ITEM_STATUS_LABELS[item.status]}
          </span>
        </td>
        {withControls && !canRecord && (
          <td className="no-print">
            {owned && (
              <>
                <ActionItemControls item={item} reviewId={review.id} ownerOnly />
                {noteButton}
              </>
            )}
          </td>
        )}
        {canRecord && (
          <td className="no-print">
            <ActionItemControls item={item} reviewId={review.id} />
            {noteButton}
            {!editing && (
              <button
                ref={editButtonRef}
                type="button"
                className="button button--small action-items__edit"
                aria-label={`Change: ${item.title}`}
                onClick={() => setEditing(true)}
              >
                Change…
              </button>
            )}
          </td>
        )}
      </tr>
      {noting && (
        <tr className="action-items__edit-row no-print">
          <td colSpan={6}>
            <ActionItemNoteForm item={item} reviewId={review.id} onDone={() => setNoting(false)} />
          </td>
        </tr>
      )}
      {editing && (
        <tr className="action-items__edit-row no-print">
          <td colSpan={6}>
            <ActionItemEditForm review={review} item={item} canListUsers={canListUsers} onDone={stopEditing} />
          </td>
        </tr>
      )}
    </>
  );
}

/**
 * Moves an item to another status on the version shown (`If-Match`). Waits for the API: the new
 * status shows once the server has it. When someone else changed the item first, says what it is now.
 */
function ActionItemControls({ item, reviewId, ownerOnly = false }: {
  item: ActionItem;
  reviewId: string;
  /** Its owner closes an open item (done or dropped); reopening one is for executives and admins. */
  ownerOnly?: boolean;
}) {
  const change = useChangeActionItem(reviewId);
  const moves = actionItemMoves(item.status).filter((move) => !ownerOnly || move.to !== 'open');
  const pendingStatus = change.isPending ? change.variables.patch.status : undefined;
  return (
    <div className="action-items__controls">
      <div className="button-row" role="group" aria-label={`Status of “${item.title}”`}>
        {moves.map((move) => (
          <button
            key={move.to}
            type="button"
            className="button button--small"
            // Named with the item: a screen reader listing buttons hears which item each one moves.
            aria-label={`${move.label}: ${item.title}`}
            disabled={change.isPending}
            onClick={() => change.mutate({ itemId: item.id, patch: { status: move.to }, version: item.version })}
          >
            {pendingStatus === move.to ? `${move.label}…` : move.label}
          </button>
        ))}
      </div>
      {change.error instanceof ActionItemChangedError ? (
        <div className="notice notice--error action-item-conflict" role="alert">
          <p>
            <span className="notice__title">Not changed.</span> {describeActionItemConflict(change.error.latest)}
          </p>
        </div>
      ) : (
        change.isError && <ProblemNotice error={change.error} action="The item was not changed" />
      )}
    </div>
  );
}
