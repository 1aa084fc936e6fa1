import type { ActionItem } from '@autonomy/contracts';
import { isOverdue } from '../reviews/review-dates.ts';

/** What My areas needs of an action item; the rest of it belongs to the review pack. */
export type ActionItemLine = Pick<ActionItem, 'id' | 'reviewId' | 'title' | 'areaSlug' | 'owner' | 'dueOn' | 'status'>;

/** One of the reader's open action items, with the month of the review that recorded it. */
export interface MyActionItem<I extends ActionItemLine = ActionItemLine> {
  item: I;
  reviewMonth: string;
  overdue: boolean;
}

/**
 * The reader's open action items across the reviews, soonest due first (so the overdue ones lead),
 * undated last, older reviews first among equals. An item is theirs when they own it: by account
 * id, which survives a change of email.
 */
export function myOpenActionItems<I extends ActionItemLine>(
  reviews: readonly { month: string; actionItems: readonly I[] }[],
  ownerId: string,
  today: string,
): MyActionItem<I>[] {
  const mine: MyActionItem<I>[] = [];
  for (const review of reviews) {
    for (const item of review.actionItems) {
      if (item.status === 'open' && item.owner?.id === ownerId) {
        mine.push({ item, reviewMonth: review.month, overdue: isOverdue(item, today) });
      }
    }
  }
  return mine.sort(bySoonestDue);
}

function bySoonestDue(a: MyActionItem, b: MyActionItem): number {
  const dueA = a.item.dueOn ?? '\uffff';
  const dueB = b.item.dueOn ?? '\uffff';
  if (dueA !== dueB) return dueA < dueB ? -1 : 1;
  if (a.reviewMonth !== b.reviewMonth) return a.reviewMonth < b.reviewMonth ? -1 : 1;
  return a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0;
}
