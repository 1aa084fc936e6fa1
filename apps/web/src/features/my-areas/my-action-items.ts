import type { OwnedActionItem } from '@autonomy/contracts';
import { isOverdue } from '../reviews/review-dates.ts';

/** What My areas needs of an action item; the rest of it belongs to the review pack. */
export type ActionItemLine = Pick<OwnedActionItem, 'id' | 'reviewId' | 'reviewMonth' | 'title' | 'areaSlug' | 'dueOn' | 'status'>;

/** One of the reader's open action items, and whether its due day has passed. */
export interface MyActionItem<I extends ActionItemLine = ActionItemLine> {
  item: I;
  overdue: boolean;
}

/**
 * The reader's open action items (the API gives their own), soonest due first so the overdue ones
 * lead, undated last, older reviews first among equals. A done or dropped item is settled and left
 * out, whatever an older page of the list said.
 */
export function orderMyActionItems<I extends ActionItemLine>(items: readonly I[], today: string): MyActionItem<I>[] {
  return items
    .filter((item) => item.status === 'open')
    .map((item) => ({ item, overdue: isOverdue(item, today) }))
    .sort(bySoonestDue);
}

function bySoonestDue(a: MyActionItem, b: MyActionItem): number {
  const dueA = a.item.dueOn ?? '\uffff';
  const dueB = b.item.dueOn ?? '\uffff';
  if (dueA !== dueB) return dueA < dueB ? -1 : 1;
  if (a.item.reviewMonth !== b.item.reviewMonth) return a.item.reviewMonth < b.item.reviewMonth ? -1 : 1;
  return a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0;
}
