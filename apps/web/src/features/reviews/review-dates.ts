import type { ActionItem } from '@autonomy/contracts';

/**
 * Calendar days as the reviews use them (`YYYY-MM-DD`): the day a meeting was held, the day an
 * action item is due. Days are labels, not instants, so they are compared as text and formatted
 * in UTC: no time zone can move a due date to the day before.
 */

/** The reader's local calendar day, `YYYY-MM-DD`: "today" is where the meeting is, not in UTC. */
export function dayOf(date: Date): string {
  const year = String(date.getFullYear()).padStart(4, '0');
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const longDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** `2026-11-03` → `3 Nov 2026`; anything that is not a day is shown as it came. */
export function formatDay(day: string): string {
  const match = DAY.exec(day);
  if (!match) return day;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(date.getTime()) ? day : longDay.format(date);
}

/**
 * An item is overdue when it is still open and its due day has passed: due today is not late yet.
 * Done and dropped items are settled, whatever their date said.
 */
export function isOverdue(item: Pick<ActionItem, 'status' | 'dueOn'>, today: string): boolean {
  return item.status === 'open' && item.dueOn !== null && item.dueOn < today;
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`), for "3 days overdue". */
export function daysBetween(from: string, to: string): number {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  return Math.round((end - start) / 86_400_000);
}
