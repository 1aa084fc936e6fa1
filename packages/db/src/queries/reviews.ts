import { and, asc, desc, eq, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../client.ts';
import { reviewActionItems, reviewDecisions, reviews, users } from '../schema/index.ts';

export type ReviewRow = typeof reviews.$inferSelect;
export type ActionItemStatus = (typeof reviewActionItems.$inferSelect)['status'];

/** A user named on a review; null when their account was deleted. */
export interface ReviewPerson {
  id: string;
  email: string;
  name: string;
}

export interface ReviewSummaryRow {
  id: string;
  month: string;
  heldOn: string;
  createdBy: ReviewPerson | null;
  areasInDrift: number;
  decisionCount: number;
  actionItemCount: number;
  openActionItemCount: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface ReviewDetailRow extends ReviewSummaryRow {
  agenda: string;
  notes: string;
  snapshot: unknown;
}

export interface ReviewDecisionRow {
  id: string;
  reviewId: string;
  text: string;
  areaSlug: string | null;
  createdBy: ReviewPerson | null;
  createdAt: Date;
}

export interface ActionItemRow {
  id: string;
  reviewId: string;
  title: string;
  areaSlug: string | null;
  owner: ReviewPerson | null;
  dueOn: string | null;
  status: ActionItemStatus;
  /** The owner's latest word on progress, or null. */
  note: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const creator = alias(users, 'creator');
const owner = alias(users, 'owner');
const personOf = <T extends typeof creator | typeof owner>(table: T): Pick<T, 'id' | 'email' | 'name'> => ({
  id: table.id,
  email: table.email,
  name: table.name,
});

// Counted per review in the same statement, so a page of reviews is one query. Written as plain
// SQL with the outer table named, as the correlated subqueries must say which `id` they mean.
const summaryColumns = {
  id: reviews.id,
  month: reviews.month,
  heldOn: reviews.heldOn,
  createdBy: personOf(creator),
  areasInDrift: sql<number>`coalesce(("reviews"."snapshot" #>> '{organisation,areasInDrift}')::int, 0)`.mapWith(Number),
  decisionCount: sql<number>`(select count(*) from review_decisions as d where d.review_id = "reviews"."id")`.mapWith(Number),
  actionItemCount: sql<number>`(select count(*) from review_action_items as i where i.review_id = "reviews"."id")`.mapWith(Number),
  openActionItemCount: sql<number>`(
    select count(*) from review_action_items as i where i.review_id = "reviews"."id" and i.status = 'open'
  )`.mapWith(Number),
  version: reviews.version,
  createdAt: reviews.createdAt,
  updatedAt: reviews.updatedAt,
};

const detailColumns = { ...summaryColumns, agenda: reviews.agenda, notes: reviews.notes, snapshot: reviews.snapshot };

/**
 * Starts a review. Returns undefined when the month already has one: the unique index on the
 * month decides, so two reviews started at once never both succeed, on either driver.
 */
export async function insertReview(
  db: Database,
  review: { month: string; heldOn: string; agenda: string; notes: string; snapshot: unknown; createdBy: string },
): Promise<ReviewRow | undefined> {
  const [row] = await db.insert(reviews).values(review).onConflictDoNothing({ target: reviews.month }).returning();
  return row;
}

export async function getReviewIdForMonth(db: Database, month: string): Promise<string | undefined> {
  const [row] = await db.select({ id: reviews.id }).from(reviews).where(eq(reviews.month, month));
  return row?.id;
}

/** Newest month first; `beforeMonth` is the cursor of the previous page (months are unique). */
export async function listReviews(
  db: Database,
  page: { limit: number; month?: string; beforeMonth?: string },
): Promise<ReviewSummaryRow[]> {
  return db
    .select(summaryColumns)
    .from(reviews)
    .leftJoin(creator, eq(creator.id, reviews.createdBy))
    .where(
      and(page.month ? eq(reviews.month, page.month) : undefined, page.beforeMonth ? lt(reviews.month, page.beforeMonth) : undefined),
    )
    .orderBy(desc(reviews.month))
    .limit(page.limit);
}

export async function getReview(db: Database, id: string): Promise<ReviewDetailRow | undefined> {
  const [row] = await db.select(detailColumns).from(reviews).leftJoin(creator, eq(creator.id, reviews.createdBy)).where(eq(reviews.id, id));
  return row;
}

/**
 * Reads the review and locks it against every other write until the transaction ends: a decision
 * or action item added meanwhile (its foreign key takes a key-share lock on the review) waits, so
 * a review found empty here is still empty when it is discarded or its snapshot taken again.
 */
export async function getReviewForUpdate(db: Database, id: string): Promise<ReviewDetailRow | undefined> {
  const [locked] = await db.select({ id: reviews.id }).from(reviews).where(eq(reviews.id, id)).for('update');
  return locked && getReview(db, id);
}

/**
 * Reads the review with a key-share lock, as adding a decision or an action item to it does:
 * such writes run side by side, but wait for a discard or a new snapshot in progress, and then
 * see the review as that left it (gone, or with the new snapshot).
 */
export async function getReviewForAdding(db: Database, id: string): Promise<ReviewDetailRow | undefined> {
  const [locked] = await db.select({ id: reviews.id }).from(reviews).where(eq(reviews.id, id)).for('key share');
  return locked && getReview(db, id);
}

/** Removes a review (its decisions and action items go with it); false when it is not at `expectedVersion`. */
export async function deleteReview(db: Database, id: string, expectedVersion: number): Promise<boolean> {
  const deleted = await db
    .delete(reviews)
    .where(and(eq(reviews.id, id), eq(reviews.version, expectedVersion)))
    .returning({ id: reviews.id });
  return deleted.length > 0;
}

/** Replaces the frozen snapshot only if the review is still at `expectedVersion`; null otherwise. */
export async function replaceReviewSnapshot(db: Database, id: string, snapshot: unknown, expectedVersion: number): Promise<ReviewRow | null> {
  const [row] = await db
    .update(reviews)
    .set({ snapshot, version: sql`${reviews.version} + 1`, updatedAt: new Date() })
    .where(and(eq(reviews.id, id), eq(reviews.version, expectedVersion)))
    .returning();
  return row ?? null;
}

/**
 * Changes the date, agenda or notes only if the review is still at `expectedVersion`; returns
 * null when someone changed it first, so their change is never overwritten.
 */
export async function updateReview(
  db: Database,
  id: string,
  patch: Partial<Pick<ReviewRow, 'heldOn' | 'agenda' | 'notes'>>,
  expectedVersion: number,
): Promise<ReviewRow | null> {
  const [row] = await db
    .update(reviews)
    .set({ ...patch, version: sql`${reviews.version} + 1`, updatedAt: new Date() })
    .where(and(eq(reviews.id, id), eq(reviews.version, expectedVersion)))
    .returning();
  return row ?? null;
}

// clock_timestamp(), not the transaction's now(): several decisions or items recorded in one
// transaction (the demo's) still keep the order they were recorded in.
const recordedNow = sql`clock_timestamp()`;

const decisionColumns = {
  id: reviewDecisions.id,
  reviewId: reviewDecisions.reviewId,
  text: reviewDecisions.text,
  areaSlug: reviewDecisions.areaSlug,
  createdBy: personOf(creator),
  createdAt: reviewDecisions.createdAt,
};

/** A review's decisions, oldest first, as recorded in the meeting. */
export async function listReviewDecisions(db: Database, reviewId: string): Promise<ReviewDecisionRow[]> {
  return db
    .select(decisionColumns)
    .from(reviewDecisions)
    .leftJoin(creator, eq(creator.id, reviewDecisions.createdBy))
    .where(eq(reviewDecisions.reviewId, reviewId))
    .orderBy(asc(reviewDecisions.createdAt), asc(reviewDecisions.id));
}

export async function addReviewDecision(
  db: Database,
  decision: { reviewId: string; text: string; areaSlug: string | null; createdBy: string },
): Promise<ReviewDecisionRow> {
  const [inserted] = await db
    .insert(reviewDecisions)
    .values({ ...decision, createdAt: recordedNow })
    .returning({ id: reviewDecisions.id });
  if (!inserted) throw new Error('recording a decision returned no row');
  const [row] = await db
    .select(decisionColumns)
    .from(reviewDecisions)
    .leftJoin(creator, eq(creator.id, reviewDecisions.createdBy))
    .where(eq(reviewDecisions.id, inserted.id));
  if (!row) throw new Error('the new decision vanished within its own transaction');
  return row;
}

const actionItemColumns = {
  id: reviewActionItems.id,
  reviewId: reviewActionItems.reviewId,
  title: reviewActionItems.title,
  areaSlug: reviewActionItems.areaSlug,
  owner: personOf(owner),
  dueOn: reviewActionItems.dueOn,
  status: reviewActionItems.status,
  note: reviewActionItems.note,
  version: reviewActionItems.version,
  createdAt: reviewActionItems.createdAt,
  updatedAt: reviewActionItems.updatedAt,
};

/** A review's action items, oldest first. */
export async function listActionItems(db: Database, reviewId: string): Promise<ActionItemRow[]> {
  return db
    .select(actionItemColumns)
    .from(reviewActionItems)
    .leftJoin(owner, eq(owner.id, reviewActionItems.ownerId))
    .where(eq(reviewActionItems.reviewId, reviewId))
    .orderBy(asc(reviewActionItems.createdAt), asc(reviewActionItems.id));
}

/** One action item, only if it belongs to that review. */
export async function getActionItem(db: Database, reviewId: string, itemId: string): Promise<ActionItemRow | undefined> {
  const [row] = await db
    .select(actionItemColumns)
    .from(reviewActionItems)
    .leftJoin(owner, eq(owner.id, reviewActionItems.ownerId))
    .where(and(eq(reviewActionItems.reviewId, reviewId), eq(reviewActionItems.id, itemId)));
  return row;
}

export async function addActionItem(
  db: Database,
  item: {
    reviewId: string;
    title: string;
    ownerId: string;
    dueOn: string | null;
    areaSlug: string | null;
    status?: ActionItemStatus;
    createdBy: string;
  },
): Promise<ActionItemRow> {
  const [inserted] = await db
    .insert(reviewActionItems)
    .values({ ...item, createdAt: recordedNow, updatedAt: recordedNow })
    .returning({ id: reviewActionItems.id });
  const row = inserted && (await getActionItem(db, item.reviewId, inserted.id));
  if (!row) throw new Error('the new action item vanished within its own transaction');
  return row;
}

/**
 * Changes an action item only if it is still at `expectedVersion`; returns null when someone
 * changed it first.
 */
export async function updateActionItem(
  db: Database,
  change: {
    reviewId: string;
    itemId: string;
    patch: { title?: string; ownerId?: string; dueOn?: string | null; status?: ActionItemStatus; note?: string };
    expectedVersion: number;
  },
): Promise<ActionItemRow | null> {
  const [updated] = await db
    .update(reviewActionItems)
    .set({ ...change.patch, version: sql`${reviewActionItems.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(reviewActionItems.reviewId, change.reviewId),
        eq(reviewActionItems.id, change.itemId),
        eq(reviewActionItems.version, change.expectedVersion),
      ),
    )
    .returning({ id: reviewActionItems.id });
  if (!updated) return null;
  return (await getActionItem(db, change.reviewId, updated.id)) ?? null;
}

/** An action item with the month of the review it came from, for lists across reviews. */
export interface OwnedActionItemRow extends ActionItemRow {
  reviewMonth: string;
}

/** Where a list of items ordered by due date (none last) stopped: the last item's due date and id. */
export interface ActionItemPosition {
  dueOn: string | null;
  id: string;
}

const NO_DUE_DATE = '9999-12-31';
const dueOrder = sql`coalesce(${reviewActionItems.dueOn}, ${NO_DUE_DATE}::date)`;

/** One user's action items across every review, soonest due first (undated last), then by id. */
export async function listActionItemsOwnedBy(
  db: Database,
  query: { ownerId: string; status?: ActionItemStatus; dueBefore?: string; after?: ActionItemPosition; limit: number },
): Promise<OwnedActionItemRow[]> {
  const after = query.after;
  return db
    .select({ ...actionItemColumns, reviewMonth: reviews.month })
    .from(reviewActionItems)
    .innerJoin(reviews, eq(reviews.id, reviewActionItems.reviewId))
    .leftJoin(owner, eq(owner.id, reviewActionItems.ownerId))
    .where(
      and(
        eq(reviewActionItems.ownerId, query.ownerId),
        query.status ? eq(reviewActionItems.status, query.status) : undefined,
        query.dueBefore ? lt(reviewActionItems.dueOn, query.dueBefore) : undefined,
        after ? sql`(${dueOrder}, ${reviewActionItems.id}) > (${after.dueOn ?? NO_DUE_DATE}::date, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(dueOrder, asc(reviewActionItems.id))
    .limit(query.limit);
}
