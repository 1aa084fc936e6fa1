import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Organisation settings (drift window, thresholds, weights) as validated JSON, one row per key. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
