import { date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { lifecycleDates } from './columns.ts';
import { users } from './users.ts';

/** One monthly scaling review, with the portfolio frozen as it stood at the meeting. */
export const reviews = pgTable(
  'reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    month: text('month').notNull(),
    heldOn: date('held_on').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    agenda: text('agenda').notNull().default(''),
    notes: text('notes').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    /** Bumped by every change to the date, agenda or notes; the review's ETag. */
    version: integer('version').notNull().default(1),
    ...lifecycleDates,
  },
  // One review per month: two people starting the same month's review at once get one review.
  (table) => [uniqueIndex('reviews_month_idx').on(table.month)],
);

/** The meeting's record: decisions are added, never edited or removed. */
export const reviewDecisions = pgTable(
  'review_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    /** The area the decision is about; a slug, so the record outlives a renamed or removed area. */
    areaSlug: text('area_slug'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [index('review_decisions_review_idx').on(table.reviewId)],
);

export const actionItemStatusEnum = pgEnum('action_item_status', ['open', 'done', 'dropped']);

export const reviewActionItems = pgTable(
  'review_action_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    areaSlug: text('area_slug'),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    dueOn: date('due_on'),
    status: actionItemStatusEnum('status').notNull().default('open'),
    /** The owner's latest word on progress; earlier ones are in the audit log. */
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    /** Bumped by every change to the item; its ETag. */
    version: integer('version').notNull().default(1),
    ...lifecycleDates,
  },
  (table) => [
    index('review_action_items_review_idx').on(table.reviewId),
    // A person's own items across reviews ("my action items").
    index('review_action_items_owner_idx').on(table.ownerId),
  ],
);
