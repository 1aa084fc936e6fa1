import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Organisation settings (drift window, thresholds, weights) as validated JSON, one row per key. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  /** Bumped on every change; the ETag of `GET /settings` (0 while the defaults apply). */
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
