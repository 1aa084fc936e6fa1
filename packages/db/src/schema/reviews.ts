import { date, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { lifecycleDates } from './columns.ts';
import { users } from './users.ts';

/** One monthly scaling review, with the portfolio frozen as it stood at the meeting. */
export const reviews = pgTable('reviews', {
  id: uuid('id').primaryKey().defaultRandom(),
  month: text('month').notNull(),
  heldOn: date('held_on').notNull(),
  snapshot: jsonb('snapshot').notNull(),
  agenda: text('agenda').notNull().default(''),
  notes: text('notes').notNull().default(''),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  ...lifecycleDates,
});

export const reviewDecisions = pgTable('review_decisions', {
  id: uuid('id').primaryKey().defaultRandom(),
  reviewId: uuid('review_id')
    .notNull()
    .references(() => reviews.id, { onDelete: 'cascade' }),
  text: text('text').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const actionItemStatusEnum = pgEnum('action_item_status', ['open', 'done', 'dropped']);

export const reviewActionItems = pgTable('review_action_items', {
  id: uuid('id').primaryKey().defaultRandom(),
  reviewId: uuid('review_id')
    .notNull()
    .references(() => reviews.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
  dueOn: date('due_on'),
  status: actionItemStatusEnum('status').notNull().default('open'),
  ...lifecycleDates,
});
